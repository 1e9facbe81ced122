from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = "Funding proposals"

    def ready(self):
        from core.search import follow, follow_part
        from proposals.models import BudgetLine, Proposal

        follow(Proposal)
        follow_part(BudgetLine, part_of="proposal")
