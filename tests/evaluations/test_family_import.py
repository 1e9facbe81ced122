"""Importing the case-management export: pseudonymised at the door, all or nothing,
idempotent, every bad row named."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from wagtail.models import ModelLogEntry

from core.problems import ImportRefused
from evaluations.family_csv import check
from evaluations.models import Family, FamilyImport, FamilyNeed, FamilySupport
from evaluations.pseudonyms import case_hash
from evaluations.services import families as imports
from tests.evaluations.conftest import TODAY
from tests.factories import (
    FAMILY_HEADER,
    OrganisationFactory,
    ProjectFactory,
    family_rows_csv,
    need_rows,
)

pytestmark = pytest.mark.django_db


def a_family(reference="CASE-001", closed="30/06/2025", outcomes=(1, 4, 9), **kwargs):
    kwargs.setdefault("achieved", "01/05/2025")
    kwargs.setdefault("sustained", "yes" if closed else "")
    return need_rows(reference, "06/01/2025", closed, outcomes, **kwargs)


def test_a_family_arrives_hashed_with_its_needs(import_families):
    result = import_families(family_rows_csv(a_family()))
    family = Family.objects.get()
    assert result.added == 1
    assert family.case_hash == case_hash("CASE-001")
    assert family.needs.count() == 3
    assert family.eligible and family.all_needs_sustained
    assert family.sustain_until == datetime.date(2025, 12, 30)


def test_the_case_reference_is_stored_nowhere(import_families):
    import_families(family_rows_csv(a_family(reference="LIV-CASE-77812")))
    family = Family.objects.values().get()
    record = FamilyImport.objects.values().get()
    assert "LIV-CASE-77812" not in str(family) + str(record)


def test_the_hash_ignores_case_and_spacing_of_the_reference():
    assert case_hash(" liv-case-1 ") == case_hash("LIV-CASE-1")


def test_outcomes_are_given_by_name_or_number(import_families):
    rows = need_rows("C1", "06/01/2025", "", ["Secure housing", "2", "financial stability"])
    import_families(family_rows_csv(rows))
    numbers = sorted(FamilyNeed.objects.values_list("outcome__number", flat=True))
    assert numbers == [2, 9, 10]


def test_headings_in_any_order_and_case_with_a_byte_order_mark_and_blank_lines(import_families):
    header = [heading.upper() for heading in reversed(FAMILY_HEADER)]
    rows = [list(reversed(row)) for row in a_family()]
    data = "\ufeff".encode() + family_rows_csv(rows, header=header) + b"\r\n\r\n"
    assert import_families(data).added == 1


def test_projects_are_named_by_reference_or_cost_centre(import_families):
    first = ProjectFactory(start_date=datetime.date(2024, 4, 1))
    second = ProjectFactory(start_date=datetime.date(2024, 4, 1))
    projects = f"{first.reference}; {second.cost_centre}"
    import_families(family_rows_csv(a_family(projects=projects)))
    supports = FamilySupport.objects.order_by("project__reference")
    assert [s.project for s in supports] == [first, second]
    assert supports[0].start == datetime.date(2025, 1, 6)
    assert supports[0].end == datetime.date(2025, 6, 30)


def test_one_bad_row_imports_nothing_and_names_the_line(import_families):
    rows = a_family("GOOD-1") + [["BAD-1", "06/01/2025", "", "", "12", "06/01/2025", "", "", ""]]
    with pytest.raises(ImportRefused) as refused:
        import_families(family_rows_csv(rows))
    assert refused.value.problems == [
        (5, "outcome '12' is not one of the ten headline outcomes (give its name or 1-10)")
    ]
    assert not Family.objects.exists()
    assert not FamilyImport.objects.exists()


@pytest.mark.parametrize(
    "row, reason",
    [
        (["C", "31/02/2025", "", "", "1", "06/01/2025", "", "", ""], "bad plan start"),
        (
            ["C", "06/01/2025", "01/01/2025", "", "1", "06/01/2025", "", "", ""],
            "case closed is before",
        ),
        (["C", "06/01/2025", "30/06/2025", "", "1", "06/01/2025", "", "yes", ""], "achieved on is"),
        (["C", "06/01/2025", "", "", "1", "06/01/2025", "01/02/2025", "yes", ""], "not closed"),
        (["C", "06/01/2025", "", "", "1", "06/01/2025", "", "maybe", ""], "yes, no or blank"),
        (["C", "06/01/2025", "", "", "1", "06/01/2025", "01/01/2025", "", ""], "before the need"),
        (["C", "06/01/2025", "", "Nobody Ltd", "1", "06/01/2025", "", "", ""], "unknown lead"),
        (["C", "06/01/2025", "", "", "1", "06/01/2025", "", "", "FP-0000-999"], "unknown project"),
        (["C", "06/01/2099", "", "", "1", "06/01/2025", "", "", ""], "in the future"),
        (["", "06/01/2025", "", "", "1", "06/01/2025", "", "", ""], "case reference is blank"),
    ],
)
def test_each_kind_of_bad_row_is_named(row, reason):
    errors = check(family_rows_csv([row]), today=TODAY).errors
    assert errors and errors[0][0] == 2
    assert reason in errors[0][1]


def test_rows_of_one_plan_must_agree_on_its_closure():
    rows = a_family("C1", outcomes=[1, 2]) + need_rows("C1", "06/01/2025", "30/07/2025", [3])
    errors = check(family_rows_csv(rows), today=TODAY).errors
    assert errors == [
        (4, "case closed differs from line 2 for the same plan (a plan starting on the same day)")
    ]


def test_a_case_with_two_plans_is_imported_as_two_records(import_families):
    second = need_rows("C1", "01/09/2025", "", [5, 6, 7])
    result = import_families(family_rows_csv(a_family("C1") + second))
    assert result.added == 2
    plans = Family.objects.filter(case_hash=case_hash("C1")).order_by("plan_start")
    assert [(f.plan_start, f.case_closed, f.needs.count()) for f in plans] == [
        (datetime.date(2025, 1, 6), datetime.date(2025, 6, 30), 3),
        (datetime.date(2025, 9, 1), None, 3),
    ]


def test_a_changed_lead_practitioner_takes_the_latest_with_a_warning(db):
    first, second = OrganisationFactory(), OrganisationFactory()
    rows = need_rows("C1", "06/01/2025", "", [1], organisation=first.name) + [
        ["C1", "06/01/2025", "", second.name, "2", "01/03/2025", "", "", ""]
    ]
    checked = check(family_rows_csv(rows), today=TODAY)
    (record,) = checked.plans()
    assert record.organisation_id == second.pk
    assert checked.warnings == [
        (
            3,
            "the lead practitioner differs from another row of the same plan; the one on the "
            "latest need (line 3) is kept",
        )
    ]


def test_no_for_sustained_on_an_open_case_means_not_known_yet(db):
    checked = check(family_rows_csv(a_family("C1", closed="", sustained="N")), today=TODAY)
    (record,) = checked.plans()
    assert checked.errors == []
    assert {need.sustained for need in record.needs.values()} == {None}


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("Children safe from abuse and exploitation", 6),
        ("CHILDREN ARE SAFE FROM ABUSE & EXPLOITATION", 6),
        ("Drugs & alcohol", 4),
        ("Secure housing", 9),
    ],
)
def test_outcomes_are_matched_however_a_system_words_them(db, written, number):
    rows = [["C1", "06/01/2025", "", "", written, "06/01/2025", "", "", ""]]
    checked = check(family_rows_csv(rows), today=TODAY)
    (record,) = checked.plans()
    assert list(record.needs) == [number]


def test_an_organisation_with_a_curly_apostrophe_and_an_ampersand_is_matched(db):
    organisation = OrganisationFactory(name="Barnardo's Health & Care")
    rows = need_rows("C1", "06/01/2025", "", [1], organisation="BARNARDO’S Health and Care")
    (record,) = check(family_rows_csv(rows), today=TODAY).plans()
    assert record.organisation_id == organisation.pk


def test_a_misspelt_organisation_suggests_the_nearest(db):
    OrganisationFactory(name="Liverpool Mutual Homes")
    rows = need_rows("C1", "06/01/2025", "", [1], organisation="Liverpool Mutal Homes")
    errors = check(family_rows_csv(rows), today=TODAY).errors
    assert errors == [
        (
            2,
            "unknown lead practitioner organisation 'Liverpool Mutal Homes' "
            "(did you mean 'Liverpool Mutual Homes'?)",
        )
    ]


def test_the_same_outcome_twice_for_one_plan_is_a_duplicate():
    rows = a_family("C1", outcomes=[1, 2, 1])
    errors = check(family_rows_csv(rows), today=TODAY).errors
    assert errors == [(4, "outcome 1 is already on line 2 for this plan")]


def test_a_project_that_did_not_run_while_the_plan_was_open_is_refused():
    project = ProjectFactory(start_date=datetime.date(2026, 4, 1))
    errors = check(family_rows_csv(a_family(projects=project.reference)), today=TODAY).errors
    assert f"project {project.reference} did not run while the plan was open" in errors[0][1]


def test_a_missing_heading_is_reported_on_line_one():
    header = [h for h in FAMILY_HEADER if h != "Outcome"]
    errors = check(family_rows_csv([], header=header), today=TODAY).errors
    assert errors == [
        (
            1,
            "The header row (line 1) is missing: Outcome "
            "(for the Standard case management layout).",
        )
    ]


def test_importing_the_same_file_twice_changes_nothing(import_families):
    data = family_rows_csv(a_family("C1") + a_family("C2", closed=""))
    import_families(data)
    again = import_families(data)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert Family.objects.count() == 2
    assert FamilyNeed.objects.count() == 6


def test_a_newer_export_updates_a_family_without_duplicating_it(import_families):
    import_families(family_rows_csv(a_family("C1", closed="", achieved="", sustained="")))
    assert not Family.objects.get().all_needs_sustained
    result = import_families(family_rows_csv(a_family("C1")))
    family = Family.objects.get()
    assert (result.added, result.updated) == (0, 1)
    assert family.all_needs_sustained
    assert family.needs.filter(achieved_on__isnull=False).count() == 3


def test_a_dry_run_writes_nothing(import_families):
    result = import_families(family_rows_csv(a_family()), dry_run=True)
    assert result.added == 1
    assert not Family.objects.exists()


def test_progress_is_reported_for_long_files(import_families):
    rows = [row for n in range(1500) for row in a_family(f"C{n}")]
    calls = []
    import_families(family_rows_csv(rows), progress=lambda done, total: calls.append(done))
    assert calls == [1000, 1500]


def test_only_the_programme_team_may_import(import_families, lead):
    with pytest.raises(PermissionDenied):
        import_families(family_rows_csv(a_family()), user=lead)


def test_the_import_is_in_the_audit_log(import_families, programme_officer):
    import_families(family_rows_csv(a_family()), user=programme_officer)
    entry = ModelLogEntry.objects.get(action="evaluations.family_import")
    assert entry.user == programme_officer
    assert entry.data["added"] == 1


def test_a_write_the_database_refuses_is_reported_and_leaves_nothing(import_families, monkeypatch):
    real = imports.bulk_insert_rows

    def clash(model, columns, rows, **kwargs):
        if model is FamilySupport:
            raise IntegrityError("duplicate key value violates unique constraint")
        return real(model, columns, rows, **kwargs)

    monkeypatch.setattr(imports, "bulk_insert_rows", clash)
    project = ProjectFactory(start_date=datetime.date(2024, 4, 1))
    with pytest.raises(ImportRefused) as refused:
        import_families(family_rows_csv(a_family(projects=project.reference)))
    assert "Nothing was imported" in refused.value.problems[0][1]
    assert not Family.objects.exists()
