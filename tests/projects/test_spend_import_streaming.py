"""The ledger import reads its file as a stream and checks it in the database: peak Python
memory does not grow with the file; a problem met part-way through (a damaged gzip, a row that
does not line up) is reported with its line and nothing is written; the decimal style is
judged from the whole file, not only its first rows."""

import gzip
import tracemalloc
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.problems import ImportRefused
from projects import attention, ledger_check
from projects.models import SpendLine, SpendMonth, StagedAttention, StagedLine
from projects.services import spend_import
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db

HEADER = "Transaction Number,Date,Supplier,Description,Cost Centre,Expense Type,Net Amount\n"


@pytest.fixture
def project():
    return ProjectFactory(cost_centre="FP2026005", approved_amount=Decimal("1000000.00"))


def ledger(count, amount="12.34", first=0):
    rows = (
        f"S{number:07d},{1 + number % 28:02d}/06/2026,Supplier {number % 13},Line {number},"
        f"FP2026005,Staff,{amount}\n"
        for number in range(first, first + count)
    )
    return (HEADER + "".join(rows)).encode()


def peak_while_importing(path, user):
    tracemalloc.start()
    try:
        spend_import(user=user, data=lambda: path.open("rb"), filename=path.name)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_peak_memory_does_not_grow_with_the_file(project, finance_officer, tmp_path, monkeypatch):
    # The lines staged at once and the staged lines read back a page at a time, both smaller
    # than the files, as they are against a file of millions of lines.
    monkeypatch.setattr(ledger_check, "BATCH", 100)
    monkeypatch.setattr(attention, "PAGE", 100)
    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    small.write_bytes(ledger(1000))
    large.write_bytes(ledger(4000, first=1000))
    peak_while_importing(tmp_path / "small.csv", finance_officer)  # modules and caches
    SpendLine.objects.all().delete()
    first = peak_while_importing(small, finance_officer)
    second = peak_while_importing(large, finance_officer)
    assert SpendLine.objects.count() == 5000
    # Four times the rows: the peak stays within a small constant (holding the rows, it
    # grew by about 1 KB a row).
    assert second - first < 1_000_000, (first, second)


def test_the_staged_lines_are_gone_once_imported(project, finance_officer):
    spend_import(user=finance_officer, data=ledger(50), filename="l.csv")
    assert (StagedLine.objects.count(), SpendLine.objects.count()) == (0, 50)
    assert SpendMonth.objects.get().amount == Decimal("617.00")


def test_lines_needing_attention_are_imported_with_their_reasons_and_nothing_staged_is_left(
    finance_officer,
):
    ProjectFactory(cost_centre="FP2026005", approved_amount=Decimal("30.00"))
    result = spend_import(user=finance_officer, data=ledger(4), filename="l.csv")
    reasons = SpendLine.objects.order_by("date").values_list("attention", flat=True)
    assert list(reasons) == [
        "",
        "",
        "Takes the project £7.02 past its approval of £30.00",
        "Takes the project £19.36 past its approval of £30.00",
    ]
    assert result.attention_count == 2
    assert (StagedLine.objects.count(), StagedAttention.objects.count()) == (0, 0)


def test_a_gzip_damaged_part_way_through_is_refused_and_nothing_written(
    project, finance_officer
):
    packed = gzip.compress(ledger(5000))
    damaged = packed[: len(packed) // 2] + bytes(200) + packed[len(packed) // 2 + 200 :]
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=damaged, filename="l.csv.gz")
    assert "gzip-compressed but damaged" in refused.value.problems[0][1]
    assert (SpendLine.objects.count(), StagedLine.objects.count()) == (0, 0)


def test_a_row_out_of_line_deep_in_the_file_names_its_line(project, finance_officer):
    data = ledger(3000) + b"S9999999,01/06/2026,Acme, Ltd,Oops,FP2026005,Staff,1.00\n"
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=data, filename="l.csv")
    assert refused.value.problems[0][0] == 3002
    assert SpendLine.objects.count() == 0


def test_decimal_commas_after_the_sample_are_read_from_the_whole_file(
    project, finance_officer, monkeypatch
):
    monkeypatch.setattr(ledger_check, "SAMPLE_ROWS", 2)
    # The first rows' amounts could be either style; a later one is plainly a decimal comma.
    data = ledger(3, amount="12") + ledger(1, amount='"1234,56"', first=3)[len(HEADER) :]
    result = spend_import(user=finance_officer, data=data, filename="l.csv")
    assert result.new_net == Decimal("1270.56")
    assert "amounts written with decimal commas (1.234,56)" in result.notes


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the planner's statistics are PostgreSQL's"
)
def test_the_planner_hears_what_was_staged_before_the_joins(project, finance_officer):
    # Analysed while empty, the staging table was planned as empty: 50,000 lines then took
    # over ten minutes. The staged lines are analysed before the first join.
    with CaptureQueriesContext(connection) as queries:
        spend_import(user=finance_officer, data=ledger(20), filename="l.csv")
    statements = [query["sql"] for query in queries]
    analysed = statements.index('ANALYZE "projects_stagedline"')
    assert analysed < next(i for i, sql in enumerate(statements) if "ROW_NUMBER()" in sql)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="UNLOGGED is PostgreSQL's")
def test_the_staging_table_skips_the_write_ahead_log():
    # Its rows live inside one import's transaction, so nothing in it need survive a crash.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relpersistence FROM pg_class WHERE relname = %s", [StagedLine._meta.db_table]
        )
        assert cursor.fetchone() == ("u",)
