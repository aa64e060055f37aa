# The advisor fixtures are shared with tests/advisors (the admin as advisors use it).
from tests.advisors.conftest import advisor, advisor_client, full_pathway  # noqa: F401
