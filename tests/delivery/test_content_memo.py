"""Content every request reads whole (the planner's) is loaded once per content version, not per visitor."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial import version

PROFILE = (
    "/planner/?education=associate&field=health-information&program=associate&accredited=cahiim"
    "&stage=finished&experience=none&target=credential-rhit"
)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_planner_loads_its_content_once_per_content_version(client, content, page_cache):
    first = queries_for(client, PROFILE)
    another_student = queries_for(client, PROFILE.replace("experience=none", "experience=other&years=2"))
    version.bump()
    after_an_edit = queries_for(client, PROFILE)

    assert another_student == 0  # a new profile: rendered, but nothing loaded again
    assert after_an_edit == first > 0


def test_search_builds_its_index_once_per_content_version(client, content, page_cache):
    first = queries_for(client, "/search/?q=tumor+registrar")
    another_question = queries_for(client, "/search/?q=how+much+does+the+rhit+cost")
    version.bump()
    after_an_edit = queries_for(client, "/search/?q=coding")

    assert another_question == 0
    assert after_an_edit == first > 0


def test_without_caching_every_call_builds(settings):
    settings.PAGE_CACHE = False
    built = []

    for _ in range(2):
        version.memoize("test", lambda: built.append(1))

    assert len(built) == 2


@pytest.mark.usefixtures("page_cache")
def test_a_memoized_value_is_rebuilt_the_next_day(monkeypatch):
    built = []
    version.memoize("test:day", lambda: built.append(1))
    tomorrow = version._today() + 1
    monkeypatch.setattr(version, "_today", lambda: tomorrow)
    version.memoize("test:day", lambda: built.append(1))
    version.memoize("test:day", lambda: built.append(1))

    assert len(built) == 2
