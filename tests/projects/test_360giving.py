import io
import json
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from jsonschema import Draft4Validator
from referencing import Registry, Resource

from exports.grants import COLUMNS, grants_package, write_grants_xlsx
from projects.services import project_follow_decision
from tests.factories import OrganisationFactory, ProjectFactory, SpendLineFactory

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).parent.parent / "data" / "360giving"
GRANT_SCHEMA_URL = (
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/master/schema/"
    "360-giving-schema.json"
)


def package_validator():
    grant = json.loads((SCHEMAS / "360-giving-schema.json").read_text())
    package = json.loads((SCHEMAS / "360-giving-package-schema.json").read_text())
    registry = Registry().with_resource(GRANT_SCHEMA_URL, Resource.from_contents(grant))
    return Draft4Validator(package, registry=registry)


def only_grant():
    [grant] = grants_package()["grants"]
    return grant


def test_the_json_package_validates_against_the_published_schema():
    project = ProjectFactory()
    SpendLineFactory(project=project, net_amount=Decimal("1200.00"))
    ProjectFactory(fund=None)
    errors = [error.message for error in package_validator().iter_errors(grants_package())]
    assert errors == []


def test_a_grant_carries_the_required_fields(settings):
    settings.GRANTS_360G_PREFIX = "TestCC"
    settings.COUNCIL_ORG_IDENTIFIER = "GB-LAE-TST"
    organisation = OrganisationFactory(org_identifier="GB-CHC-216250", name="Barnardo's")
    project = ProjectFactory(proposal__lead_organisation=organisation)
    grant = only_grant()
    assert grant["id"] == f"360G-TestCC-{project.reference}"
    assert grant["title"] == project.title
    assert grant["currency"] == "GBP"
    assert grant["amountAwarded"] == 50000.0
    assert grant["awardDate"] == project.approved_on.isoformat()
    assert grant["recipientOrganization"] == [{"id": "GB-CHC-216250", "name": "Barnardo's"}]
    assert grant["fundingOrganization"][0]["id"] == "GB-LAE-TST"
    assert grant["fundingOrganization"][0]["name"] == settings.COUNCIL_NAME
    assert grant["plannedDates"] == [{"startDate": "2026-04-01", "endDate": "2027-03-31"}]
    assert grant["beneficiaryLocation"][0]["geoCode"] == settings.BENEFICIARY_AREA_CODE
    assert grant["grantProgramme"][0]["title"]
    assert grant["dateModified"]


def test_amount_disbursed_is_the_spend_to_date_including_irrecoverable_vat():
    project = ProjectFactory()
    SpendLineFactory(project=project, net_amount=Decimal("1000.10"), irrecoverable_vat=2)
    SpendLineFactory(project=project, net_amount=Decimal("-100.05"))
    assert only_grant()["amountDisbursed"] == 902.05


def test_a_recipient_without_an_identifier_gets_one_under_the_prefix(settings):
    settings.GRANTS_360G_PREFIX = "TestCC"
    organisation = OrganisationFactory(org_identifier="")
    ProjectFactory(proposal__lead_organisation=organisation)
    assert only_grant()["recipientOrganization"][0]["id"] == f"360G-TestCC-ORG-{organisation.pk}"


def test_money_to_the_councils_own_departments_is_not_a_grant(settings):
    council = OrganisationFactory(org_identifier=settings.COUNCIL_ORG_IDENTIFIER)
    ProjectFactory(proposal__lead_organisation=council)
    assert grants_package()["grants"] == []


def test_a_project_whose_approval_was_withdrawn_is_not_a_grant(programme_officer):
    project = ProjectFactory()
    project_follow_decision(
        by=programme_officer,
        proposal=project.proposal,
        approved_amount=None,
        fund=None,
        decided_on=project.approved_on,
        decision=f"{project.reference}: Rejected",
    )
    assert grants_package()["grants"] == []


def test_a_title_that_looks_like_a_formula_is_escaped():
    ProjectFactory(proposal__title='=HYPERLINK("x")', title='=HYPERLINK("x")')
    assert only_grant()["title"] == '\'=HYPERLINK("x")'


def test_the_spreadsheet_has_the_standards_column_titles_and_numbers():
    project = ProjectFactory()
    buffer = io.BytesIO()
    write_grants_xlsx(buffer)
    sheet = openpyxl.load_workbook(buffer)["grants"]
    header, row = list(sheet.iter_rows(values_only=True))
    assert list(header) == [title for title, _ in COLUMNS]
    record = dict(zip(header, row, strict=True))
    assert record["Identifier"].endswith(project.reference)
    assert record["Amount Awarded"] == 50000


def test_the_command_writes_json_and_xlsx(tmp_path):
    ProjectFactory()
    call_command("export_360giving", "--out", str(tmp_path / "grants.json"))
    assert len(json.loads((tmp_path / "grants.json").read_text())["grants"]) == 1
    call_command("export_360giving", "--out", str(tmp_path / "g.xlsx"), "--format", "xlsx")
    assert openpyxl.load_workbook(tmp_path / "g.xlsx")["grants"].max_row == 2
