"""A resident or auditor reads the public site: from the home page through its menu to the
decisions, what the money is spent on, what it has achieved and the documents."""

import re

from playwright.sync_api import expect

PAGES = [
    ("Decisions", "Strategic group"),
    ("What is the money spent on?", "£"),
    ("What has it achieved?", "families"),
    ("Useful documents", "Outcomes"),
    ("Who is involved", "Merseyside Police"),
]


def test_a_visitor_reaches_each_public_page_from_the_home_page(demo, new_page):
    page = new_page()
    for link, shows in PAGES:
        page.goto("/")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        page.get_by_role("navigation").get_by_role("link", name=link, exact=True).first.click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(re.escape(link)))
        expect(page.locator("main")).to_contain_text(shows)
    assert page.csp_violations == []
