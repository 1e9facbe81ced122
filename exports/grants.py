"""The 360Giving file of the grants the group has awarded: a JSON data package and the
standard's one-sheet spreadsheet, both from one list of grant records.

Money to the council's own departments (recipient identifier = the council's) is an internal
allocation, not a grant, and is left out; it still appears in the spend and Transparency files.
"""

import json

import xlsxwriter
from django.conf import settings
from django.utils import timezone

from core.cells import safe_text
from projects.selectors import grants_awarded

LICENCE = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

# The standard's spreadsheet titles, in order, with the path of each in a grant record.
COLUMNS = [
    ("Identifier", ("id",)),
    ("Title", ("title",)),
    ("Description", ("description",)),
    ("Currency", ("currency",)),
    ("Amount Awarded", ("amountAwarded",)),
    ("Amount Disbursed", ("amountDisbursed",)),
    ("Award Date", ("awardDate",)),
    ("Planned Dates:Start Date", ("plannedDates", 0, "startDate")),
    ("Planned Dates:End Date", ("plannedDates", 0, "endDate")),
    ("Recipient Org:Identifier", ("recipientOrganization", 0, "id")),
    ("Recipient Org:Name", ("recipientOrganization", 0, "name")),
    ("Funding Org:Identifier", ("fundingOrganization", 0, "id")),
    ("Funding Org:Name", ("fundingOrganization", 0, "name")),
    ("Funding Org:Department", ("fundingOrganization", 0, "department")),
    ("Grant Programme:Code", ("grantProgramme", 0, "code")),
    ("Grant Programme:Title", ("grantProgramme", 0, "title")),
    ("Beneficiary Location:Name", ("beneficiaryLocation", 0, "name")),
    ("Beneficiary Location:Country Code", ("beneficiaryLocation", 0, "countryCode")),
    ("Beneficiary Location:Geographic Code", ("beneficiaryLocation", 0, "geoCode")),
    ("Beneficiary Location:Geographic Code Type", ("beneficiaryLocation", 0, "geoCodeType")),
    ("Last Modified", ("dateModified",)),
]
NUMBERS = {"Amount Awarded", "Amount Disbursed"}


def _prefix():
    return f"360G-{settings.GRANTS_360G_PREFIX}"


def _recipient_id(organisation):
    return organisation.org_identifier or f"{_prefix()}-ORG-{organisation.pk}"


def _programme(fund):
    if fund is None:
        return {"code": "PROGRAMME", "title": safe_text(settings.PROGRAMME_NAME)}
    return {"code": f"FUND-{fund.pk}", "title": safe_text(fund.name)}


def grant_records(**filters):
    """One 360Giving grant record per grant awarded to an organisation outside the council."""
    for project in grants_awarded(**filters).iterator(chunk_size=500):
        recipient = _recipient_id(project.lead_organisation)
        if recipient == settings.COUNCIL_ORG_IDENTIFIER:
            continue
        yield {
            "id": f"{_prefix()}-{project.reference}",
            "title": safe_text(project.title),
            "description": safe_text(project.proposal.summary or project.title),
            "currency": "GBP",
            "amountAwarded": float(project.approved_amount),
            "amountDisbursed": float(project.disbursed),
            "awardDate": project.approved_on.isoformat(),
            "plannedDates": [
                {
                    "startDate": project.start_date.isoformat(),
                    "endDate": project.end_date.isoformat(),
                }
            ],
            "recipientOrganization": [
                {"id": recipient, "name": safe_text(project.lead_organisation.name)}
            ],
            "fundingOrganization": [
                {
                    "id": settings.COUNCIL_ORG_IDENTIFIER,
                    "name": safe_text(settings.COUNCIL_NAME),
                    "department": safe_text(settings.PROGRAMME_NAME),
                }
            ],
            "grantProgramme": [_programme(project.fund)],
            "beneficiaryLocation": [
                {
                    "name": settings.BENEFICIARY_AREA_NAME,
                    "countryCode": "GB",
                    "geoCode": settings.BENEFICIARY_AREA_CODE,
                    "geoCodeType": "LAD",
                }
            ],
            "dateModified": timezone.localtime(project.updated_at).isoformat(timespec="seconds"),
        }


def grants_package(**filters):
    now = timezone.localtime()
    return {
        "grants": list(grant_records(**filters)),
        "title": f"{settings.PROGRAMME_NAME}: grants awarded",
        "issued": now.isoformat(timespec="seconds"),
        "modified": now.isoformat(timespec="seconds"),
        "publisher": {
            "identifier": settings.COUNCIL_ORG_IDENTIFIER,
            "name": settings.COUNCIL_NAME,
        },
        "license": LICENCE,
    }


def write_grants_json(output, **filters):
    """Write the JSON package to a text file object; returns the number of grants."""
    package = grants_package(**filters)
    json.dump(package, output, indent=2, ensure_ascii=False)
    return len(package["grants"])


def _cell(record, path):
    value = record
    for step in path:
        value = value[step]
    return value


def write_grants_xlsx(output, **filters):
    """The standard's spreadsheet layout: one 'grants' sheet, a column per field title."""
    book = xlsxwriter.Workbook(
        output,
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False},
    )
    sheet = book.add_worksheet("grants")
    bold = book.add_format({"bold": True})
    money = book.add_format({"num_format": "#,##0.00"})
    for column, (title, _) in enumerate(COLUMNS):
        sheet.write_string(0, column, title, bold)
    count = 0
    for row, record in enumerate(grant_records(**filters), start=1):
        for column, (title, path) in enumerate(COLUMNS):
            value = _cell(record, path)
            if title in NUMBERS:
                sheet.write_number(row, column, value, money)
            else:
                sheet.write_string(row, column, str(value))
        count += 1
    sheet.set_column(0, len(COLUMNS) - 1, 22)
    book.close()
    return count
