"""seed_scale's proposals, their versions and budgets, and the group's decisions on them."""

import datetime
from decimal import Decimal

from benchmarks.batches import Progress, batched
from benchmarks.sizes import DEMO_LEAD, DEMO_LEAD_SHARE
from core.financial_years import fy_for_date
from governance.models import Decision
from programme.models import Outcome, User
from proposals.models import BudgetLine, OutcomeTarget, Proposal, ProposalVersion

KINDS = ["funded_service"] * 5 + ["community"] * 2 + ["it", "research"]
# Every generated proposal's texts, as written on it and in its submitted version.
TEXTS = {
    "summary": "Key-worker support for families with three or more needs.",
    "need_and_evidence": "Referral data shows unmet need across the area.",
    "whole_family_approach": "One lead practitioner and one family plan.",
}


def _submitted(meeting):
    """When a seeded proposal was submitted: noon on its meeting's deadline."""
    return datetime.datetime.combine(meeting.submission_deadline, datetime.time(12), datetime.UTC)


class ProposalsAndDecisions:
    """Mixed into the Generator, whose rng, sizes, stdout, meetings, lead_ids, funds and
    officer it uses; leaves ``plan``, a row for each proposal, for the projects."""

    def _statuses(self):
        total, projects = self.sizes["proposals"], self.sizes["projects"]
        share = {"rejected": 0.2, "draft": 0.2, "withdrawn": 0.05, "returned": 0.05}
        statuses = ["approved"] * projects
        for status, fraction in share.items():
            statuses += [status] * int(total * fraction)
        statuses += ["submitted"] * (total - len(statuses))
        self.rng.shuffle(statuses)
        return statuses[:total]

    def proposals(self):
        outcomes = list(Outcome.objects.order_by("number").values_list("pk", flat=True))
        demo_lead = (
            User.objects.filter(email=DEMO_LEAD).values_list("pk", "organisation_id").first()
        )
        self.plan = []
        for index, status in enumerate(self._statuses()):
            meeting = self.meetings[index % len(self.meetings)]
            lead, organisation = self.lead_ids[self.rng.randrange(len(self.lead_ids))]
            if demo_lead and index % DEMO_LEAD_SHARE == 0:
                lead, organisation = demo_lead
            start = meeting.date + datetime.timedelta(days=self.rng.randint(20, 60))
            years = self.rng.choice([1, 1, 2, 3])
            reference = f"FP-{meeting.date.year}-{index:05d}"
            self.plan.append(
                {
                    "reference": reference,
                    "title": f"Whole-family support {reference[-5:]}",
                    "status": status,
                    "meeting": meeting,
                    "lead": lead,
                    "organisation": organisation,
                    "kind": self.rng.choice(KINDS),
                    "amount": Decimal(self.rng.randint(400, 6000) * 50),
                    "start": start,
                    "end": start + datetime.timedelta(days=365 * years - 1),
                    "outcomes": self.rng.sample(outcomes, self.rng.randint(2, 3)),
                }
            )
        batched(
            Proposal,
            (
                Proposal(
                    reference=row["reference"],
                    kind=row["kind"],
                    title=row["title"],
                    lead_id=row["lead"],
                    lead_organisation_id=row["organisation"],
                    **TEXTS,
                    delivery_start=row["start"],
                    delivery_end=row["end"],
                    sustainability="Mainstreamed into early help at the end of the grant.",
                    status=Proposal.Status.DECIDED
                    if row["status"] in ("approved", "rejected")
                    else row["status"],
                    meeting=None if row["status"] == "draft" else row["meeting"],
                )
                for row in self.plan
            ),
            Progress(self.stdout, "proposals", len(self.plan)),
        )
        ids = dict(
            Proposal.objects.filter(reference__in=[r["reference"] for r in self.plan]).values_list(
                "reference", "pk"
            )
        )
        for row in self.plan:
            row["pk"] = ids[row["reference"]]
        batched(BudgetLine, self._budget_lines())
        batched(
            OutcomeTarget,
            (
                OutcomeTarget(proposal_id=row["pk"], outcome_id=outcome, expected_families=60)
                for row in self.plan
                for outcome in row["outcomes"]
            ),
        )
        batched(ProposalVersion, self._versions())
        batched(Decision, self._decisions())
        self._dated()

    def _dated(self):
        """When each proposal was submitted and last changed, as its history has them: a bulk
        insert stamps every row with the time of the seed, which made the whole data set
        "changed in the last 7 days" and left the listing's submission order empty."""
        for meeting in self.meetings:
            placed = Proposal.objects.filter(meeting=meeting).exclude(status=Proposal.Status.DRAFT)
            placed.update(submitted_at=_submitted(meeting), updated_at=_submitted(meeting))
            decided = datetime.datetime.combine(meeting.date, datetime.time(17), datetime.UTC)
            placed.filter(status=Proposal.Status.DECIDED).update(updated_at=decided)

    def _halves(self, amount):
        first = (amount / 2).quantize(Decimal("0.01"))
        return first, amount - first

    def _budget_lines(self):
        for row in self.plan:
            first, second = self._halves(row["amount"])
            for year, amount in [
                (fy_for_date(row["start"]), first),
                (fy_for_date(row["end"]), second),
            ]:
                yield BudgetLine(
                    proposal_id=row["pk"],
                    financial_year=year,
                    cost_type=BudgetLine.CostType.STAFF,
                    description="Family support workers",
                    amount=amount,
                )

    def _versions(self):
        for row in self.plan:
            if row["status"] == "draft":
                continue
            yield ProposalVersion(
                proposal_id=row["pk"],
                number=1,
                submitted_at=_submitted(row["meeting"]),
                submitted_by_id=row["lead"],
                meeting=row["meeting"],
                total_requested=row["amount"],
                snapshot=self._snapshot(row),
            )

    def _snapshot(self, row):
        first, second = self._halves(row["amount"])
        return {
            "reference": row["reference"],
            "kind": row["kind"],
            "title": row["title"],
            "lead": f"Lead {row['lead']}",
            "lead_organisation": f"Organisation {row['organisation']}",
            **TEXTS,
            "delivery_start": row["start"].isoformat(),
            "delivery_end": row["end"].isoformat(),
            "sustainability": "Mainstreamed into early help at the end of the grant.",
            "priorities": [],
            "outcomes": [],
            "budget": [],
            "budget_lines": [
                {
                    "financial_year": fy_for_date(day),
                    "cost_type": "staff",
                    "cost_type_label": "Staff",
                    "description": "Family support workers",
                    "amount": str(amount),
                }
                for day, amount in [(row["start"], first), (row["end"], second)]
            ],
            "answers": [],
            "attachments": [],
            "co_leads": [],
        }

    def _decisions(self):
        for row in self.plan:
            if row["status"] not in ("approved", "rejected"):
                continue
            approved = row["status"] == "approved"
            yield Decision(
                proposal_id=row["pk"],
                meeting=row["meeting"],
                fund_id=self.funds[fy_for_date(row["meeting"].date)] if approved else None,
                outcome="approved" if approved else "rejected",
                approved_amount=row["amount"] if approved else None,
                reasons="Meets the programme's criteria." if approved else "Not a priority.",
                decided_on=row["meeting"].date,
                recorded_by=self.officer,
            )
