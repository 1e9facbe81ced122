import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from proposals import services
from proposals.models import Proposal
from proposals.selectors import listing_counts, proposals_for_back_office
from tests.factories import BudgetLineFactory, ProposalFactory, complete_proposal
from tests.proposals.conftest import TODAY


def submitted(amount=None, meeting=None):
    proposal = complete_proposal()
    if amount:
        proposal.budget_lines.update(amount=amount)
    services.proposal_submit(user=proposal.lead, proposal=proposal, today=TODAY)
    if meeting:
        Proposal.objects.filter(pk=proposal.pk).update(meeting=meeting)
    return proposal


def test_the_listing_shows_submitted_proposals_but_never_drafts(
    client_for, programme_officer, ready
):
    shown = submitted()
    hidden = ProposalFactory(title="A private draft")
    page = client_for(programme_officer).get("/admin/proposals/").content.decode()
    assert shown.reference in page
    assert hidden.reference not in page


def test_the_listing_filters_by_meeting(client_for, programme_officer, ready):
    march = submitted()
    may = submitted(meeting=ready[1])
    page = (
        client_for(programme_officer)
        .get(f"/admin/proposals/?meeting={ready[1].pk}")
        .content.decode()
    )
    assert may.reference in page
    assert march.reference not in page


def test_the_listing_filters_by_words_of_the_lead_organisations_name(
    client_for, programme_officer, ready
):
    police = submitted()
    police.lead_organisation.name, police.lead_organisation.short_name = "Merseyside Police", ""
    police.lead_organisation.save()
    other = submitted()
    page = (
        client_for(programme_officer)
        .get("/admin/proposals/?lead_organisation=police+MERSEY")
        .content.decode()
    )
    assert police.reference in page
    assert other.reference not in page


def test_the_listing_lists_no_organisations_to_choose_from(client_for, programme_officer, ready):
    proposal = submitted()
    page = client_for(programme_officer).get("/admin/proposals/").content.decode()
    assert f">{proposal.lead_organisation.name}</option>" not in page
    assert 'name="lead_organisation"' in page


def test_the_listing_filters_by_amount_requested(client_for, programme_officer, ready):
    small = submitted(amount="5000.00")
    large = submitted(amount="90000.00")
    page = (
        client_for(programme_officer)
        .get("/admin/proposals/?total_requested_min=10000&total_requested_max=100000")
        .content.decode()
    )
    assert large.reference in page
    assert small.reference not in page


def test_the_listing_searches_by_title(client_for, programme_officer, ready):
    found = Proposal.objects.get(pk=submitted().pk)
    found.title = "Operation Encompass"
    found.save()
    other = submitted()
    page = client_for(programme_officer).get("/admin/proposals/?q=Encompass").content.decode()
    assert found.reference in page
    assert other.reference not in page


