import importlib
from io import StringIO

import pytest

from benchmarks.generate import Generator
from benchmarks.sizes import VOTERS
from benchmarks.suite.load import open_vote, wsgi_target
from governance.models import Vote

pytestmark = pytest.mark.django_db


def test_the_load_benchmark_opens_one_vote_for_the_scale_voters_and_reuses_it(client, demo, today):
    Generator("test", 1, today, stdout=StringIO()).run()
    path, voters = open_vote()
    again, _ = open_vote()
    assert again == path
    assert len(voters) == VOTERS
    assert Vote.objects.filter(state=Vote.State.OPEN).count() == 1
    client.force_login(voters[0])
    assert client.post(path, {"choice": "for"}).status_code == 302


def test_the_load_benchmark_serves_the_sites_own_wsgi_application():
    """It named a module that moved once, and every `make bench` stopped at the load run."""
    module, name = wsgi_target().split(":")
    assert getattr(importlib.import_module(module), name) is not None
