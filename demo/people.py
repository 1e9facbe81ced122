"""The Families Strategic Group as the Liverpool page describes it, with fictional people."""

from django.contrib.auth.models import Group

from core.financial_years import current_fy, fy_bounds, fy_name, fy_start_year
from programme import roles
from programme.models import Membership, Organisation, User

# The council's own departments share its identifier: money to them is not a grant.
LCC = "GB-LAE-LIV"

# (name, short name, sector, on the strategic group, org identifier)
ORGANISATIONS = [
    ("Merseyside Police", "Merseyside Police", "police", True, ""),
    ("Alder Hey Children's NHS Foundation Trust", "Alder Hey", "health", True, "GB-NHS-RBS"),
    ("Mersey Care NHS Foundation Trust", "Mersey Care", "health", True, "GB-NHS-RW4"),
    ("Probation Service North West", "Probation", "probation", True, ""),
    ("HMP Liverpool", "HMP Liverpool", "prison", True, ""),
    ("Liverpool Primary Headteachers Association", "LPHA", "schools", True, ""),
    ("Association of Liverpool Special Schools Heads", "ALSSH", "schools", True, ""),
    ("Liverpool Learning Partnership", "LLP", "schools", True, ""),
    ("Liverpool Association of Secondary Headteachers", "LASH", "schools", True, ""),
    ("Liverpool City Council Children's Services", "Children's Services", "childrens", True, LCC),
    ("Liverpool City Council Adult Services", "Adult Services", "adults", True, LCC),
    ("Liverpool City Council Community Services", "Community Services", "community", True, LCC),
    ("Liverpool City Council Public Health", "Public Health", "public_health", True, LCC),
    ("Liverpool Charity and Voluntary Services", "LCVS", "voluntary", True, ""),
    ("Liverpool Mutual Homes", "LMH", "housing", True, ""),
    ("Liverpool City Council Families Programme", "Families Programme", "council", False, LCC),
    ("Barnardo's", "Barnardo's", "voluntary", False, "GB-CHC-216250"),
    ("The Reader Organisation", "The Reader", "voluntary", False, ""),
    ("University of Wolverhampton", "Wolverhampton", "research", False, ""),
    ("Northumbria University", "Northumbria", "research", False, ""),
    ("Hearty Lives Liverpool", "Hearty Lives", "voluntary", False, ""),
]

DEMO_PASSWORD = "families-demo-2026"

# email, first, last, job title, organisation, group, membership role (or None)
DEMO_LOGINS = [
    (
        "chair@families.example",
        "Ruth",
        "Okafor",
        "Director of Children's Services",
        "Liverpool City Council Children's Services",
        roles.GROUP_MEMBERS,
        Membership.Role.CHAIR,
    ),
    (
        "member@families.example",
        "Daniel",
        "Hughes",
        "Superintendent, Partnerships",
        "Merseyside Police",
        roles.GROUP_MEMBERS,
        Membership.Role.MEMBER,
    ),
    (
        "lead@families.example",
        "Priya",
        "Shah",
        "Children's Services Manager",
        "Barnardo's",
        roles.PROJECT_LEADS,
        None,
    ),
    (
        "programme@families.example",
        "Tom",
        "Whitfield",
        "Families Programme Manager",
        "Liverpool City Council Families Programme",
        roles.PROGRAMME_TEAM,
        None,
    ),
    (
        "finance@families.example",
        "Helen",
        "Marsh",
        "Senior Finance Officer",
        "Liverpool City Council Families Programme",
        roles.FINANCE,
        None,
    ),
    (
        "auditor@families.example",
        "Amir",
        "Haddad",
        "Senior Auditor, Internal Audit",
        "Liverpool City Council Families Programme",
        roles.AUDITORS,
        None,
    ),
]

# The rest of the group: one seat per member organisation, no demo password.
OTHER_MEMBERS = [
    (
        "a.nolan@families.example",
        "Aisling",
        "Nolan",
        "Alder Hey Children's NHS Foundation Trust",
        Membership.Role.VICE_CHAIR,
    ),
    (
        "m.byrne@families.example",
        "Michael",
        "Byrne",
        "Mersey Care NHS Foundation Trust",
        Membership.Role.MEMBER,
    ),
    (
        "s.adeyemi@families.example",
        "Sola",
        "Adeyemi",
        "Probation Service North West",
        Membership.Role.MEMBER,
    ),
    ("g.price@families.example", "Gareth", "Price", "HMP Liverpool", Membership.Role.MEMBER),
    (
        "j.kelly@families.example",
        "Joanne",
        "Kelly",
        "Liverpool Primary Headteachers Association",
        Membership.Role.MEMBER,
    ),
    (
        "c.rimmer@families.example",
        "Carol",
        "Rimmer",
        "Association of Liverpool Special Schools Heads",
        Membership.Role.MEMBER,
    ),
    (
        "p.doyle@families.example",
        "Paul",
        "Doyle",
        "Liverpool Learning Partnership",
        Membership.Role.MEMBER,
    ),
    (
        "f.ahmed@families.example",
        "Farah",
        "Ahmed",
        "Liverpool Association of Secondary Headteachers",
        Membership.Role.MEMBER,
    ),
    (
        "l.grant@families.example",
        "Lesley",
        "Grant",
        "Liverpool City Council Adult Services",
        Membership.Role.MEMBER,
    ),
    (
        "k.osei@families.example",
        "Kwame",
        "Osei",
        "Liverpool City Council Community Services",
        Membership.Role.MEMBER,
    ),
    (
        "e.walsh@families.example",
        "Emma",
        "Walsh",
        "Liverpool City Council Public Health",
        Membership.Role.ADVISER,
    ),
    (
        "d.molloy@families.example",
        "Declan",
        "Molloy",
        "Liverpool Charity and Voluntary Services",
        Membership.Role.MEMBER,
    ),
    (
        "r.lewis@families.example",
        "Rachel",
        "Lewis",
        "Liverpool Mutual Homes",
        Membership.Role.MEMBER,
    ),
]



def group_since(today=None):
    """The group's members sat from three financial years before this one: before every
    meeting the demo holds."""
    return fy_bounds(fy_name(fy_start_year(current_fy(today)) - 3))[0]


def seed_organisations():
    for name, short, sector, on_group, org_id in ORGANISATIONS:
        Organisation.objects.update_or_create(
            name=name,
            defaults={
                "short_name": short,
                "sector": sector,
                "on_strategic_group": on_group,
                "org_identifier": org_id,
            },
        )


def _person(email, first, last, job_title, organisation_name):
    user, _ = User.objects.update_or_create(
        email=email,
        defaults={
            "first_name": first,
            "last_name": last,
            "job_title": job_title,
            "organisation": Organisation.objects.get(name=organisation_name),
        },
    )
    return user


def _seat(user, organisation_name, role, since):
    Membership.objects.update_or_create(
        user=user,
        organisation=Organisation.objects.get(name=organisation_name),
        defaults={"role": role, "end_date": None, "start_date": since},
    )
    user.groups.add(Group.objects.get(name=roles.GROUP_MEMBERS))


def seed_people(today=None):
    """Demo logins get the published demo password; everyone else cannot sign in."""
    since = group_since(today)
    logins = []
    for email, first, last, title, org, group, seat in DEMO_LOGINS:
        user = _person(email, first, last, title, org)
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=group))
        if seat:
            _seat(user, org, seat, since)
        logins.append((group if not seat else f"{group} ({seat.label})", email))
    for email, first, last, org, seat in OTHER_MEMBERS:
        user = _person(email, first, last, "Strategic group member", org)
        if not user.password:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        _seat(user, org, seat, since)
    return logins
