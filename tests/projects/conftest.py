from tests.governance.conftest import group, meeting_setup  # noqa: F401 - shared fixtures
