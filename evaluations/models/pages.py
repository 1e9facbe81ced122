from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from governance.models.pages import RICH_TEXT_FEATURES


class ResultsPage(Page):
    """'What has it achieved?': families supported, successful family outcomes and outcomes
    achieved by area and year, and spend per successful outcome, generated from the record.
    Every count goes through the disclosure rule."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["governance.HomePage"]
    subpage_types = []
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from django.utils import timezone

        from evaluations.models import EvaluationStudy
        from evaluations.presenting import bars, gather, results

        context = super().get_context(request, *args, **kwargs)
        overall = results(gather(timezone.localdate()), suppressed=True)
        context.update(
            overall=overall,
            chart=bars(overall.chart_years),
            suppressed=True,
            studies=EvaluationStudy.objects.filter(published=True, reported_on__isnull=False)
            .select_related("commissioner")
            .prefetch_related("documents")[:20],
        )
        return context
