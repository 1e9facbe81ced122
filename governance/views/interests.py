"""A member's own entry on the register of interests: they read it, add an interest and end
one. The programme team sees each change on the register and in the audit trail, and the
agenda flags conflicts from it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from governance.forms import InterestForm
from programme.models import Interest, Membership
from programme.services import interest_end, interest_register


def _member(request):
    if not Membership.objects.current(timezone.localdate()).filter(user=request.user).exists():
        raise PermissionDenied
    return request.user


@login_required
@require_http_methods(["GET", "POST"])
def my_interests(request):
    user = _member(request)
    form = InterestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            interest_register(user=user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("description", error.messages[0])
        else:
            messages.success(request, "Added to your entry on the register.")
            return redirect("governance:interests")
    entries = Interest.objects.filter(member=user).select_related("organisation")
    return render(
        request,
        "governance/interests.html",
        {"form": form, "entries": entries.order_by("ended_on", "-registered_on")},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def end_interest(request, interest_pk):
    user = _member(request)
    interest = get_object_or_404(Interest, pk=interest_pk, member=user)
    try:
        interest_end(user=user, interest=interest)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "The interest is ended on the register from today.")
    return redirect("governance:interests")
