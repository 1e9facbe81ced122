import re

import pytest
from playwright.sync_api import expect

from demo.people import DEMO_LOGINS, DEMO_PASSWORD
from tests.browser.conftest import sign_in


@pytest.mark.parametrize(
    ("email", "first_name", "panel"),
    [
        ("chair@families.example", "Ruth", "Strategic group"),
        ("member@families.example", "Daniel", "Strategic group"),
        ("lead@families.example", "Priya", "Your funding proposals"),
        ("programme@families.example", "Tom", "Programme team"),
        ("finance@families.example", "Helen", "Finance"),
        ("auditor@families.example", "Amir", "Audit"),
    ],
)
def test_each_demo_role_signs_in_and_lands_on_its_portal_page(
    demo, new_page, email, first_name, panel
):
    page = new_page()
    sign_in(page, email, DEMO_PASSWORD)
    expect(page).to_have_url(re.compile(r"/portal/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welcome, {first_name}")
    expect(page.get_by_role("heading", level=2, name=panel)).to_be_visible()


def test_every_demo_login_is_covered_above():
    assert {d[0] for d in DEMO_LOGINS} == {
        "chair@families.example",
        "member@families.example",
        "lead@families.example",
        "programme@families.example",
        "finance@families.example",
        "auditor@families.example",
    }


def test_a_wrong_password_shows_the_error_summary(demo, new_page):
    page = new_page()
    sign_in(page, "lead@families.example", "not-the-password")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter a correct email address and password."
    )
