"""Cached pages: what is stored for a URL, in which encodings, under which key, and this process's copy.

A page is stored in the shared cache once per content version, under a key made of the version, the day
and the URL (scheme, host, path and query string, less the tags other sites add to links), as one entry
holding it in brotli and in gzip, both compressed when the page is stored (a client that accepts neither
gets the gzip copy unpacked). A page without a query string is stored when it is first rendered; one with
a query string (a search, planner answers, a comparison) when it is asked for a second time within ten
minutes, from any server (`lookup(mark=True)`).
The day is in the key because a few words on pages count from today ("6 years old"). Each process keeps
its own small copy of the pages it served, in the encoding it served them (PAGE_CACHE_LOCAL_BYTES, least
recently used out first); it is keyed by the same version, so it can never outlive an edit.
"""

import gzip
import hashlib
import re
import threading
import time
from collections import OrderedDict
from typing import NamedTuple
from urllib.parse import unquote_plus

import brotli
from django.conf import settings
from django.core.cache import cache

from editorial import version

from . import release

COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/javascript", "image/svg+xml")
MIN_COMPRESS_BYTES = 512
# Link tags added by other sites, mail and ads; no view reads them, so they are left out of a page's cache address.
TRACKING_PARAMETERS = frozenset(
    ["fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "twclid", "igshid", "mc_cid", "mc_eid"]
)
TRACKING_HINT = re.compile(r"utm_|clid|braid|igshid|mc_[ce]id", re.IGNORECASE)
# Headers that belong to one response, not to the stored page: recomputed on every answer.
NOT_STORED = {"content-length", "content-encoding", "etag", "cache-control", "vary", "date", "set-cookie"}

# Bump when what is stored changes shape, so that pages stored by the previous release are never read.
FORMAT = 2


class Page(NamedTuple):
    """A page as one client gets it."""

    status: int
    headers: tuple  # ((name, value), ...) as the view and the middleware inside the cache set them
    body: bytes
    encoding: str  # "br", "gzip" or "identity"
    cache_control: str  # the view's own Cache-Control, or "" for the site's default


def choose_encoding(accept_encoding, _memo={}):  # noqa: B006 (a small memo of the few headers browsers send)
    """The best encoding this Accept-Encoding header allows: brotli, then gzip, then none."""
    choice = _memo.get(accept_encoding)
    if choice is None:
        accepted = set()
        for item in accept_encoding.split(","):
            name, _, params = item.strip().partition(";")
            quality = params.strip().removeprefix("q=").strip() if params.strip().startswith("q=") else "1"
            try:
                if float(quality) > 0:
                    accepted.add(name.strip().lower())
            except ValueError:
                continue
        choice = "br" if "br" in accepted else "gzip" if {"gzip", "*"} & accepted else "identity"
        if len(_memo) < 256:
            _memo[accept_encoding] = choice
    return choice


def generation():
    """The release, the content version and the day, which every cached page and its ETag belong to.

    None while the content version is unknown. The day renews pages that say how old a figure is.
    """
    shared = version.shared()
    if shared is None:
        return None
    return f"{release.fingerprint()}-{shared}-{int(time.time() // 86400)}"  # days since 1970, UTC


def cached_query(query_string):
    """The query string a page is cached under: the visitor's own, less the tags that sites, newsletters and ads add
    to links (utm_source, fbclid, ...). No view reads them, so the page is the same with or without; keyed on them,
    every click on a shared link would render the page afresh (a credential page takes about 20 ms)."""
    if not query_string or not TRACKING_HINT.search(query_string):
        return query_string
    kept = [part for part in query_string.split("&") if not _is_tracking(part.partition("=")[0])]
    return "&".join(kept)


def _is_tracking(name):
    name = unquote_plus(name).lower()
    return name in TRACKING_PARAMETERS or name.startswith("utm_")


def url_key(request):
    query = cached_query(request.META.get("QUERY_STRING", ""))
    raw = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return hashlib.sha1(raw.encode("utf-8", "surrogateescape"), usedforsecurity=False).hexdigest()


def etag(generation, url_hash):
    return f'W/"{generation}-{url_hash[:16]}"'


def cache_key(generation, url_hash):
    return f"page:{FORMAT}:{generation}:{url_hash}"


class LocalPages:
    """This process's copy of the pages it served lately, at most `limit` bytes, least recently used out."""

    def __init__(self, limit):
        self.limit = limit
        self.size = 0
        self.generation = None
        self.pages = OrderedDict()
        self.lock = threading.Lock()

    def get(self, generation, key):
        with self.lock:
            if generation != self.generation:
                return None
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, generation, key, page):
        if len(page.body) > self.limit:
            return
        with self.lock:
            if generation != self.generation:
                # Content changed: every page held belongs to an older version.
                self.pages.clear()
                self.size, self.generation = 0, generation
            old = self.pages.pop(key, None)
            if old is not None:
                self.size -= len(old.body)
            self.pages[key] = page
            self.size += len(page.body)
            while self.size > self.limit:
                _key, dropped = self.pages.popitem(last=False)
                self.size -= len(dropped.body)

    def clear(self):
        with self.lock:
            self.pages.clear()
            self.size, self.generation = 0, None


