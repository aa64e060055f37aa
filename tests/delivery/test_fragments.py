"""Kept fragments of pages belong to one content version: an edit lets go of them all, on every server."""

import pytest
from django.core.cache import caches

from delivery.fragments import ContentFragmentCache
from editorial import version

pytestmark = pytest.mark.usefixtures("page_cache")


def test_a_fragment_is_kept_until_content_changes():
    fragments = caches["template_fragments"]
    fragments.set("verdict", "<p>Eligible now</p>")
    assert fragments.get("verdict") == "<p>Eligible now</p>"

    version.bump()

    assert fragments.get("verdict") is None
    assert len(fragments) == 0


def test_another_servers_edit_retires_this_servers_fragments(servers):
    a, b, on = servers
    fragments = caches["template_fragments"]
    with on(a):
        fragments.set("verdict", "<p>Eligible now</p>")
    with on(b):
        version.bump()  # an advisor saves through server b
    with on(a):
        a.memo["read_at"] = float("-inf")  # a reads the version again, as it does every second
        assert fragments.get("verdict") is None


def test_the_least_recently_used_go_first_beyond_the_limit():
    fragments = ContentFragmentCache("", {"OPTIONS": {"MAX_ENTRIES": 3}})
    for key in "abc":
        fragments.set(key, key.upper())
    fragments.get("a")
    fragments.set("d", "D")

    assert [fragments.get(key) for key in "abcd"] == ["A", None, "C", "D"]


def test_nothing_is_kept_while_the_page_cache_is_off(settings):
    settings.PAGE_CACHE = False
    fragments = caches["template_fragments"]
    fragments.set("verdict", "<p>Eligible now</p>")

    assert fragments.get("verdict") is None
