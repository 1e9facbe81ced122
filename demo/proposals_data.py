"""The demonstration's proposals.

APPROVED: the sixteen projects the Liverpool Families Programme page lists as approved, each put
to the group and approved at one of its past meetings: (title, kind, lead email, lead name (None
for a demo login), lead organisation, summary, outcomes {number: families}, budget [(cost type,
description, amount)], meetings ago (11 is the eleventh meeting before the demo's day, about two
years ago; 1 the last), months of delivery).

IN_MOTION: proposals on their way, each left where a role's journey needs it: (title, kind,
lead email, lead name, lead organisation, summary, outcomes, budget, state), the state one of
"next-meeting" (screened eligible and on the next meeting's agenda), "eligible-later" (screened
after the next meeting's papers went out, so placed on the one after), "submitted" (waiting to
be screened), "returned" (returned for more information), "resubmitted" (returned, changed and
submitted again), "draft" and "withdrawn".
"""

APPROVED = [
    (
        "Schools Pupil Tracking Tool",
        "it",
        "s.lunt@families.example",
        "Sarah Lunt",
        "Liverpool City Council Children's Services",
        "An IT tool for schools that shows the services and lead professionals involved with a "
        "child, such as educational psychologists, social care and SEND.",
        {1: 300, 6: 120},
        [
            ("it", "Development and hosting", "36000.00"),
            ("staff", "Schools liaison officer (part-time)", "12500.00"),
        ],
        11,
        24,
    ),
    (
        "Family Intervention Programme team",
        "funded_service",
        "s.lunt@families.example",
        "Sarah Lunt",
        "Liverpool City Council Children's Services",
        "A team preventing involvement in crime, with a focus on gun and gang crime, through "
        "support and challenge, with sanctions as an incentive to change where needed.",
        {7: 180, 6: 90, 5: 120},
        [
            ("staff", "Team of six key workers", "248000.00"),
            ("other", "Family activity budget", "22000.00"),
        ],
        11,
        24,
    ),
    (
        "I2 Analyst software",
        "it",
        "m.fitzpatrick@families.example",
        "Mark Fitzpatrick",
        "Liverpool City Council Families Programme",
        "Analyst software to improve data and intelligence gathering and analysis, so we "
        "understand what works, and why.",
        {7: 150},
        [
            ("it", "Licences for three analysts", "18250.00"),
            ("staff", "Analyst training", "4500.00"),
        ],
        11,
        12,
    ),
    (
        "School Family Support Service",
        "funded_service",
        "l.nkemelu@families.example",
        "Lisa Nkemelu",
        "Liverpool Learning Partnership",
        "Outreach family support for families with children aged 5 to 19 identified by schools, "
        "where there is no current social work involvement.",
        {1: 400, 5: 250},
        [
            ("staff", "Family support workers", "230000.00"),
            ("evaluation", "Outcome tracking", "15000.00"),
        ],
        11,
        24,
    ),
    (
        "Families Programme Evaluation",
        "research",
        "a.morris@families.example",
        "Angela Morris",
        "University of Wolverhampton",
        "An in-depth analysis of the Liverpool Schools Consortia and the performance of the "
        "Families Programme, with Northumbria University.",
        {1: 200, 5: 200},
        [("evaluation", "Evaluation team, two universities", "65000.00")],
        10,
        18,
    ),
    (
        "Multi Agency Safeguarding Hubs (MASH) project",
        "funded_service",
        "s.lunt@families.example",
        "Sarah Lunt",
        "Liverpool City Council Children's Services",
        "Deeper multi-agency risk assessments where children and adults are at risk, the EHAT and "
        "levels of need guidance, and a co-located front door team.",
        {6: 300, 8: 150},
        [
            ("staff", "Co-located multi-agency team", "165000.00"),
            ("it", "Case system changes", "20000.00"),
        ],
        10,
        24,
    ),
    (
        "Parenting strategy",
        "community",
        "lead@families.example",
        None,
        "Barnardo's",
        "Working with Barnardo's to engage local families and use their knowledge to define a core "
        "offer that helps parents become resilient and resourceful.",
        {5: 150, 2: 80},
        [
            ("staff", "Two parenting engagement workers", "46000.00"),
            ("venue", "Community venues and materials", "8000.00"),
        ],
        9,
        18,
    ),
    (
        "Early Help strategy implementation",
        "funded_service",
        "s.lunt@families.example",
        "Sarah Lunt",
        "Liverpool City Council Children's Services",
        "Coordinated early help (identification, assessment and intervention) through the revised "
        "EHAT and three locality Early Help Hubs, reducing demand for reactive services.",
        {5: 300, 9: 100},
        [("staff", "Hub coordinators", "118000.00"), ("venue", "Hub set-up", "22000.00")],
        9,
        24,
    ),
    (
        "Adult learning",
        "funded_service",
        "n.hassan@families.example",
        "Nadia Hassan",
        "Liverpool City Council Community Services",
        "Adult learning within a family setting, linked with the School Family Support Service, so "
        "adults progress in education, training and employment.",
        {10: 120, 1: 60},
        [
            ("commissioned", "Adult learning courses", "58000.00"),
            ("staff", "Learning mentor", "14000.00"),
        ],
        8,
        18,
    ),
    (
        "Reader Organisation shared reading",
        "community",
        "j.carter@families.example",
        "Joe Carter",
        "The Reader Organisation",
        "Six months of weekly shared reading groups, and workforce development for family support "
        "workers and others working with families in recovery and rehabilitation.",
        {4: 40, 3: 60},
        [
            ("commissioned", "Weekly reading groups, 26 weeks", "14800.00"),
            ("staff", "Workforce development sessions", "3800.00"),
        ],
        7,
        12,
    ),
    (
        "Operation Encompass",
        "funded_service",
        "g.rowe@families.example",
        "Gary Rowe",
        "Merseyside Police",
        "Telling schools, before the next school day, when a child has been present at a domestic "
        "abuse incident the police attended.",
        {8: 400, 1: 200},
        [
            ("staff", "Police information officer", "21000.00"),
            ("it", "Secure notification system", "5000.00"),
        ],
        6,
        18,
    ),
    (
        "Learning Disability Insight research",
        "research",
        "c.doherty@families.example",
        "Carl Doherty",
        "Liverpool City Council Adult Services",
        "Analysis of the move from children's to adult services for young disabled adults, and "
        "how provision could improve.",
        {3: 60},
        [
            ("evaluation", "Research and analysis", "24000.00"),
            ("venue", "Engagement sessions with families", "4000.00"),
        ],
        1,
        12,
    ),
    (
        "Community Capacity Development: Hearty Lives",
        "funded_service",
        "h.quirk@families.example",
        "Hannah Quirk",
        "Hearty Lives Liverpool",
        "Supporting young people into employment and involving care-experienced young people in "
        "improving health and wellbeing outcomes.",
        {3: 80, 10: 40},
        [
            ("staff", "Youth engagement worker", "29000.00"),
            ("venue", "Sessions and materials", "6000.00"),
        ],
        5,
        12,
    ),
    (
        "Community Capacity Development: voluntary sector networks",
        "funded_service",
        "a.benn@families.example",
        "Adam Benn",
        "Liverpool Charity and Voluntary Services",
        "Strengthening whole-family working, local networks and workforce development for "
        "voluntary, community and faith sector practitioners.",
        {5: 100},
        [("staff", "Network coordinator", "34000.00"), ("venue", "Events", "7000.00")],
        4,
        12,
    ),
    (
        "Child Sexual Exploitation awareness training",
        "community",
        "lead@families.example",
        None,
        "Barnardo's",
        "Sessions for schools to raise awareness of child sexual exploitation "
        "and how to report it.",
        {6: 250},
        [("staff", "Trainers, 40 school sessions", "10400.00"), ("venue", "Materials", "2000.00")],
        3,
        12,
    ),
    (
        "Multi agency workforce development and culture change",
        "funded_service",
        "a.benn@families.example",
        "Adam Benn",
        "Liverpool Charity and Voluntary Services",
        "A consistent message across agencies about the whole family approach, and the skills and "
        "confidence to challenge and support families and partners.",
        {5: 200},
        [("staff", "Training programme", "24000.00")],
        1,
        12,
    ),
]

