"""The Liverpool Families Programme's approved projects, as proposals to the group.

(title, kind, lead email, lead name, lead organisation, summary, outcomes {number: families},
budget [(cost type, description, amount)], plan) where plan is where the demo leaves it:
("decided-meeting", n) eligible on the n-th meeting of the year (decisions come with the
governance demo), "eligible-next", "submitted", "returned", "resubmitted", "draft", "withdrawn".
"""

PROPOSALS = [
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
        ("meeting", 0),
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
        ("meeting", 0),
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
        ("meeting", 1),
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
        ("resubmitted",),
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
        ("eligible-next",),
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
        ("submitted",),
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
        ("returned",),
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
        ("meeting", 1),
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
        ("meeting", 2),
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
        ("submitted",),
    ),
    (
        "Multi Agency Safeguarding Hub (MASH)",
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
        ("meeting", 2),
    ),
    (
        "Community Capacity Development: Hearty Lives",
        "community",
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
        ("eligible-next",),
    ),
    (
        "Community Capacity Development: voluntary sector networks",
        "community",
        "a.benn@families.example",
        "Adam Benn",
        "Liverpool Charity and Voluntary Services",
        "Strengthening whole-family working, local networks and workforce development for "
        "voluntary, community and faith sector practitioners.",
        {5: 100},
        [("staff", "Network coordinator", "34000.00"), ("venue", "Events", "7000.00")],
        ("withdrawn",),
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
        ("meeting", 3),
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
        ("meeting", 3),
    ),
    (
        "Multi agency workforce development and culture change",
        "community",
        "lead@families.example",
        None,
        "Barnardo's",
        "A consistent message across agencies about the whole family approach, and the skills and "
        "confidence to challenge and support families and partners.",
        {5: 200},
        [("staff", "Training programme", "24000.00")],
        ("draft",),
    ),
]

ANSWER = (
    "Yes. The proposal was shaped with the Families Programme team and partners; the summary, "
    "need and outcomes sections set out how."
)
