"""Every listing page: server time (median, in-process test client) and query count at this
database's scale, beside the query count on the demo data."""

from benchmarks.listings import LISTING_PAGES, fetch


def run(runs, demo_counts=None):
    results = []
    for label, email, url in LISTING_PAGES:
        fetch(label, email, url)  # warm: first visits load sessions and caches
        times, queries, status = [], None, None
        for _ in range(runs):
            status, queries, seconds = fetch(label, email, url)
            times.append(seconds)
        times.sort()
        demo = (demo_counts or {}).get(label)
        results.append(
            {
                "benchmark": label,
                "status": status,
                "ours_s": times[len(times) // 2],
                "queries": queries,
                "demo_queries": demo,
                "target_queries": 20,
            }
        )
    return results
