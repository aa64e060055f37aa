"""Addresses of pages, remembered: `reverse` as Django's, for the links every page prints many times over.

Django works an address out anew on every call (about 25 µs); a planner answer or a comparison links to the same
few dozen credentials, occupations and sources dozens of times. An address depends only on the URL patterns, the
view's name and arguments, and the script prefix the site is served under, so it is kept by all of them.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse


@lru_cache(maxsize=4096)
def _reverse(viewname, args, urlconf, prefix):
    return django_reverse(viewname, urlconf=urlconf, args=args)


def reverse(viewname, args=()):
    """The address of `viewname` with positional `args` (strings or numbers), as django.urls.reverse gives it."""
    return _reverse(viewname, tuple(args), get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
