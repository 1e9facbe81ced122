from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = "Funding proposals"

    def ready(self):
        from core.search import follow, follow_part, follow_related
        from proposals.models import BudgetLine, Proposal

        follow(Proposal)
        follow_part(BudgetLine, part_of="proposal")
        follow_related(Proposal, through="lead", fields=("first_name", "last_name"))
        follow_related(Proposal, through="lead_organisation", fields=("name",))
