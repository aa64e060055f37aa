"""The content version: one token that changes whenever any content changes, on every app server.

Cached pages are keyed by it, so an edit is visible on the next request everywhere. It lives in the
shared cache (Redis in production); each process re-reads it at most every CONTENT_VERSION_CHECK_SECONDS
(0 reads it on every call). Every save, delete or many-to-many change of a registered content model bumps
it once the transaction commits, so imports, reverts, restores and publishing need nothing of their own.

The process that commits an edit knows the new version at once; other processes, on this server or
another, learn it on their next read, so they may serve the previous version of a page for up to
CONTENT_VERSION_CHECK_SECONDS after an edit. Reading it at most once a second keeps a cached page one
network round trip cheaper; staff (who have a session) always get fresh pages.
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import registry

KEY = "careerpath:content-version"
logger = logging.getLogger(__name__)

# This process's view of the version: the last value read, when, and whether it came from the shared cache
# (a value made up while the cache was down is good for this process only).
_memo = {"value": None, "read_at": float("-inf"), "shared": False}


def _new_token():
    return uuid.uuid4().hex[:16]


def _read_shared():
    """The version in the shared cache, created on first use; None when the cache does not answer."""
    try:
        value = cache.get(KEY)
        if value is None:
            # First read since the cache started: any token will do, as long as every server agrees on it.
            cache.add(KEY, _new_token(), None)
            value = cache.get(KEY)
    except Exception:  # a cache backend that raises when it is unreachable
        logger.warning("Content version unavailable: the cache did not answer.")
        value = None
    return value


def _refresh():
    now = time.monotonic()
    if _memo["value"] is not None and now - _memo["read_at"] < settings.CONTENT_VERSION_CHECK_SECONDS:
        return
    value = _read_shared()
    if value is None:
        _memo.update(value=_memo["value"] or _new_token(), read_at=now, shared=False)
    else:
        _memo.update(value=value, read_at=now, shared=True)


def current():
    """The content version now (a short string); cheap, and never raises when the cache is down."""
    _refresh()
    return _memo["value"]


def shared():
    """The content version every server agrees on, or None while the shared cache does not answer.

    Anything keyed by the version for other processes to read (the page cache) must use this: a version
    made up while the cache is down would hide edits made meanwhile in other processes.
    """
    _refresh()
    return _memo["value"] if _memo["shared"] else None


_built = {}


def _today():
    return int(time.time() // 86400)  # days since 1970, UTC


def stamp():
    """What a value kept in this process until content changes is keyed by: the shared content version and the day
    (some answers count their age from today). None when nothing may be kept: with PAGE_CACHE off (development,
    tests) or while the shared cache is down."""
    shared_version = shared() if settings.PAGE_CACHE else None
    return None if shared_version is None else (shared_version, _today())


def memoize(key, build):
    """`build()`, kept in this process until content changes (or the day does), when caching is on.

    For content a page reads whole whatever the request asks, such as everything the planner plans with:
    only the first request after an edit pays for the queries. The value is shared by every request in
    the process, so read it, never change it. With PAGE_CACHE off (development, tests) or while the
    shared cache is down, every call builds afresh.
    """
    current_stamp = stamp()
    if current_stamp is None:
        return build()
    built = _built.get(key)
    if built is None or built[0] != current_stamp:
        built = _built[key] = (current_stamp, build())
    return built[1]


def bump():
    """Give content a new version now (after a write has committed)."""
    value = _new_token()
    try:
        cache.set(KEY, value, None)
    except Exception:
        logger.warning("Content version not bumped: the cache did not answer.")
    _memo.update(value=value, read_at=time.monotonic(), shared=True)
    return value


def _content_changed(sender, **kwargs):
    if registry.is_content(sender):
        transaction.on_commit(bump, using=kwargs.get("using"))


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"editorial-version-{signal!r}")
