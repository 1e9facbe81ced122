"""Reading PostgreSQL's plan for a listing's own query, to show it is served by an index."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def listing_query(client, url, starts):
    """The SQL of the page's one query that starts with ``starts`` and takes a LIMIT."""
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    (listing,) = [
        q["sql"] for q in queries if q["sql"].startswith(starts) and " LIMIT " in q["sql"]
    ]
    return listing


def plan_with_indexes_preferred(sql):
    """EXPLAIN of ``sql`` with whole-table scans and sorts priced out: on a test's few rows a
    sort is cheaper than any index, so a Sort is left in the plan only if no index gives
    this order."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())
