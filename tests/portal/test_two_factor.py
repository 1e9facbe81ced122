"""Two-factor sign-in for the back-office roles where it is required: set up from a QR code,
recovery codes once, a code at each sign-in, and an audited reset."""

from io import StringIO

import pytest
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def set_up(client, person):
    client.force_login(person)
    client.get("/accounts/two-factor/set-up/")
    device = TOTPDevice.objects.get(user=person)
    response = client.post(
        "/accounts/two-factor/set-up/", {"token": code_for(device), "next": "/admin/"}
    )
    return device, response


def test_the_back_office_asks_a_programme_officer_to_set_up_an_app(client, programme_officer):
    client.force_login(programme_officer)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/set-up/")
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page and "Key:" in page


def test_a_right_code_confirms_the_app_and_shows_recovery_codes_once(client, programme_officer):
    device, response = set_up(client, programme_officer)
    assert response.status_code == 302
    codes_page = client.get(response["Location"]).content.decode()
    codes = StaticToken.objects.filter(device__user=programme_officer)
    assert codes.count() == 10
    assert all(code.token in codes_page for code in codes)
    assert client.get("/accounts/two-factor/recovery-codes/").status_code == 302
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert ModelLogEntry.objects.filter(action="programme.two_factor_set_up").exists()


def test_a_wrong_code_is_refused_with_a_message(client, programme_officer):
    client.force_login(programme_officer)
    client.get("/accounts/two-factor/set-up/")
    response = client.post("/accounts/two-factor/set-up/", {"token": "000000"})
    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_each_new_sign_in_needs_a_code_and_a_recovery_code_works_once(client, programme_officer):
    device, _response = set_up(client, programme_officer)
    recovery = StaticToken.objects.filter(device__user=programme_officer).first().token
    client.logout()
    client.force_login(programme_officer)
    response = client.get("/admin/")
    assert response["Location"].startswith("/accounts/two-factor/?next=/admin/")
    assert client.post("/accounts/two-factor/", {"token": recovery}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.force_login(programme_officer)
    refused = client.post("/accounts/two-factor/", {"token": recovery})
    assert refused.status_code == 400


def test_the_next_address_cannot_lead_off_the_site(client, programme_officer):
    set_up(client, programme_officer)
    recovery = StaticToken.objects.filter(device__user=programme_officer).first().token
    client.logout()
    client.force_login(programme_officer)
    response = client.post("/accounts/two-factor/?next=https://evil.example/", {"token": recovery})
    assert response["Location"] == "/admin/"


def test_a_project_lead_signs_in_to_the_portal_without_a_second_factor(client, lead):
    client.force_login(lead)
    assert client.get("/portal/").status_code == 200


def test_a_reset_is_audited_and_asks_for_a_new_app(client, programme_officer):
    set_up(client, programme_officer)
    out = StringIO()
    call_command("reset_two_factor", programme_officer.email.upper(), stdout=out)
    assert "2 devices removed" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=programme_officer).exists()
    assert ModelLogEntry.objects.filter(action="programme.two_factor_reset").exists()
    client.logout()
    client.force_login(programme_officer)
    assert client.get("/admin/")["Location"].startswith("/accounts/two-factor/set-up/")
