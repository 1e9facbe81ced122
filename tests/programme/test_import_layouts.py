"""Import layouts saved in the back office (programme.models.ImportLayout): the imports read a
file with one as they do with a shipped layout, its headings first and its aliases applied."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from core.money import money_total
from evaluations.family_csv import check as check_families
from programme.models import ImportLayout
from projects.ledger_check import check as check_ledger
from projects.models import SpendLine
from tests.evaluations.conftest import TODAY
from tests.factories import OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db

LEDGER = (
    b"Doc No;Posted;Payee;Org Unit;Nature;Value\r\n"
    b"D1;05/11/2026;Acme;CC-0042;Staff;1.250,00\r\n"
    b"D2;06/11/2026;Acme;CC-0042;Staff;10,50\r\n"
)


@pytest.fixture
def ledger_layout():
    return ImportLayout.objects.create(
        name="Council ERP",
        kind=ImportLayout.Kind.LEDGER,
        based_on="standard-ledger",
        columns="transaction_number = Doc No\ndate = Posted\nsupplier = Payee\n"
        "cost_centre = Org Unit\nexpense_type = Nature\nnet_amount = Value",
        delimiter=";",
        decimal_comma="yes",
        aliases="CC-0042 = FP2026009",
    )


def test_a_saved_ledger_layout_maps_columns_and_cost_centres(ledger_layout, tmp_path):
    ProjectFactory(cost_centre="FP2026009")
    path = tmp_path / "erp.csv"
    path.write_bytes(LEDGER)
    out = StringIO()
    call_command("import_spend", str(path), "--layout", "council-erp", stdout=out)
    assert "Read as Council ERP" in out.getvalue()
    assert set(SpendLine.objects.values_list("cost_centre", flat=True)) == {"FP2026009"}
    assert money_total(SpendLine.objects.all(), "net_amount") == Decimal("1260.50")


def test_a_saved_layout_is_found_from_the_headings_too(ledger_layout):
    ProjectFactory(cost_centre="FP2026009")
    checked = check_ledger(LEDGER, "erp.csv")
    assert (checked.layout, checked.errors, checked.added) == ("Council ERP", [], 2)


def test_a_layout_that_says_utf8_names_a_windows_1252_file(ledger_layout):
    ledger_layout.encoding = "utf-8"
    ledger_layout.save()
    data = LEDGER.replace(b"Acme;CC", "Café £;CC".encode("cp1252"), 1)
    checked = check_ledger(data, "erp.csv", "council-erp")
    assert checked.errors == [
        (
            2,
            "Byte 0xE9 on line 2 is not UTF-8, which the layout says the file is written in; "
            "the file looks like Windows-1252.",
        )
    ]


def test_a_saved_case_management_layout_applies_its_aliases():
    OrganisationFactory(name="Barnardo's")
    ImportLayout.objects.create(
        name="Local EHM",
        kind=ImportLayout.Kind.FAMILIES,
        based_on="liquidlogic-ehm",
        columns="outcome = Issue Category",
        aliases="Barnardos Liverpool = Barnardo's\nHousing stability = Secure housing",
    )
    data = (
        b"EH Case ID,EH Start Date,Lead Professional Agency,Issue Category,Need Identified Date\r\n"
        b"E1,06/01/2025,Barnardos Liverpool,Housing stability,06/01/2025\r\n"
    )
    checked = check_families(data, today=TODAY, layout="local-ehm")
    (record,) = checked.plans()
    assert checked.errors == []
    assert list(record.needs) == [9]
    assert record.organisation_id is not None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"columns": "cost centre: Org Unit"}, "columns"),
        ({"columns": "colour = Org Unit"}, "columns"),
        ({"aliases": "just a name"}, "aliases"),
        ({"based_on": "mosaic"}, "based_on"),
    ],
)
def test_a_layout_that_cannot_be_read_is_refused_naming_the_field(ledger_layout, changes, field):
    for name, value in changes.items():
        setattr(ledger_layout, name, value)
    with pytest.raises(ValidationError) as refused:
        ledger_layout.full_clean()
    assert field in refused.value.message_dict