local = LocalPages(settings.PAGE_CACHE_LOCAL_BYTES)


def lookup(generation, url_hash, encoding, *, mark=False):
    """(page, first): the page in `encoding` from this process's copy or the shared cache, None if it is in neither.

    With `mark`, for an address with a query string, `first` says whether no server had been asked for it at this
    generation (it is then answered without being stored, see _seen_key); the shared cache is asked both
    in one round trip. Without it, `first` is False.
    """
    page = local.get(generation, (url_hash, encoding))
    if page is not None:
        return page, False
    if mark:
        entry, first = _get_and_mark(cache_key(generation, url_hash), _seen_key(generation, url_hash))
    else:
        entry, first = cache.get(cache_key(generation, url_hash)), False
    if entry is None:
        return None, first
    page = from_entry(entry, encoding)
    local.put(generation, (url_hash, encoding), page)
    return page, False


def _get_and_mark(key, seen_key):
    if hasattr(cache, "get_and_add"):  # Redis: one round trip (delivery.cache)
        return cache.get_and_add(key, seen_key, 1, settings.PAGE_CACHE_SEEN_SECONDS)
    return cache.get(key), cache.add(seen_key, 1, settings.PAGE_CACHE_SEEN_SECONDS)


def from_entry(entry, encoding):
    # The entry is a plain tuple, so that a new release never unpickles a class it has changed.
    status, headers, cache_control, bodies = entry
    if encoding in bodies:
        body = bodies[encoding]
    elif "identity" in bodies:
        body, encoding = bodies["identity"], "identity"
    else:
        body, encoding = gzip.decompress(bodies["gzip"]), "identity"
    return Page(status, headers, body, encoding, cache_control)


def _seen_key(generation, url_hash):
    """A small marker that an address has been asked for at this generation.

    Pages with a query string are stored from their second request on (within PAGE_CACHE_SEEN_SECONDS, which
    bounds what a flood of made-up addresses leaves behind): anyone can make up new ones without
    end (each visitor's own search or planner answers), and most are asked for once. Storing those would cost
    every such request a compression and a write, and would let anyone fill the cache.
    """
    return f"seen:{FORMAT}:{generation}:{url_hash}"


def compressed(response, encodings, *, kept=True):
    """The response's body in each of `encodings` ("br", "gzip"), or {"identity": body} if it is not worth it.

    A body that is `kept` is compressed once and sent many times, so it is worth compressing harder than one sent
    once: for a 24 kB planner answer, brotli 5 takes about 0.7 ms in a busy server and brotli 3 about 0.2 ms, for
    14% more bytes. The window is as small as the body allows: the same output, without allocating and clearing
    brotli's default 4 MB for a page a hundredth that size.
    """
    body = response.content
    if len(body) < MIN_COMPRESS_BYTES or not response.get("Content-Type", "").startswith(COMPRESSIBLE):
        return {"identity": body}
    bodies = {}
    if "br" in encodings:
        quality = settings.PAGE_CACHE_BROTLI_QUALITY if kept else settings.PAGE_CACHE_BROTLI_QUALITY_ONCE
        window = min(max(len(body).bit_length() + 1, 16), 24)
        bodies["br"] = brotli.compress(body, quality=quality, lgwin=window, mode=brotli.MODE_TEXT)
    if "gzip" in encodings:
        bodies["gzip"] = gzip.compress(body, compresslevel=6 if kept else 4, mtime=0)
    return bodies or {"identity": body}


def _page(response, bodies, encoding):
    """The rendered response as one client gets it, from its `compressed` bodies."""
    headers = tuple((name, value) for name, value in response.items() if name.lower() not in NOT_STORED)
    if encoding not in bodies:  # a client that takes no compression, or a body that is not compressed
        encoding, bodies = "identity", {"identity": response.content}
    return Page(response.status_code, headers, bodies[encoding], encoding, response.get("Cache-Control", ""))


def once(response, encoding):
    """A rendered page as this one client gets it (compressed as it accepts), without storing it anywhere."""
    return _page(response, compressed(response, {encoding}, kept=False), encoding)


def store(generation, url_hash, response, encoding):
    """Keep a rendered page in the shared cache (compressed) and here in `encoding`; return it in `encoding`."""
    bodies = compressed(response, {"br", "gzip"})
    page = _page(response, bodies, encoding)
    cache.set(
        cache_key(generation, url_hash),
        (page.status, page.headers, page.cache_control, bodies),
        settings.PAGE_CACHE_SECONDS,
    )
    local.put(generation, (url_hash, encoding), page)
    return page
