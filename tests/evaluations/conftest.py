import datetime
import hashlib

import pytest

from evaluations.family_csv import check
from evaluations.services import family_outcomes_import

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def import_families():
    """Check and import a case-management export as the command line does."""

    def run(data, user=None, today=TODAY, **kwargs):
        return family_outcomes_import(
            user=user,
            checked=check(data, today=today),
            filename="cases.csv",
            sha256=hashlib.sha256(data).hexdigest(),
            **kwargs,
        )

    return run
