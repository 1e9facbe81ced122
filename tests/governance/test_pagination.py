from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def test_page_links_keep_the_filters_chosen():
    request = RequestFactory().get("/admin/finance/", {"financial_year": "2026-27", "page": "2"})
    page = Paginator(range(120), 50).get_page(2)
    html = render_to_string("includes/pagination.html", {"page": page}, request=request)
    assert 'href="?financial_year=2026-27&amp;page=1"' in html
    assert 'href="?financial_year=2026-27&amp;page=3"' in html
