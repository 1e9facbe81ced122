"""The data sizes the product must hold (docs/DESIGN.md, "Scale it must hold")."""

SCALES = {
    # Small enough for the test suite; the same shape as the others.
    "test": {
        "proposals": 60,
        "projects": 20,
        "ledger_lines": 2_000,
        "families": 400,
        "family_outcome_rows": 1_600,
        "organisations": 6,
        "leads": 12,
    },
    "county": {
        "proposals": 1_000,
        "projects": 300,
        "ledger_lines": 200_000,
        "families": 50_000,
        "family_outcome_rows": 200_000,
        "organisations": 60,
        "leads": 300,
    },
    "national": {
        "proposals": 20_000,
        "projects": 6_000,
        "ledger_lines": 5_000_000,
        "families": 1_000_000,
        "family_outcome_rows": 4_000_000,
        "organisations": 600,
        "leads": 5_000,
    },
}
# The data set's history starts in this financial year.
FIRST_YEAR = 2021
# A quarter of the ledger falls in this year, so the workbook can be measured at a quarter of
# the lines (50,000 at county scale) and at all of them.
BUSY_YEAR = "2025-26"
BUSY_SHARE = 0.25
# Every this-many-th proposal is the demo lead's, so their pages grow with the data too.
DEMO_LEAD_SHARE = 10
DEMO_LEAD = "lead@families.example"
# Members who vote in the concurrency benchmark.
VOTERS = 25
