"""The back office's listing cells, built without a template each, are Wagtail's markup."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context
from django.test import RequestFactory, SimpleTestCase
from django.utils import timezone
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, DateColumn, Table, TitleColumn
from wagtail.admin.widgets import Button, ButtonWithDropdown, ListingButton

from core.admin.columns import MoneyColumn, QuickTable, QuickTitleColumn, WhenColumn

ROW = SimpleNamespace(pk=7, reference="FP-2026-007", total=Decimal("1234.5"), when=None)
LINK = "/admin/proposals/inspect/7/"


def context():
    return {"row": None, "table": None, "request": RequestFactory().get("/")}


def titled(column_class, buttons):
    with_buttons = type(
        "WithButtons", (ButtonsColumnMixin, column_class), {"get_buttons": lambda *a: buttons}
    )
    return with_buttons(
        "reference", get_url=lambda row: LINK, get_title_id=lambda row: f"p_{row.pk}_title"
    )


def more(*buttons):
    return ButtonWithDropdown(
        buttons=list(buttons),
        icon_name="dots-horizontal",
        attrs={"aria-label": "More options for 'FP-2026-007'"},
    )


def same_html(ours, wagtails):
    SimpleTestCase().assertHTMLEqual(str(ours), str(wagtails))


def test_a_title_with_its_more_options_menu_is_wagtails_markup():
    buttons = [
        ListingButton("Screen", url="/admin/proposals/screen/7/", icon_name="tasks"),
        more(Button("Edit", url="/admin/proposals/edit/7/", icon_name="edit", priority=10)),
    ]
    same_html(
        titled(QuickTitleColumn, buttons).render_cell_html(ROW, context()),
        titled(TitleColumn, buttons).render_cell_html(ROW, context()),
    )


def test_a_menu_that_only_repeats_the_title_link_is_left_out():
    menu = more(Button("Inspect", url=LINK, icon_name="info-circle"))
    same_html(
        titled(QuickTitleColumn, [menu]).render_cell_html(ROW, context()),
        titled(TitleColumn, []).render_cell_html(ROW, context()),
    )


def test_a_menu_item_repeating_the_link_is_left_out_of_a_longer_menu():
    html = titled(
        QuickTitleColumn,
        [
            more(
                Button("Inspect", url=LINK, icon_name="info-circle"),
                Button("Delete", url="/admin/proposals/delete/7/", icon_name="bin"),
            )
        ],
    ).render_cell_html(ROW, context())
    assert "Delete" in html
    assert "Inspect" not in html


@pytest.mark.parametrize(
    "when",
    [
        timezone.make_aware(datetime.datetime(2026, 11, 30, 9, 15)),
        datetime.date(2026, 11, 30),
        None,
    ],
)
def test_a_date_is_wagtails_human_readable_date(when):
    row = SimpleNamespace(when=when)
    same_html(
        WhenColumn("when").render_cell_html(row, context()),
        DateColumn("when").render_cell_html(row, {**context(), "row": row}),
    )


def test_money_is_pounds_and_pence_right_aligned():
    html = MoneyColumn("total").render_cell_html(ROW, context())
    assert html == '<td class="app-numeric">£1,234.50</td>'


def test_no_money_is_an_empty_cell():
    html = MoneyColumn("total").render_cell_html(SimpleNamespace(total=None), context())
    assert html == '<td class="app-numeric"></td>'


def table_columns():
    return [
        titled(QuickTitleColumn, []),
        MoneyColumn("total", label="Requested", sort_key="total", width="20%"),
        Column("when", label="Changed"),  # through Wagtail's cell template
    ]


@pytest.mark.parametrize("caption", [None, "Proposals"])
def test_a_quick_table_is_wagtails_table_markup(caption):
    rows = [ROW, SimpleNamespace(pk=8, reference="FP-2026-008", total=None, when=None)]
    kwargs = {"base_url": "/admin/proposals/", "ordering": "-total", "caption": caption}
    request = RequestFactory().get("/")
    same_html(
        QuickTable(table_columns(), rows, **kwargs).render_html(Context({"request": request})),
        Table(table_columns(), rows, **kwargs).render_html(Context({"request": request})),
    )
