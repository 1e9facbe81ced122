"""Early-help exports as case-management systems produce them (programme.case_layouts):
each is matched to its layout and read whole, or refused naming its cause."""

import datetime
import io
from io import StringIO

import pytest
import xlsxwriter
from django.core.management import call_command

from evaluations.family_csv import check
from evaluations.models import Family
from tests.evaluations.conftest import TODAY
from tests.factories import OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def organisations():
    OrganisationFactory(name="Barnardo's")
    OrganisationFactory(name="Liverpool City Council")


LIQUIDLOGIC = (
    "Early Help Module: open and closed episodes\r\n"
    "\r\n"
    "EH Case ID,EH Start Date,EH End Date,Lead Professional Agency,Lead Professional Role,"
    "Outcome,Need Identified Date,Achieved Date,Outcome Sustained,Child Name,Date of Birth\r\n"
    "EH-1,06/01/2025,30/06/2025,Barnardo’s,Family worker,Getting a good education,06/01/2025,"
    "01/05/2025,Y,A Child,01/01/2015\r\n"
    "EH-1,06/01/2025,30/06/2025,Barnardo’s,Family worker,Children safe from abuse & "
    "exploitation,06/01/2025,01/05/2025,Y,A Child,01/01/2015\r\n"
    "EH-1,06/01/2025,30/06/2025,Barnardo’s,Family worker,Secure housing,06/01/2025,"
    "01/05/2025,Y,A Child,01/01/2015\r\n"
).encode()


def test_a_liquidlogic_export_with_a_title_and_personal_columns():
    checked = check(LIQUIDLOGIC, today=TODAY, filename="ehm.csv")
    assert checked.errors == []
    assert checked.layout == "Liquidlogic EHM"
    assert checked.ignored_personal == ["Child Name", "Date of Birth"]
    assert "2 title lines above the header (line 3)" in checked.notes
    (record,) = checked.plans()
    assert sorted(record.needs) == [1, 6, 9]
    assert {need.sustained for need in record.needs.values()} == {True}


MOSAIC = (
    "Group ID;Person ID;Episode Start Date;Episode End Date;Worker Organisation;Worker Role;"
    "Need Area;Identified Date;Date Achieved;Sustained\r\n"
    "G7;P1;06/01/2025;;Liverpool City Council;Social worker;Secure housing;06/01/2025;;N\r\n"
    "G7;P1;06/01/2025;;Liverpool City Council;Social worker;Financial stability;06/01/2025;;N\r\n"
    "G7;P1;01/09/2025;;Liverpool City Council;Social worker;Crime prevention and tackling "
    "crime;01/09/2025;;\r\n"
).encode("cp1252")


def test_a_mosaic_export_with_two_plans_for_one_family():
    checked = check(MOSAIC, today=TODAY, filename="mosaic.csv")
    assert checked.errors == []
    assert checked.layout == "Mosaic"
    assert "semicolon-delimited" in checked.notes
    assert sorted(record.plan_start for record in checked.plans()) == [
        datetime.date(2025, 1, 6),
        datetime.date(2025, 9, 1),
    ]


def capita_one_workbook():
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("Families")
    dated = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(
        0,
        0,
        ["Family ID", "Case Start Date", "Case Closure Date", "Key Worker Agency",
         "Key Worker Role", "Outcome", "Date Identified", "Date Achieved", "Sustained"],
    )  # fmt: skip
    for row, outcome in enumerate(["Housing", "Domestic abuse", "Health"], start=1):
        sheet.write(row, 0, 4411)
        sheet.write_datetime(row, 1, datetime.datetime(2025, 2, 3), dated)
        sheet.write_datetime(row, 2, datetime.datetime(2025, 8, 29), dated)
        sheet.write_row(row, 3, ["Barnardos", "Keyworker", outcome])
        sheet.write_datetime(row, 6, datetime.datetime(2025, 2, 3), dated)
        sheet.write_datetime(row, 7, datetime.datetime(2025, 6, 1), dated)
        sheet.write(row, 8, "Yes")
    book.close()
    return out.getvalue()


def test_a_capita_one_workbook_imports_through_the_command(tmp_path):
    path = tmp_path / "one.xlsx"
    path.write_bytes(capita_one_workbook())
    out = StringIO()
    call_command("import_family_outcomes", str(path), "--layout", "capita", stdout=out)
    assert "Read as Capita One: an Excel workbook (sheet 'Families')" in out.getvalue()
    family = Family.objects.get()
    assert (family.plan_start, family.case_closed, family.needs.count()) == (
        datetime.date(2025, 2, 3),
        datetime.date(2025, 8, 29),
        3,
    )
    assert family.lead_organisation.name == "Barnardo's"


@pytest.mark.parametrize("written", ["6", "Outcome 6", "6 - Children safe", "06."])
def test_an_outcome_may_be_given_by_its_number(written):
    rows = "Case Reference,Plan Start,Lead Practitioner Organisation,Outcome,Need Identified\r\n"
    rows += f'C1,06/01/2025,,"{written}",06/01/2025\r\n'
    (record,) = check(rows.encode(), today=TODAY).plans()
    assert list(record.needs) == [6]


@pytest.mark.parametrize("written", ["Unknown", "n/a", "TBC", "-"])
def test_a_sustained_not_known_yet_is_blank(written):
    rows = "Case Reference,Plan Start,Lead Practitioner Organisation,Outcome,Need Identified,"
    rows += f"Sustained\r\nC1,06/01/2025,,1,06/01/2025,{written}\r\n"
    checked = check(rows.encode(), today=TODAY)
    assert checked.errors == []


def test_open_cases_and_lists_of_projects_as_systems_write_them(db):
    first, second = ProjectFactory(), ProjectFactory()
    rows = "Case Reference,Plan Start,Case Closed,Lead Practitioner Organisation,Outcome,"
    rows += "Need Identified,Achieved On,Sustained,Projects\r\n"
    rows += f'C1,06/01/2025,Open,,1,06/01/2025,N/A,Not sustained,"{first.reference}, '
    rows += f'{second.reference}"\r\n'
    checked = check(rows.encode(), today=TODAY)
    (record,) = checked.plans()
    assert checked.errors == []
    assert record.case_closed is None
    assert record.projects == {first.pk, second.pk}