def test_the_listing_exports_to_csv(client_for, programme_officer, ready):
    proposal = submitted()
    response = client_for(programme_officer).get("/admin/proposals/?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert "Total requested (GBP)" in body
    assert proposal.reference in body
    assert "25000.00" in body


def test_the_inspect_view_shows_the_submitted_version(client_for, programme_officer, ready):
    proposal = submitted()
    page = (
        client_for(programme_officer)
        .get(f"/admin/proposals/inspect/{proposal.pk}/")
        .content.decode()
    )
    assert "Version 1" in page
    assert "One lead worker and one family plan" in page
    assert f"/admin/proposals/screen/{proposal.pk}/" in page


def test_the_screening_view_records_a_result_per_criterion(
    client_for, programme_officer, criteria, ready
):
    proposal = submitted()
    data = {"recommendation": "eligible", "reasons": ""}
    for criterion in criteria:
        data[f"result_{criterion.pk}"] = "met"
    response = client_for(programme_officer).post(f"/admin/proposals/screen/{proposal.pk}/", data)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ELIGIBLE


def test_returning_without_reasons_redisplays_the_form(
    client_for, programme_officer, criteria, ready
):
    proposal = submitted()
    data = {"recommendation": "return", "reasons": ""}
    for criterion in criteria:
        data[f"result_{criterion.pk}"] = "not_met"
    response = client_for(programme_officer).post(f"/admin/proposals/screen/{proposal.pk}/", data)
    assert response.status_code == 200
    assert "Say what the lead needs to change or add" in response.content.decode()


def test_finance_can_read_but_not_screen(client_for, finance_officer, ready):
    proposal = submitted()
    client = client_for(finance_officer)
    assert client.get("/admin/proposals/").status_code == 200
    # Wagtail answers a refused back-office page by sending the user to the dashboard.
    assert client.get(f"/admin/proposals/screen/{proposal.pk}/").status_code in (302, 403)
    client.post(f"/admin/proposals/screen/{proposal.pk}/", {"recommendation": "eligible"})
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.SUBMITTED


def test_nobody_edits_a_proposal_in_the_admin(client_for, programme_officer, ready):
    proposal = submitted()
    response = client_for(programme_officer).get(f"/admin/proposals/edit/{proposal.pk}/")
    assert response.status_code in (302, 403)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def make_proposals(lead, meeting, count):
    for _ in range(count):
        proposal = ProposalFactory(
            lead=lead,
            lead_organisation=lead.organisation,
            status=Proposal.Status.SUBMITTED,
            meeting=meeting,
        )
        BudgetLineFactory(proposal=proposal)
        BudgetLineFactory(proposal=proposal)


@pytest.mark.parametrize("url", ["/admin/proposals/", "/portal/proposals/"])
def test_listing_queries_do_not_grow_with_the_number_of_proposals(
    client_for, programme_officer, lead, ready, url, today
):
    # The clock is held (``today``): making 490 proposals may take longer than the minute
    # after which a request writes the session's last-seen time, which is not the listing.
    user = programme_officer if url.startswith("/admin/") else lead
    client = client_for(user)
    make_proposals(lead, ready[0], 10)
    client.get(url)  # warm caches that are filled once per process
    small = count_queries(client, url)
    make_proposals(lead, ready[0], 490)
    large = count_queries(client, url)
    assert small == large


def test_filtering_by_priority_and_outcome_asks_exists_and_never_distinct(
    client_for, programme_officer, ready
):
    chosen = submitted()
    other = submitted()
    priority = chosen.priorities.create(title="Early help in schools")
    outcome = chosen.outcome_targets.first().outcome
    other.outcome_targets.filter(outcome=outcome).delete()
    client = client_for(programme_officer)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(
            f"/admin/proposals/?priority={priority.pk}&outcome={outcome.pk}"
        ).content.decode()
    assert chosen.reference in page
    assert other.reference not in page
    listing = [q["sql"] for q in queries.captured_queries if "proposals_proposal" in q["sql"]]
    assert listing and not any("DISTINCT" in sql.upper() for sql in listing)


def test_awaiting_screening_shows_only_submitted_proposals(client_for, programme_officer, ready):
    waiting = submitted()
    screened = submitted()
    Proposal.objects.filter(pk=screened.pk).update(status=Proposal.Status.ELIGIBLE)
    page = client_for(programme_officer).get("/admin/proposals/?show=awaiting_screening")
    html = page.content.decode()
    assert waiting.reference in html
    assert screened.reference not in html


def test_screening_is_overdue_once_the_meetings_papers_date_has_passed(
    client_for, programme_officer, ready
):
    late = submitted(meeting=ready[0])
    in_time = submitted(meeting=ready[1])
    papers_due = ready[0].papers_date + datetime.timedelta(days=1)
    with time_machine.travel(papers_due, tick=False):
        html = client_for(programme_officer).get("/admin/proposals/?show=screening_overdue")
    assert late.reference in html.content.decode()
    assert in_time.reference not in html.content.decode()


def test_for_the_next_meeting_shows_eligible_proposals_placed_on_it(
    client_for, programme_officer, ready
):
    coming = submitted(meeting=ready[0])
    later = submitted(meeting=ready[1])
    Proposal.objects.update(status=Proposal.Status.ELIGIBLE)
    with time_machine.travel(ready[0].date - datetime.timedelta(days=3), tick=False):
        html = client_for(programme_officer).get("/admin/proposals/?show=next_agenda")
    assert coming.reference in html.content.decode()
    assert later.reference not in html.content.decode()


def test_the_status_counts_add_up_to_the_proposals_listed(programme_officer, ready):
    for _ in range(3):
        submitted()
    Proposal.objects.filter(pk=Proposal.objects.first().pk).update(status="eligible")
    ProposalFactory()  # a draft: never counted
    counts = listing_counts(TODAY, programme_officer)
    by_status = {value: count for value, _label, count in counts["statuses"]}
    assert (by_status["submitted"], by_status["eligible"]) == (2, 1)
    assert sum(by_status.values()) == proposals_for_back_office().count() == 3
    views = {name: count for name, _label, count in counts["views"]}
    assert views["awaiting_screening"] == 2


def test_changed_this_week_counts_every_status_but_drafts(programme_officer, ready):
    """The views but this one hold only proposals submitted or eligible; this one any."""
    with time_machine.travel(datetime.datetime(2030, 1, 6, 12, tzinfo=datetime.UTC), tick=False):
        decided, returned, old = submitted(), submitted(), submitted()
        ProposalFactory()  # a draft changed today: never counted
    Proposal.objects.filter(pk=decided.pk).update(status="decided")
    Proposal.objects.filter(pk=returned.pk).update(status="returned")
    long_ago = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    Proposal.objects.filter(pk=old.pk).update(updated_at=long_ago)
    counts = listing_counts(TODAY, programme_officer)
    views = {name: count for name, _label, count in counts["views"]}
    assert views["changed_this_week"] == 2


def test_the_listing_links_each_status_with_its_count(client_for, programme_officer, ready):
    submitted()
    html = client_for(programme_officer).get("/admin/proposals/").content.decode()
    assert '<a href="/admin/proposals/?status=submitted">Submitted</a> (1)' in html


def test_the_unfiltered_listing_takes_its_count_from_the_status_counts(
    client_for, programme_officer, ready
):
    submitted(), submitted()
    ProposalFactory(title="A private draft")
    with CaptureQueriesContext(connection) as queries:
        page = client_for(programme_officer).get("/admin/proposals/").content.decode()
    assert "2 proposals" in page
    assert not [q for q in queries if 'COUNT(*) AS "__count"' in q["sql"]]


def test_a_filtered_listing_counts_the_proposals_it_shows(client_for, programme_officer, ready):
    submitted(), submitted(meeting=ready[1]), submitted(meeting=ready[1])
    page = client_for(programme_officer).get(f"/admin/proposals/?meeting={ready[1].pk}")
    assert "2 proposals" in page.content.decode()


def test_the_counts_total_every_proposal_but_drafts(programme_officer, ready):
    submitted(), submitted()
    ProposalFactory(title="A private draft")
    assert listing_counts(TODAY, programme_officer)["total"] == 2
