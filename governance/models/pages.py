"""The public site: what the programme is, its priorities, how to apply, useful documents."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", template="governance/blocks/heading.html")
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    inset = blocks.TextBlock(
        help_text="A short note set apart from the text.",
        template="governance/blocks/inset.html",
    )


class DocumentItemBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "governance/blocks/document_item.html"


class HomePage(Page):
    intro = RichTextField(features=RICH_TEXT_FEATURES, help_text="What the programme is.")
    how_to_apply = RichTextField(
        features=RICH_TEXT_FEATURES, blank=True, help_text="How partners put forward a proposal."
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("how_to_apply")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = [
        "governance.StandardPage",
        "governance.DocumentsPage",
        "governance.DecisionsPage",
        "projects.SpendingPage",
        "evaluations.ResultsPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from governance.selectors import priorities_for_public

        context = super().get_context(request, *args, **kwargs)
        context["priorities"], context["additional_priorities"] = priorities_for_public()
        return context


class StandardPage(Page):
    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["governance.StandardPage"]


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
        from governance.selectors import meetings_with_published_decisions

        page = Paginator(meetings_with_published_decisions(), 12).get_page(request.GET.get("page"))
        return self.render(request, context_overrides={"page_obj": page})

    @path("<int:meeting_id>/")
    def meeting(self, request, meeting_id):
        from governance.selectors import meetings_with_published_decisions, published_decisions

        meeting = get_object_or_404(meetings_with_published_decisions(), pk=meeting_id)
        return self.render(
            request,
            template="governance/decisions_meeting.html",
            context_overrides={"meeting": meeting, "decisions": published_decisions(meeting)},
        )
