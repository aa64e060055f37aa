import logging
import socket

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control

from . import pages

logger = logging.getLogger(__name__)

SAFE_METHODS = ("GET", "HEAD")


class AbandonedRequestMiddleware:
    """Skip a request whose client hung up while it waited in the queue (first in MIDDLEWARE).

    gunicorn's sync workers take connections from the listen queue one at a time. After a burst, that queue
    holds requests whose clients timed out and left; rendering each one for nobody is what stalled every
    page, static files included, for seconds. A client that is still there has sent its request and waits:
    its socket is open with nothing left to read. One that left has closed it: a peek reads end-of-file.
    Outside gunicorn (tests, runserver) there is no socket to look at and this does nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        client = request.META.get("gunicorn.socket")
        if client is not None and self.has_left(client):
            response = HttpResponse(status=499, reason="Client Closed Request")
            response._has_been_logged = True  # nobody to tell, nothing went wrong here
            return response
        return self.get_response(request)

    @staticmethod
    def has_left(client):
        try:
            return client.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
        except BlockingIOError:
            return False  # still connected, waiting for its answer
        except OSError:
            return True  # reset by the client
        except (TypeError, ValueError):
            return False  # not a real socket (an SSL socket refuses flags): serve it


class PageCacheMiddleware:
    """Answer anonymous visitors from the shared page cache, right after WhiteNoise, before sessions run.

    Only GET and HEAD from a request without a session cookie are looked up, outside the admin. A response
    is stored when it is a 200 to a GET that sets no cookie, is not private/no-store/no-cache (previews
    and drafts are never-cache), and varies on nothing but Accept-Encoding and Cookie. 404s are not stored:
    any address can be made up, so storing them would let anyone fill the cache; they are cheap to render.
    Redirects are not stored either: they are rare (old links after a rename) and cheap. An address with a
    query string is stored from its second request on, for the same reason (pages.lookup). The tags other sites add
    to links (utm_source, fbclid, ...) are no part of a page's address (pages.cached_query).
    Every stored page carries an ETag made of the content version and the URL, so a conditional GET is
    answered 304 without the database, and a Cache-Control a CDN can follow (README, Deploying).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        if not self.is_candidate(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True)
            return response

        generation = pages.generation()
        if generation is None:  # the shared cache is down: serve uncached rather than risk stale pages
            return self.get_response(request)
        url_hash = pages.url_key(request)
        tag = pages.etag(generation, url_hash)
        if self.matches(request.META.get("HTTP_IF_NONE_MATCH"), tag):
            return self.not_modified(tag)

        encoding = pages.choose_encoding(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        has_query = bool(pages.cached_query(request.META.get("QUERY_STRING", "")))
        page, first = pages.lookup(generation, url_hash, encoding, mark=has_query and request.method == "GET")
        if page is not None:
            return self.answer(page, tag, "hit")

        response = self.get_response(request)
        if not self.is_storable(request, response):
            return response
        if first:
            return self.answer(pages.once(response, encoding), tag, "miss")
        page = pages.store(generation, url_hash, response, encoding)
        return self.answer(page, tag, "miss")

    def is_candidate(self, request):
        return (
            settings.PAGE_CACHE
            and request.method in SAFE_METHODS
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path_info.startswith(self.admin_prefix)
        )

    @staticmethod
    def is_storable(request, response):
        if request.method != "GET" or response.status_code != 200 or response.streaming or response.cookies:
            return False
        if response.has_header("Content-Encoding"):
            return False
        cache_control = response.get("Cache-Control", "").lower().replace(" ", "")
        if any(word in cache_control for word in ("private", "no-store", "no-cache", "max-age=0")):
            return False
        vary = {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}
        return vary <= {"accept-encoding", "cookie"}

    @staticmethod
    def matches(if_none_match, tag):
        # Only a tag this site gave for this address at this content version; not "*", which would
        # answer 304 before we know whether the address names a page at all.
        if not if_none_match:
            return False
        opaque = tag.removeprefix("W/")
        return any(candidate.strip().removeprefix("W/") == opaque for candidate in if_none_match.split(","))

    @staticmethod
    def headers(response, tag, cache_control):
        response["ETag"] = tag
        response["Cache-Control"] = cache_control or settings.PAGE_CACHE_CONTROL
        response["Vary"] = "Accept-Encoding, Cookie"

    def not_modified(self, tag):
        response = HttpResponseNotModified()
        self.headers(response, tag, "")
        response["X-Page-Cache"] = "hit"
        return response

    def answer(self, page, tag, outcome):
        response = HttpResponse(page.body, status=page.status)
        for name, value in page.headers:
            response[name] = value
        if page.encoding != "identity":
            response["Content-Encoding"] = page.encoding
        response["Content-Length"] = str(len(page.body))
        self.headers(response, tag, page.cache_control)
        response["X-Page-Cache"] = outcome
        return response
