"""The finance workbook's Outcomes and value sheet, from the same selectors as the results
pages. The workbook goes outside the programme team, so every count is suppressed: a small
count is written as the text "<10" (the threshold), one hidden to protect another as "[c]",
and anything divided by a hidden count is left blank."""

from django.conf import settings

from evaluations.selectors.presenting import gather, year_figures
from evaluations.selectors.value_shown import value_rows


def _count(sheet, row, col, shown):
    if shown.suppressed:
        sheet.write_string(row, col, str(shown))
    else:
        sheet.write_number(row, col, shown.value)


def _money(sheet, row, col, value, money):
    if value is None:
        sheet.write_blank(row, col, None)
    else:
        sheet.write_number(row, col, float(value), money)


def write(book, period, formats, today=None):
    sheet = book.add_worksheet("Outcomes and value")
    bold, money = formats["bold"], formats["money"]
    year = period.financial_year
    figures, outcomes, _raw = year_figures(gather(today), year, suppressed=True)
    sheet.write_string(0, 0, f"Outcomes and value {year or 'all years'}", bold)
    sheet.write_string(
        1,
        0,
        f"Counts of fewer than {settings.SMALL_NUMBER_THRESHOLD} families are shown as "
        f"<{settings.SMALL_NUMBER_THRESHOLD}; [c] marks a count hidden so that a smaller one "
        "cannot be worked out from a total or another count.",
    )
    row = 3
    for label, key in [
        ("Families supported", "families_supported"),
        ("Eligible families", "families_eligible"),
        ("Successful family outcomes", "successful_family_outcomes"),
        ("Outcome areas achieved", "outcomes_achieved"),
        ("Families a funded project supported", "families_funded"),
        ("Their successful family outcomes", "funded_successful"),
        ("Their outcome areas achieved", "funded_achieved"),
    ]:
        sheet.write_string(row, 0, label)
        _count(sheet, row, 1, figures[key])
        row += 1
    for label, key in [
        ("Spend", "spend"),
        ("Spend per family a funded project supported", "spend_per_family_supported"),
        ("Spend per successful outcome of those families", "spend_per_successful_family_outcome"),
        ("Spend per outcome area those families achieved", "spend_per_outcome_achieved"),
    ]:
        sheet.write_string(row, 0, label)
        _money(sheet, row, 1, figures[key], money)
        row += 1

    row += 1
    sheet.write_string(row, 0, "By outcome area", bold)
    row += 1
    for col, heading in enumerate(
        [
            "Outcome area",
            "Families with this need",
            "Achieved",
            "Sustained",
            "Sustained by families a funded project supported",
            "Target families",
        ]
    ):
        sheet.write_string(row, col, heading, bold)
    for outcome in outcomes:
        row += 1
        sheet.write_string(row, 0, f"{outcome['number']}. {outcome['name']}")
        keys = ["families_with_need", "achieved", "sustained", "funded_sustained"]
        for col, key in enumerate(keys, start=1):
            _count(sheet, row, col, outcome[key])
        sheet.write_number(row, 5, outcome["target_families"])

    row += 2
    sheet.write_string(row, 0, "Value for money by project", bold)
    row += 1
    headings = [
        "Project",
        "Spend",
        "Families supported",
        "Per family supported",
        "Successful family outcomes",
        "Per successful outcome",
        "Outcome areas achieved",
        "Per outcome area achieved",
    ]
    for col, heading in enumerate(headings):
        sheet.write_string(row, col, heading, bold)
    for value in value_rows(year, "project", today, suppressed=True):
        row += 1
        sheet.write_string(row, 0, value["label"])
        _money(sheet, row, 1, value["spend"], money)
        _count(sheet, row, 2, value["families_supported"])
        _money(sheet, row, 3, value["per_family_supported"], money)
        _count(sheet, row, 4, value["successful"])
        _money(sheet, row, 5, value["per_successful"], money)
        _count(sheet, row, 6, value["outcomes_achieved"])
        _money(sheet, row, 7, value["per_outcome_achieved"], money)
    sheet.set_column(0, 0, 50)
    sheet.set_column(1, 7, 18)
