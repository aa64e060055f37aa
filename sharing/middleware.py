from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, reverse

from .models import SlugKind, SlugRedirect

# Every page addressed by one of these slugs, including the pages under it (steps, print view, images).
KIND_BY_URL_NAME = {
    "guides:pathway-detail": SlugKind.PATHWAY,
    "guides:step-detail": SlugKind.PATHWAY,
    "guides:pathway-print": SlugKind.PATHWAY,
    "sharing:pathway-preview": SlugKind.PATHWAY,
    "sharing:step-preview": SlugKind.PATHWAY,
    "guides:occupation-detail": SlugKind.OCCUPATION,
    "credentials:credential-detail": SlugKind.CREDENTIAL,
}


class SlugRedirectFallbackMiddleware:
    """Answer a 404 under a renamed slug with a permanent redirect to the page's current address.

    Like django.contrib.redirects, it only looks when the page was not found, so live pages cost nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        return self.redirect_for(request) or response

    def redirect_for(self, request):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        kind = KIND_BY_URL_NAME.get(match.view_name)
        if kind is None or "slug" not in match.kwargs:
            return None
        new_slug = SlugRedirect.objects.current_slugs(kind, [match.kwargs["slug"]]).get(match.kwargs["slug"])
        if new_slug is None:
            return None
        location = reverse(match.view_name, kwargs={**match.kwargs, "slug": new_slug})
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{location}?{query}" if query else location)


class AdminNoIndexMiddleware:
    """Keep the admin out of search engines without naming a custom admin address in robots.txt."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(self.prefix):
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response
