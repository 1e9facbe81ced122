"""The secretary marks everyone present in one click, and the seats change in place: the
page does not reload."""

from demo.people import DEMO_PASSWORD
from programme.models import Meeting
from tests.browser.conftest import sign_in


def test_everyone_is_marked_present_without_reloading_the_page(demo, new_page):
    upcoming = Meeting.objects.filter(status=Meeting.Status.SCHEDULED).order_by("date").first()
    page = new_page()
    sign_in(page, "chair@families.example", DEMO_PASSWORD)
    page.goto(f"/portal/meetings/{upcoming.pk}/attendance/")
    page.evaluate("window.notReloaded = true")
    page.get_by_role("button", name="Mark everyone present").click()
    page.get_by_text("Everyone not yet recorded is marked present.").wait_for()
    assert page.evaluate("window.notReloaded") is True
    assert page.locator("#attendance-seats td", has_text="Not recorded").count() == 0
    assert page.get_by_role("button", name="Mark everyone present").count() == 0
