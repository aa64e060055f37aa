"""Rendered parts of pages (Django's `{% cache %}` fragments), kept in each process until content changes.

Settings name this backend as the `template_fragments` cache, which `{% cache %}` uses. The fragments held
belong to one content version and day (editorial.version.stamp): the first read after an edit, on any server,
finds a new stamp and lets go of them all, so a template only names what else its fragment depends on. While
nothing may be kept (PAGE_CACHE off in development and tests, or the shared cache down) every read misses and
nothing is written. The least recently used fragments go first once MAX_ENTRIES are held.

A fragment is a string, which nobody can change: it is kept as it is, without the pickling and key checks of
Django's local-memory cache (a planner answer reads about twenty fragments).
"""

import threading
from collections import OrderedDict

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

from editorial import version as content


class ContentFragmentCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        self._fragments = OrderedDict()
        self._stamp = None
        self._lock = threading.Lock()

    def _current(self):
        """The fragments of the current stamp (emptied when it has changed), or None when none may be kept."""
        stamp = content.stamp()
        if stamp is None:
            return None
        if stamp != self._stamp:
            self._fragments.clear()
            self._stamp = stamp
        return self._fragments

    def get(self, key, default=None, version=None):
        with self._lock:
            fragments = self._current()
            if fragments is None or key not in fragments:
                return default
            fragments.move_to_end(key)
            return fragments[key]

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._lock:
            fragments = self._current()
            if fragments is not None:
                self._keep(fragments, key, value)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._lock:
            fragments = self._current()
            if fragments is None or key in fragments:
                return False
            self._keep(fragments, key, value)
            return True

    def _keep(self, fragments, key, value):
        fragments[key] = value
        fragments.move_to_end(key)
        while len(fragments) > self._max_entries:
            fragments.popitem(last=False)

    def delete(self, key, version=None):
        with self._lock:
            return self._fragments.pop(key, None) is not None

    def clear(self):
        with self._lock:
            self._fragments.clear()

    def __len__(self):
        with self._lock:
            fragments = self._current()
            return 0 if fragments is None else len(fragments)
