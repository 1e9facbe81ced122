from programme.models import Outcome


def test_the_ten_headline_outcomes_are_seeded_by_migration(db):
    names = list(Outcome.objects.values_list("name", flat=True))
    assert len(names) == 10
    assert names[0] == "Getting a good education"
    assert names[-1] == "Financial stability"
    assert "Safe from domestic abuse" in names


def test_the_programme_team_cannot_add_an_eleventh_outcome(client_for, programme_officer):
    client = client_for(programme_officer)
    assert client.get("/admin/outcomes/new/").status_code in (302, 403)
    response = client.post(
        "/admin/outcomes/new/", {"number": 11, "name": "Digital inclusion", "description": ""}
    )
    assert response.status_code in (302, 403)
    assert not Outcome.objects.filter(number=11).exists()
    assert Outcome.objects.count() == 10
