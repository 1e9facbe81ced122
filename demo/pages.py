"""The public site's pages, written from the Liverpool Families Programme page."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Site

from public.models import (
    DecisionsPage,
    DocumentsPage,
    FeedbackFormField,
    FeedbackPage,
    ForwardPlanPage,
    HomePage,
    StandardPage,
)

HOME_INTRO = (
    "<p>One of Liverpool City Council's aims is to empower people to enjoy the best possible "
    "quality of life and reach their full potential by:</p><ul>"
    "<li>Reducing inequalities by improving life chances and protecting and promoting good "
    "health.</li><li>Giving children the best possible start in life.</li>"
    "<li>Raising skills and educational attainment for all age groups.</li>"
    "<li>Promoting independence and independent living.</li>"
    "<li>Protecting and supporting our most vulnerable residents.</li></ul>"
    "<h2>What is the Liverpool Families Programme?</h2>"
    "<p>The Liverpool Families Programme (Phase One) was established in 2012 as the council's "
    "response to the Department for Communities and Local Government's initiative for working "
    "with families with complex and multiple problems. Phase Two of the programme commenced "
    "in April 2015, and it continues as the council's part in the national Supporting Families "
    "programme.</p><p>Using the programme's funding, the council's aims and a whole family "
    "approach, multi-agency teams give each family a coordinated response: one lead worker "
    "and one family plan for the whole family.</p>"
)
HOW_TO_APPLY = (
    "<p>Partners put funding proposals to the Families Strategic Group, which meets every two "
    "months. Submit your proposal through the partner portal before the meeting's submission "
    "deadline. The programme team checks every proposal against the programme's criteria "
    "before it goes to the group, and proposals are approved only if they meet them.</p>"
)
ABOUT_BODY = [
    ("heading", "The Families Strategic Group"),
    (
        "paragraph",
        "<p>Strategic representatives from Merseyside Police, health providers, probation, the "
        "prison service, the Liverpool Primary Headteachers Association, the Association of "
        "Liverpool Special Schools Heads, the Liverpool Learning Partnership, the Liverpool "
        "Association of Secondary Headteachers, Children's Services, Adult Services, Community "
        "Services, Public Health, Voluntary Services and housing providers.</p>",
    ),
    ("heading", "Who delivers the programme"),
    (
        "paragraph",
        "<ul><li>Family Intervention Programme team</li><li>Schools Family Support Service</li>"
        "<li>Multi Agency Safeguarding Hub (MASH)</li><li>Early Help Hubs and EHAT training</li>"
        "<li>Enhanced Midwifery Team</li><li>School nursing posts with mental health "
        "expertise</li><li>Merseyside Mentor Achieve Learn Support (MALS)</li></ul>",
    ),
    (
        "inset",
        "Families must need support on at least three of the ten headline outcomes to be "
        "eligible for the programme.",
    ),
]

OUTCOMES_PLAN_TITLE = "Liverpool Families Programme Outcomes Plan 2015-2020"


def _simple_pdf(title, lines):
    """A one-page PDF with a title and lines of text: enough for a real, openable document."""
    text = [f"BT /F1 16 Tf 72 760 Td ({title}) Tj ET"]
    for index, line in enumerate(lines):
        text.append(f"BT /F1 11 Tf 72 {730 - 16 * index} Td ({line}) Tj ET")
    stream = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _outcomes_plan():
    Document = get_document_model()
    document = Document.objects.filter(title=OUTCOMES_PLAN_TITLE).first()
    if document is None:
        pdf = _simple_pdf(
            OUTCOMES_PLAN_TITLE,
            [
                "Demonstration copy for the funding tracker.",
                "The plan sets out how the programme measures results for families",
                "against the headline outcomes, and the evidence it keeps.",
            ],
        )
        document = Document(title=OUTCOMES_PLAN_TITLE)
        document.file.save("outcomes-plan-2015-2020.pdf", ContentFile(pdf), save=False)
        document.save()
    return document


def child_page(home, model, slug, **fields):
    page = model.objects.child_of(home).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        home.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return page


def seed_pages(programme_name):
    home = Site.objects.get(is_default_site=True).root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root page is not the programme home page.")
    home.title = programme_name
    home.intro = HOME_INTRO
    home.how_to_apply = HOW_TO_APPLY
    home.save_revision().publish()

    child_page(
        home,
        StandardPage,
        "about",
        title="Who is involved",
        show_in_menus=True,
        intro="<p>The programme brings together the council and its partners at a strategic "
        "and an operational level.</p>",
        body=ABOUT_BODY,
    )
    document = _outcomes_plan()
    child_page(
        home,
        DocumentsPage,
        "useful-documents",
        title="Useful documents",
        show_in_menus=True,
        intro="<p>Plans and reports about the programme.</p>"
        "<h2>The National Impact Study</h2><p>This study asks us to share anonymised data "
        "about the families we help with the government department responsible for the "
        "programme. Find out more by reading the documents below or contact us through "
        "Have your say.</p>",
        documents=[
            (
                "document",
                {
                    "document": document,
                    "description": "How the programme measures results for families.",
                },
            )
        ],
    )
    child_page(
        home,
        DecisionsPage,
        "decisions",
        title="Decisions",
        show_in_menus=True,
        intro="<p>What the Families Strategic Group decided at each meeting: the proposals, "
        "the organisations and the amounts approved.</p>",
    )
    child_page(
        home,
        ForwardPlanPage,
        "forward-plan",
        title="Forward plan",
        show_in_menus=True,
        intro="<p>The funding proposals the Families Strategic Group will decide at its next "
        "meetings: each has been checked against the programme's criteria and placed on the "
        "meeting's agenda.</p>",
    )
    child_page(
        home,
        FeedbackPage,
        "have-your-say",
        title="Have your say",
        show_in_menus=True,
        intro="<p>Tell the Families Programme team what you think of the programme or of a "
        "service it funds. You do not need an account. We read every message; leave an "
        "email address if you would like a reply.</p>",
        thank_you="<p>The Families Programme team reads every message. If you left an email "
        "address, we will reply within 10 working days.</p>",
        form_fields=feedback_questions(),
    )
    return home


def feedback_questions():
    """A fresh set of unsaved rows: the page's questions, replaced on each run."""
    return [
        FeedbackFormField(
            label="Your message", field_type="multiline", required=True, sort_order=0
        ),
        FeedbackFormField(
            label="Which best describes you?",
            field_type="radio",
            required=True,
            choices="A parent or carer\nSomeone who works with families\nOther",
            sort_order=1,
        ),
        FeedbackFormField(
            label="Your name", field_type="singleline", required=False, sort_order=2
        ),
        FeedbackFormField(
            label="Email address",
            field_type="email",
            required=False,
            help_text="Only if you would like a reply.",
            sort_order=3,
        ),
    ]
