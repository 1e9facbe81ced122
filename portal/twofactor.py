"""Two-factor sign-in pages (core/twofactor.py says who must use them): set up an
authenticator app from a QR code, take the recovery codes once, and enter a code at each
sign-in. A recovery code works once, for when the phone is lost."""

import base64

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.forms import TokenForm
from programme.services import two_factor_confirm

CODES_KEY = "portal.recovery_codes"


def _next(request, default="/admin/"):
    target = request.GET.get("next") or request.POST.get("next") or default
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def _not_asked(request) -> bool:
    """Only those two-factor sign-in is required of use these pages."""
    return not (settings.TWO_FACTOR_REQUIRED and request.user.has_perm("wagtailadmin.access_admin"))


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    if _not_asked(request):
        return redirect("portal:home")
    if user_has_device(request.user):
        return redirect("two_factor_verify")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=request.user, name="Authenticator app", confirmed=False
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor_confirm(
            user=request.user, device=device, token=form.cleaned_data["token"]
        )
        if codes is not None:
            otp_login(request, device)
            request.session[CODES_KEY] = codes
            return redirect(f"{reverse('two_factor_codes')}?next={_next(request)}")
        form.add_error("token", "That code is not right. Enter the code your app shows now")
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "portal/two_factor_setup.html",
        {
            "form": form,
            "qr": _qr_svg(device.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": _next(request),
        },
        status=400 if form.errors else 200,
    )


@login_required
def two_factor_codes(request):
    """The recovery codes, shown once straight after setting up."""
    if _not_asked(request):
        return redirect("portal:home")
    codes = request.session.pop(CODES_KEY, None)
    if codes is None:
        return redirect(_next(request))
    return render(request, "portal/two_factor_codes.html", {"codes": codes, "next": _next(request)})


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    if _not_asked(request):
        return redirect("portal:home")
    if not user_has_device(request.user):
        return redirect("two_factor_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"]
        for device in devices_for_user(request.user):
            if device.verify_token(token):
                otp_login(request, device)
                if device.persistent_id.startswith("otp_static"):
                    messages.warning(
                        request,
                        "You signed in with a recovery code; it cannot be used again. "
                        "Ask the programme team to reset your authenticator app if you have "
                        "lost it.",
                    )
                return redirect(_next(request))
        form.add_error("token", "That code is not right. Enter the code your app shows now")
    return render(
        request,
        "portal/two_factor_verify.html",
        {"form": form, "next": _next(request)},
        status=400 if form.errors else 200,
    )
