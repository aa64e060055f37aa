"""The content version: one token that changes whenever any content changes, on every app server.

Cached pages are keyed by it, so an edit is visible on the next request everywhere. It lives in the
shared cache (Redis in production); each process re-reads it at most every CONTENT_VERSION_CHECK_SECONDS.
Every save, delete or many-to-many change of a registered content model bumps it once the transaction
commits, so imports, reverts, restores and publishing need nothing of their own.
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
_memo = {"value": None, "read_at": float("-inf")}


def _new_token():
    return uuid.uuid4().hex[:16]


def current():
    """The content version now (a short string); cheap, and never raises when the cache is down."""
    max_age = getattr(settings, "CONTENT_VERSION_CHECK_SECONDS", 1.0)
    now = time.monotonic()
    if _memo["value"] is not None and now - _memo["read_at"] < max_age:
        return _memo["value"]
    try:
        value = cache.get(KEY)
        if value is None:
            # First read since the cache started: any token will do, as long as every server agrees on it.
            cache.add(KEY, _new_token(), None)
            value = cache.get(KEY)
    except Exception:  # the cache is unreachable: pages are simply not cached meanwhile
        logger.warning("Content version unavailable: the cache did not answer.")
        value = None
    if value is None:
        value = _memo["value"] or _new_token()
    _memo.update(value=value, read_at=now)
    return value


def bump():
    """Give content a new version now (after a write has committed)."""
    value = _new_token()
    try:
        cache.set(KEY, value, None)
    except Exception:
        logger.warning("Content version not bumped: the cache did not answer.")
    _memo.update(value=value, read_at=time.monotonic())
    return value


def _content_changed(sender, **kwargs):
    if registry.is_content(sender):
        transaction.on_commit(bump, using=kwargs.get("using"))


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"editorial-version-{signal!r}")
