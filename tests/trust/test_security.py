"""Security settings: a Content Security Policy, CSRF, the sign-in lock-out, production's
cookies and HSTS, sanitised rich text and private files."""

import re
import secrets

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from proposals import services
from public.models import RICH_TEXT_FEATURES
from tests.factories import UserFactory, complete_proposal
from tests.governance.test_settings import run_manage

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-enough-passphrase-1"


def test_portal_pages_allow_only_their_own_scripts_and_the_nonced_one(client, lead):
    client.force_login(lead)
    response = client.get("/portal/")
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert f'<script nonce="{nonce}">'.encode() in response.content
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy


def test_each_response_gets_a_new_nonce(client):
    first = client.get("/accounts/login/")["Content-Security-Policy"]
    second = client.get("/accounts/login/")["Content-Security-Policy"]
    assert first != second


def test_the_back_office_policy_allows_nothing_from_other_sites(client, programme_officer):
    client.force_login(programme_officer)
    policy = client.get("/admin/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "http" not in policy


def test_pages_cannot_be_framed_by_other_sites(client):
    response = client.get("/accounts/login/")
    assert response["X-Frame-Options"] == "DENY"


def test_a_post_without_the_csrf_token_is_refused(lead):
    client = Client(enforce_csrf_checks=True)
    client.force_login(lead)
    response = client.post("/portal/proposals/new/", {"title": "No token"})
    assert response.status_code == 403


def _sign_in(client, email, password):
    return client.post("/accounts/login/", {"username": email, "password": password})


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client, lead):
    lead.set_password(PASSWORD)
    lead.save()
    for _ in range(4):
        assert _sign_in(client, lead.email, "wrong").status_code == 200
    locked = _sign_in(client, lead.email.upper(), "wrong")
    assert locked.status_code == 429
    assert b"Sign-in is locked for this email address" in locked.content
    assert _sign_in(Client(), lead.email, PASSWORD).status_code == 429


def test_signing_in_clears_the_count_of_failures(client, lead):
    lead.set_password(PASSWORD)
    lead.save()
    for _ in range(4):
        _sign_in(client, lead.email, "wrong")
    assert _sign_in(client, lead.email, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert _sign_in(client, lead.email, "wrong").status_code == 200
    assert _sign_in(client, lead.email, PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "spelling",
    [
        lambda email: email.replace("s", "\u017f", 1),  # LATIN SMALL LETTER LONG S
        lambda email: email.replace("i", "\u0131", 1),  # LATIN SMALL LETTER DOTLESS I
        lambda email: email.replace("e", "\uff45", 1),  # FULLWIDTH LATIN SMALL LETTER E
        lambda email: email.upper(),
    ],
)
def test_no_spelling_of_a_locked_address_signs_in(client, lead, spelling):
    lead.set_password(PASSWORD)
    lead.save()
    for _ in range(5):
        _sign_in(client, lead.email, "wrong")
    other = Client()
    assert _sign_in(other, spelling(lead.email), PASSWORD).status_code in {200, 429}
    assert "_auth_user_id" not in other.session


def test_a_look_alike_address_is_not_the_account(client, lead):
    lead.set_password(PASSWORD)
    lead.save()
    lookalike = lead.email.replace("i", "\u0131", 1)
    response = _sign_in(client, lookalike, PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_an_account_cannot_be_given_a_look_alike_address(db):
    user = UserFactory.build(email="j.kelly@famılies.example")
    with pytest.raises(ValidationError, match="plain letters"):
        user.full_clean()


def test_addresses_are_stored_in_one_normal_form(db):
    user = UserFactory(email="  J.Kelly@Families.Example ")
    assert user.email == "j.kelly@families.example"


def test_another_accounts_failures_do_not_lock_this_one(client, lead, member):
    lead.set_password(PASSWORD)
    lead.save()
    for _ in range(6):
        _sign_in(client, member.email, "wrong")
    assert _sign_in(client, lead.email, PASSWORD).status_code == 302


def test_production_sends_cookies_only_over_https_and_asks_for_hsts():
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SESSION_COOKIE_HTTPONLY)"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        FAMILY_HASH_SECRET=secrets.token_urlsafe(48),
    )
    assert result.stdout.split()[-5:] == ["True"] * 5, result.stderr


def test_sessions_expire(settings):
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_passwords_must_be_strong(settings):
    for weak in ["password1234", "123456789012", "short"]:
        with pytest.raises(ValidationError):
            validate_password(weak)


def test_rich_text_keeps_only_the_allowed_features():
    converter = ContentstateConverter(RICH_TEXT_FEATURES)
    hostile = (
        "<p>Fine <b>bold</b><script>alert(1)</script>"
        '<a href="javascript:alert(1)" onclick="x()">link</a></p>'
    )
    stored = converter.to_database_format(converter.from_database_format(hostile))
    assert "<script" not in stored
    assert "javascript:" not in stored
    assert "onclick" not in stored
    assert "<b>bold</b>" in stored


def test_a_private_file_has_no_url_of_its_own(client, lead, programme_officer):
    proposal = complete_proposal(lead=lead)
    attachment = services.attachment_add(
        user=lead,
        proposal=proposal,
        uploaded_file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
    )
    client.force_login(programme_officer)
    for guess in [
        f"/media/{attachment.file.name}",
        f"/private_media/{attachment.file.name}",
        f"/media/../private_media/{attachment.file.name}",
    ]:
        assert client.get(guess, follow=True).status_code == 404