IN_MOTION = [
    (
        "Whole-family mental health first aid",
        "community",
        "lead@families.example",
        None,
        "Barnardo's",
        "Mental health first aid training for parents and older children in families on the "
        "programme, so a family can spot and respond to a crisis together.",
        {3: 120, 5: 60},
        [
            ("staff", "Accredited trainers, 24 courses", "21600.00"),
            ("venue", "Community venues and childcare", "4400.00"),
        ],
        "next-meeting",
    ),
    (
        "Domestic abuse recovery groups for mothers and children",
        "funded_service",
        "n.hassan@families.example",
        "Nadia Hassan",
        "Liverpool City Council Community Services",
        "Twelve-week recovery groups run side by side for mothers and their children after "
        "domestic abuse, with a family session at the end of each block.",
        {8: 90, 5: 60},
        [
            ("staff", "Two group facilitators", "38000.00"),
            ("commissioned", "Children's play therapist", "12000.00"),
        ],
        "next-meeting",
    ),
    (
        "Young carers' family breaks",
        "community",
        "lead@families.example",
        None,
        "Barnardo's",
        "Short breaks for families where a child cares for a parent, with planning support so "
        "the whole family agrees what help they need.",
        {3: 40, 5: 40},
        [("commissioned", "Family breaks, 40 families", "18000.00")],
        "returned",
    ),
    (
        "Housing stability caseworker",
        "funded_service",
        "k.moran@families.example",
        "Kelly Moran",
        "Liverpool Mutual Homes",
        "A caseworker who works with families at risk of losing their tenancy, joining up rent, "
        "benefits and repairs with the family's lead worker.",
        {9: 120, 10: 80},
        [("staff", "Tenancy sustainment caseworker", "36500.00")],
        "submitted",
    ),
    (
        "Family hubs digital front door",
        "it",
        "m.fitzpatrick@families.example",
        "Mark Fitzpatrick",
        "Liverpool City Council Families Programme",
        "One online form for families and professionals to ask a family hub for help, routed to "
        "the right locality team.",
        {5: 200},
        [
            ("it", "Form and routing build", "28000.00"),
            ("staff", "User research with families", "6000.00"),
        ],
        "resubmitted",
    ),
    (
        "Holiday activities with food for families",
        "community",
        "h.quirk@families.example",
        "Hannah Quirk",
        "Hearty Lives Liverpool",
        "School holiday activities and meals that parents attend with their children, with "
        "advice sessions on money and work alongside.",
        {2: 60, 10: 50},
        [
            ("commissioned", "Holiday club places", "24000.00"),
            ("venue", "Food and venues", "9000.00"),
        ],
        "eligible-later",
    ),
    (
        "Dads matter: a fathers' group",
        "community",
        "lead@families.example",
        None,
        "Barnardo's",
        "A weekly group for fathers in families on the programme, led by dads who have been "
        "through it, with links into employment support.",
        {5: 50, 10: 30},
        [("staff", "Group worker", "15500.00")],
        "draft",
    ),
    (
        "Debt advice outreach",
        "funded_service",
        "a.benn@families.example",
        "Adam Benn",
        "Liverpool Charity and Voluntary Services",
        "Debt advisers in family hubs one day a week.",
        {10: 150},
        [("commissioned", "Debt advice sessions", "22000.00")],
        "withdrawn",
    ),
]

ANSWER = (
    "Yes. The proposal was shaped with the Families Programme team and partners; the summary, "
    "need and outcomes sections set out how."
)
