from programme.models import Outcome


def test_the_ten_headline_outcomes_are_seeded_by_migration(db):
    names = list(Outcome.objects.values_list("name", flat=True))
    assert len(names) == 10
    assert names[0] == "Getting a good education"
    assert names[-1] == "Financial stability"
    assert "Safe from domestic abuse" in names


def test_the_programme_team_cannot_add_an_eleventh_outcome(client_for, programme_officer):
    response = client_for(programme_officer).get("/admin/outcomes/new/")
    assert response.status_code in (302, 403)
    assert Outcome.objects.count() == 10
