"""A submitted version's frozen content, and what changed between two versions."""

from decimal import Decimal

FIELDS = [
    ("kind", "Kind"),
    ("title", "Title"),
    ("lead_organisation", "Lead organisation"),
    ("summary", "Summary"),
    ("need_and_evidence", "Need and evidence"),
    ("whole_family_approach", "Whole-family approach"),
    ("delivery_start", "Delivery starts"),
    ("delivery_end", "Delivery ends"),
    ("sustainability", "Sustainability and exit plan"),
]
LISTS = [
    ("priorities", "Priorities"),
    ("outcomes", "Headline outcomes targeted"),
    ("budget", "Budget"),
    ("answers", "Answers to the criteria"),
    ("attachments", "Attachments"),
    ("co_leads", "Co-leads"),
]


def build_snapshot(proposal):
    """Everything the group reads, as plain JSON: text, ISO dates and money as strings."""
    budget = list(proposal.budget_lines.all())
    return {
        "reference": proposal.reference,
        "kind": proposal.get_kind_display(),
        "title": proposal.title,
        "lead": str(proposal.lead),
        "lead_organisation": str(proposal.lead_organisation),
        "summary": proposal.summary,
        "need_and_evidence": proposal.need_and_evidence,
        "whole_family_approach": proposal.whole_family_approach,
        "delivery_start": proposal.delivery_start.isoformat() if proposal.delivery_start else "",
        "delivery_end": proposal.delivery_end.isoformat() if proposal.delivery_end else "",
        "sustainability": proposal.sustainability,
        "priorities": [p.title for p in proposal.priorities.all()],
        "outcomes": [
            f"{t.outcome.name}: {t.expected_families} families"
            for t in proposal.outcome_targets.select_related("outcome")
        ],
        "budget": [
            f"{line.financial_year} · {line.get_cost_type_display()} · {line.description} · "
            f"£{line.amount:,.2f}"
            for line in budget
        ],
        "budget_lines": [
            {
                "financial_year": line.financial_year,
                "cost_type": line.cost_type,
                "cost_type_label": line.get_cost_type_display(),
                "description": line.description,
                "amount": str(line.amount),
            }
            for line in budget
        ],
        "total_requested": str(sum((line.amount for line in budget), Decimal("0.00"))),
        "answers": [
            f"{a.criterion.title}: {a.answer}"
            + (f" (evidence: {a.evidence})" if a.evidence else "")
            for a in proposal.answers.select_related("criterion")
        ],
        "answer_details": [
            {"criterion": a.criterion.title, "answer": a.answer, "evidence": a.evidence}
            for a in proposal.answers.select_related("criterion")
        ],
        "attachments": [
            f"{a.original_name} ({a.size:,} bytes)"
            for a in proposal.attachments.filter(removed_at__isnull=True)
        ],
        "attachment_ids": list(
            proposal.attachments.filter(removed_at__isnull=True).values_list("pk", flat=True)
        ),
        "co_leads": [str(user) for user in proposal.co_leads.all()],
    }


def compare_snapshots(old, new):
    """What changed from ``old`` to ``new``: (label, before, after) for each changed field, and
    (label, removed items, added items) for each changed list."""
    changes = []
    for key, label in FIELDS:
        if old.get(key, "") != new.get(key, ""):
            changes.append({"label": label, "before": old.get(key, ""), "after": new.get(key, "")})
    if old.get("total_requested") != new.get("total_requested"):
        changes.append(
            {
                "label": "Total requested",
                "before": f"£{Decimal(old.get('total_requested', '0')):,.2f}",
                "after": f"£{Decimal(new.get('total_requested', '0')):,.2f}",
            }
        )
    for key, label in LISTS:
        before, after = old.get(key, []), new.get(key, [])
        removed = [item for item in before if item not in after]
        added = [item for item in after if item not in before]
        if removed or added:
            changes.append({"label": label, "removed": removed, "added": added})
    return changes
