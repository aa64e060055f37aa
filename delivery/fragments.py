"""Rendered parts of pages (Django's `{% cache %}` fragments), kept in each process until content changes.

Settings name this backend as the `template_fragments` cache, which `{% cache %}` uses. Every key carries the
content version and the day (editorial.version.stamp), so an edit retires every fragment at once on every server,
as it does cached pages, and a template only names what else its fragment depends on. While nothing may be kept
(PAGE_CACHE off in development and tests, or the shared cache down) every read misses and nothing is written.
Fragments are small and many: the least recently used go first once MAX_ENTRIES are held.
"""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

from editorial import version as content


class ContentFragmentCache(LocMemCache):
    def _stamped(self, key):
        stamp = content.stamp()
        return None if stamp is None else f"{stamp[0]}:{stamp[1]}:{key}"

    def get(self, key, default=None, version=None):
        key = self._stamped(key)
        return default if key is None else super().get(key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self._stamped(key)
        if key is not None:
            super().set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self._stamped(key)
        return key is not None and super().add(key, value, timeout, version)
