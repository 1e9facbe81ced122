"""The public site: what the programme is, its priorities, how to apply, useful documents,
the group's decisions, what the money is spent on and what it has achieved. Every figure comes
from the selectors of the app it belongs to."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from evaluations.selectors.presenting import bars, gather, results
from evaluations.selectors.results import published_studies
from governance.selectors.meetings import meetings_with_published_decisions, published_decisions
from programme.selectors import priorities_for_public
from projects.selectors import PUBLIC_HEADINGS, funded_projects, spending_by_kind

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", template="public/blocks/heading.html")
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    inset = blocks.TextBlock(
        help_text="A short note set apart from the text.",
        template="public/blocks/inset.html",
    )


class DocumentItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "public/blocks/document_item.html"


class HomePage(Page):
    intro = RichTextField(features=RICH_TEXT_FEATURES, help_text="What the programme is.")
    how_to_apply = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="How partners put forward a proposal."
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("how_to_apply")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = [
        "public.StandardPage",
        "public.DocumentsPage",
        "public.DecisionsPage",
        "public.SpendingPage",
        "public.ResultsPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["priorities"], context["additional_priorities"] = priorities_for_public()
        return context


class StandardPage(Page):
    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["public.StandardPage"]


class DocumentsPage(Page):
    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    documents = StreamField([("document", DocumentItemBlock())], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("documents")]
    subpage_types = []


class DecisionsPage(RoutablePageMixin, Page):
    """The group's decisions, meeting by meeting, once each meeting has closed. No votes by
    name and no family data: what was decided, for whom, and how much."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []
    max_count = 1

    @path("")
    def meetings(self, request):
        page = Paginator(meetings_with_published_decisions(), 12).get_page(request.GET.get("page"))
        return self.render(request, context_overrides={"page_obj": page})

    @path("<int:meeting_id>/")
    def meeting(self, request, meeting_id):
        meeting = get_object_or_404(meetings_with_published_decisions(), pk=meeting_id)
        return self.render(
            request,
            template="public/decisions_meeting.html",
            context_overrides={"meeting": meeting, "decisions": published_decisions(meeting)},
        )


class SpendingPage(Page):
    """'What is the money spent on?': the approved projects by kind, with their amounts,
    generated from the record so it is always current."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["public.HomePage"]
    subpage_types = []
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kinds = spending_by_kind()
        page = Paginator(funded_projects(), 50).get_page(request.GET.get("page"))
        groups = {}
        for project in page.object_list:
            groups.setdefault(PUBLIC_HEADINGS.get(project.kind, project.kind), []).append(project)
        context.update(
            kinds=kinds,
            total=sum((kind["approved"] for kind in kinds), 0),
            page_obj=page,
            groups=groups.items(),
        )
        return context


class ResultsPage(Page):
    """'What has it achieved?': families supported, successful family outcomes and outcomes
    achieved by area and year, and spend per successful outcome, generated from the record.
    Every count goes through the disclosure rule."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["public.HomePage"]
    subpage_types = []
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        overall = results(gather(timezone.localdate()), suppressed=True)
        context.update(
            overall=overall,
            chart=bars(overall.chart_years),
            suppressed=True,
            studies=published_studies(),
        )
        return context
