"""Back-office sessions end after 30 minutes without a request; the portal's do not."""

import datetime

import pytest

START = datetime.datetime(2030, 3, 6, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


def later(clock, minutes):
    clock.move_to(START + datetime.timedelta(minutes=minutes), tick=False)


def test_the_back_office_signs_out_after_thirty_idle_minutes(client, programme_officer, clock):
    client.force_login(programme_officer)
    later(clock, 31)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[0][0].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert "signed out after 30 minutes without activity" in response.content.decode()


def test_activity_keeps_a_back_office_session_open(client, programme_officer, clock):
    client.force_login(programme_officer)
    later(clock, 25)
    assert client.get("/admin/").status_code == 200
    later(clock, 50)
    assert client.get("/admin/").status_code == 200
    assert "_auth_user_id" in client.session


def test_a_project_leads_portal_session_is_not_cut_short(client, lead, clock):
    client.force_login(lead)
    later(clock, 120)
    assert client.get("/portal/").status_code == 200
