"""docs/benchmarks.md (a table per kind of benchmark) and docs/benchmarks.json beside it."""

import json

from benchmarks.listings import BY_KINDS_ON_THE_PAGE, OWN_LIMITS, QUERY_LIMIT, query_limit

# How we measure against the nearest peer; nothing of the peer is in this repository.
PEER_METHOD = [
    "## Against the nearest peer (method)",
    "",
    "The peer is Hypha (HyphaApp/hypha 6.7.0), the open-source grant-management system on "
    "Django and Wagtail. It is cloned outside this repository, installed in its own virtual "
    "environment from its own requirements, and filled with its own factories "
    "(`ApplicationSubmissionFactory`, with rounds, reviewers and staff) to the same number of "
    "proposals as ours, in its own database on the same PostgreSQL server on the same "
    "machine. Nothing of it is committed here.",
    "",
    "Both are measured the same way: in-process with Django's test client, signed in as a "
    "staff member, each page fetched once to warm caches and then the median of the runs "
    "taken, queries counted with `CaptureQueriesContext`. The pages compared: the staff "
    "listing of proposals (ours `/admin/proposals/`, Hypha `/apply/submissions/all/`), a "
    "search of it (ours `/admin/proposals/?q=...` and the one search box "
    "`/admin/search/programme/?q=...`, Hypha `/apply/submissions/all/?query=...` with the "
    "same words), and a proposal's detail page (ours `/admin/proposals/inspect/<pk>/`, Hypha "
    "`/apply/submissions/<pk>/`). Sizes: 1,000 and 20,000 proposals are the county and "
    "national data sets of `seed_scale`; for 10,000 and 100,000 the same generator runs with "
    "the proposal count changed in `benchmarks/sizes.py`. The target is ten times the peer's "
    "speed, with fewer queries.",
]


def _ms(seconds):
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def _verdict(ok):
    return "met" if ok else "**missed**"


def _page_verdict(label, queries, demo):
    """Within the page's limit and equal to the demo's count; for a page whose count follows
    the kinds of record its first page holds, within the limit at both sizes."""
    limit = query_limit(label)
    notes = []
    if label in OWN_LIMITS:
        notes.append(f"at most {limit}: {OWN_LIMITS[label][1]}")
    if label in BY_KINDS_ON_THE_PAGE:
        ok = max(queries, demo or 0) <= limit
        notes.append(
            "one query for each kind of record on the first page, so not always the demo's"
        )
    else:
        ok = queries <= limit and queries == demo
    return _verdict(ok) + "".join(f" ({note})" for note in notes)


def markdown(run):
    machine = run["machine"]
    lines = [
        "# Benchmarks",
        "",
        f"Scale **{run['scale']}** on **{machine['database']}**, {run['date']}; each figure "
        f"is the median of {run['runs']} runs. Machine: {machine['cpus']} CPUs "
        f"({machine['processor']}), {machine['memory']}, {machine['platform']}, Python "
        f"{machine['python']}. Yardstick (a million additions in Python): "
        f"{machine.get('yardstick_ms', 'not taken')} ms: compare it before comparing times "
        "across runs.",
        "",
        f"Reproduce: `{run['command']}`.",
        "",
        "## Against their limits",
        "",
        "Ours and its limit run in turn, and the ratio is the median of the runs' ratios, so a "
        "machine that slows or speeds up during the runs weighs on both alike.",
        "",
        "| benchmark | size | ours | limit | ratio | target | | limit is |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in run["compared"]:
        size = f"{row['size']:,} {row['unit']}"
        lines.append(
            f"| {row['benchmark']} | {size} | {_ms(row['ours_s'])} | {_ms(row['limit_s'])} | "
            f"{row['ratio']:.2f}x | {row['target']}x | {_verdict(row['ratio'] <= row['target'])}"
            f" | {row['limit']} |"
        )
    memory = [row for row in run["compared"] if "ours_peak_mib" in row]
    if memory:
        lines += ["", "Peak Python memory while writing the workbook (tracemalloc):", ""]
        lines += ["| lines | ours | bare xlsxwriter |", "|---:|---:|---:|"]
        for row in memory:
            lines.append(
                f"| {row['size']:,} | {row['ours_peak_mib']:.1f} MiB | "
                f"{row['limit_peak_mib']:.1f} MiB |"
            )
    imports = [row for row in run["compared"] if "ours_rows_per_s" in row]
    if imports:
        lines += ["", "| import | ours (rows/s) | bulk copy (rows/s) |", "|---|---:|---:|"]
        for row in imports:
            lines.append(
                f"| {row['benchmark']} | {row['ours_rows_per_s']:,.0f} | "
                f"{row['limit_rows_per_s']:,.0f} |"
            )
    if run.get("import_memory"):
        memory = run["import_memory"]
        lines += [
            "",
            "## Import memory",
            "",
            "Peak Python memory (tracemalloc) and time of each import, its file read from disk; "
            f"the bulk path is {memory['bulk']} of the same rows with no checks. Target: a peak "
            "under 150 MiB that does not grow with the file.",
            "",
            f"| import | rows | peak | ours | {memory['bulk']} | ratio | flat, under 150 MiB |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        smallest = {}
        for row in memory["rows"]:
            first = smallest.setdefault(row["import"], row["peak_mib"])
            flat = row["peak_mib"] < 150 and row["peak_mib"] <= first * 1.5 + 5
            lines.append(
                f"| {row['import']} | {row['rows']:,} | {row['peak_mib']:.1f} MiB | "
                f"{_ms(row['ours_s'])} | {_ms(row['bulk_s'])} | {row['ratio']:.2f}x | "
                f"{_verdict(flat)} |"
            )
    if run.get("pages"):
        lines += [
            "",
            "## Listing pages",
            "",
            "Server time in-process (Django's test client, no network); queries at this scale "
            "and on the demo data.",
            "",
            f"| page | time | queries | queries on the demo | at most {QUERY_LIMIT} (or its own "
            "target) and equal |",
            "|---|---:|---:|---:|---|",
        ]
        for row in run["pages"]:
            lines.append(
                f"| {row['benchmark']} | {_ms(row['ours_s'])} | {row['queries']} | "
                f"{row['demo_queries'] if row['demo_queries'] is not None else '-'} | "
                f"{_page_verdict(row['benchmark'], row['queries'], row['demo_queries'])} |"
            )
    if run.get("load"):
        load = run["load"]
        lines += [
            "",
            "## Concurrent use",
            "",
            f"{load['benchmark']} for {load['duration_s']} s against {load['server']} on "
            f"127.0.0.1; each person pauses {load['think_time_s'][0]:g} to "
            f"{load['think_time_s'][1]:g} s between requests.",
            "",
            "| requests | throughput | p50 | p95 | errors | p95 target |",
            "|---:|---:|---:|---:|---:|---|",
            f"| {load['requests']:,} | {load['throughput_rps']:.0f}/s | {load['p50_ms']:.0f} ms "
            f"| {load['p95_ms']:.0f} ms | {load['errors']} | 300 ms: "
            f"{_verdict(load['p95_ms'] <= 300 and load['errors'] == 0)} |",
        ]
    if run.get("notes"):
        lines += ["", "## Notes", "", *[f"- {note}" for note in run["notes"]]]
    lines += ["", *PEER_METHOD]
    return "\n".join(lines) + "\n"


def write(run, path):
    path.with_suffix(".json").write_text(json.dumps(run, indent=2, default=str) + "\n")
    path.with_suffix(".md").write_text(markdown(run))
