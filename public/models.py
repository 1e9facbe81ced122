"""The public site: what the programme is, its priorities, how to apply, useful documents,
the group's decisions, what the money is spent on and what it has achieved. Every figure comes
from the selectors of the app it belongs to."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models, transaction
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.financial_years import current_fy, fy_name, fy_start_year
from evaluations.selectors.headline import headline
from evaluations.selectors.presenting import bars, gather, results
from evaluations.selectors.results import published_studies
from governance.selectors.meetings import (
    meetings_with_published_decisions,
    published_chairs_actions,
    published_decisions,
)
from governance.selectors.minutes import minutes_shown, published_minutes
from programme.selectors import priorities_for_public
from projects.selectors import PUBLIC_HEADINGS, funded_page, spending_by_kind
from proposals.selectors import forward_plan
from public.feedback import FeedbackFormBuilder, sender_key, since

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
        "public.FeedbackPage",
        "public.ForwardPlanPage",
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
    """The group's decisions, meeting by meeting, once each meeting has closed, and its minutes
    once approved. No votes by name and no family data: what was decided, for whom, and how
    much."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []
    max_count = 1

    @path("")
    def meetings(self, request):
        page = Paginator(meetings_with_published_decisions(), 12).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "page_obj": page,
                "chairs_actions": published_chairs_actions().count(),
            },
        )

    @path("chairs-actions/")
    def chairs_actions(self, request):
        page = Paginator(published_chairs_actions(), 25).get_page(request.GET.get("page"))
        return self.render(
            request,
            template="public/decisions_chairs_actions.html",
            context_overrides={"page_obj": page},
        )

    @path("<int:meeting_id>/")
    def meeting(self, request, meeting_id):
        meeting = get_object_or_404(meetings_with_published_decisions(), pk=meeting_id)
        minutes = published_minutes(meeting)
        return self.render(
            request,
            template="public/decisions_meeting.html",
            context_overrides={
                "meeting": meeting,
                "decisions": published_decisions(meeting),
                "minutes": minutes,
                "minutes_record": minutes_shown(minutes, public=True) if minutes else "",
            },
        )


class ForwardPlanPage(Page):
    """The forward plan: decisions the group will take, proposal by proposal, generated from
    the agendas so it is always current."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["public.HomePage"]
    subpage_types = []
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page = Paginator(forward_plan(timezone.localdate()), 50).get_page(request.GET.get("page"))
        context["page_obj"] = page
        return context


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
        page = funded_page(request.GET.get("page"), 50)
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
        today = timezone.localdate()
        figures = gather(today)
        overall = results(figures, suppressed=True)
        this_year = current_fy(today)
        last_year = fy_name(fy_start_year(this_year) - 1)
        context.update(
            overall=overall,
            headlines=[headline(figures, year) for year in (last_year, this_year)],
            chart=bars(overall.chart_years),
            suppressed=True,
            studies=published_studies(),
        )
        return context


class FeedbackFormField(AbstractFormField):
    page = ParentalKey("FeedbackPage", on_delete=models.CASCADE, related_name="form_fields")


class FeedbackSender(models.Model):
    """When a message came from an address (a keyed hash, kept a day): the rate limit."""

    key = models.CharField(max_length=64, db_index=True)
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return f"{self.key[:8]}… at {self.sent_at:%H:%M}"


class FeedbackPage(AbstractForm):
    """'Have your say': comments from anyone, no account needed. The programme team reads
    them in the back office (Forms). See public.feedback for the robot trap and the limit."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    thank_you = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    form_builder = FeedbackFormBuilder
    content_panels = AbstractForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Questions"),
        FieldPanel("thank_you"),
    ]
    parent_page_types = ["public.HomePage"]
    subpage_types = []
    max_count = 1

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, page=self, user=request.user)
        if form.is_valid():
            if form.is_robot():
                return self.render_landing_page(request, None, *args, **kwargs)
            if self.accept_from(sender_key(request)):
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
            form.add_error(
                None,
                "You have sent several messages in the last hour. Please try again later.",
            )
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=400)

    @staticmethod
    @transaction.atomic
    def accept_from(key: str) -> bool:
        FeedbackSender.objects.filter(sent_at__lt=since(24)).delete()
        recent = FeedbackSender.objects.filter(key=key, sent_at__gte=since(1)).count()
        if recent >= settings.FEEDBACK_PER_HOUR:
            return False
        FeedbackSender.objects.create(key=key)
        return True
