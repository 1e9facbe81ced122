"""The papers and the decision letter print from a button the site's own Content Security
Policy allows: no javascript: link, no inline handler."""

from demo.people import DEMO_PASSWORD
from programme.models import Meeting
from tests.browser.conftest import sign_in


def test_the_papers_print_button_prints_under_the_content_security_policy(demo, new_page):
    meeting = Meeting.objects.get(status=Meeting.Status.IN_SESSION)
    page = new_page()
    sign_in(page, "member@families.example", DEMO_PASSWORD)
    page.goto(f"/portal/meetings/{meeting.pk}/papers/")
    page.evaluate("window.print = () => { window.printed = true }")
    page.get_by_role("button", name="Print this page").click()
    assert page.evaluate("window.printed") is True
    pdf = page.get_by_role("button", name="Download the papers as one PDF")
    assert pdf.get_attribute("href") == f"/portal/meetings/{meeting.pk}/papers.pdf"
    assert page.csp_violations == []
    assert "javascript:" not in page.content()
