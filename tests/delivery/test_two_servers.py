"""Two app servers share one database and one cache: an edit made through one shows on the other.

Each server has its own memory (its view of the content version, its copy of pages); the cache and the
database are shared. The process that saves an edit knows the new content version at once; another
process re-reads the version from the shared cache at most every CONTENT_VERSION_CHECK_SECONDS.
"""

import pytest

from editorial import version


class Clock:
    """The time as the content version sees it: seconds that pass only when a test says so, on a fixed day."""

    def __init__(self):
        self.now = 1000.0

    def monotonic(self):
        return self.now

    def time(self):
        return 1_796_000_000.0 + self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(version, "time", clock)
    return clock


def title_on(client, server, on):
    with on(server):
        response = client.get("/pathways/rhit-route/")
    return response["X-Page-Cache"], "Become a registered health information technician" in response.content.decode()


def edit_on(server, on, pathway, capture):
    with on(server), capture(execute=True):
        pathway.title = "Become a registered health information technician"
        pathway.save()


def test_an_edit_on_one_server_shows_on_the_other_within_the_version_check(
    client, pathway, servers, clock, settings, django_capture_on_commit_callbacks
):
    settings.CONTENT_VERSION_CHECK_SECONDS = 1
    a, b, on = servers
    assert title_on(client, b, on) == ("miss", False)
    assert title_on(client, a, on) == ("hit", False)  # a finds the page b stored in the shared cache

    clock.now += 0.5
    edit_on(a, on, pathway, django_capture_on_commit_callbacks)

    assert title_on(client, a, on) == ("miss", True)  # the editing server knows at once
    assert title_on(client, b, on) == ("hit", False)  # b read the version half a second ago
    clock.now += 0.5
    assert title_on(client, b, on) == ("hit", True)  # one second on, b has re-read it: a's new page


def test_with_no_check_interval_an_edit_shows_everywhere_on_the_next_request(
    client, pathway, servers, clock, settings, django_capture_on_commit_callbacks
):
    settings.CONTENT_VERSION_CHECK_SECONDS = 0
    a, b, on = servers
    title_on(client, b, on)

    edit_on(a, on, pathway, django_capture_on_commit_callbacks)

    assert title_on(client, b, on) == ("miss", True)
