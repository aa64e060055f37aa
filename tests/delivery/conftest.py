import contextlib

import pytest
from django.core.cache import cache

from delivery import pages
from editorial import version


@pytest.fixture
def page_cache(settings):
    """The page cache as production runs it (on, shared cache), starting empty at a fresh content version."""
    settings.PAGE_CACHE = True
    cache.clear()
    pages.local.clear()
    version.bump()
    yield
    pages.local.clear()


class Server:
    """One app server's own memory: its view of the content version and its copy of pages."""

    def __init__(self, name):
        self.name = name
        self.memo = {"value": None, "read_at": float("-inf"), "shared": False}
        self.local = pages.LocalPages(1024 * 1024)


@pytest.fixture
def servers(page_cache, monkeypatch):
    """Two app servers sharing one database and one cache (the test's cache stands in for Redis).

    `with on(a): client.get(...)` runs a request with server a's own memory in place.
    """
    a, b = Server("a"), Server("b")

    @contextlib.contextmanager
    def on(server):
        monkeypatch.setattr(version, "_memo", server.memo)
        monkeypatch.setattr(pages, "local", server.local)
        yield

    return a, b, on
