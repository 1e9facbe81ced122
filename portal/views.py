from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from governance.selectors.proposals import questions_to_answer
from programme import roles
from programme.permissions import is_chair
from programme.selectors import current_memberships, next_meeting
from proposals.selectors import invitations_for


@login_required
def portal_home(request):
    user_roles = roles.user_roles(request.user)
    context = {
        "roles": sorted(user_roles),
        "is_lead": roles.PROJECT_LEADS in user_roles,
        "is_member": roles.GROUP_MEMBERS in user_roles,
        "is_programme_team": roles.PROGRAMME_TEAM in user_roles,
        "is_finance": roles.FINANCE in user_roles,
        "is_auditor": roles.AUDITORS in user_roles,
        "memberships": current_memberships(user=request.user),
        "has_back_office": request.user.has_perm("wagtailadmin.access_admin"),
        "next_meeting": next_meeting(),
        "is_chair": is_chair(request.user, timezone.localdate()),
        "questions": questions_to_answer(request.user)[:10],
        "invitations": invitations_for(request.user)[:10]
        if roles.PROJECT_LEADS in user_roles
        else [],
    }
    return render(request, "portal/home.html", context)
