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
    "credentials:organization-detail": SlugKind.ORGANIZATION,
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


# Comparison pages name their items in the query string: {view name: (parameter, kind of slug)}.
COMPARE_PARAMETERS = {
    "guides:compare-credentials": ("c", SlugKind.CREDENTIAL),
    "guides:compare-occupations": ("o", SlugKind.OCCUPATION),
    "guides:compare-pathways": ("p", SlugKind.PATHWAY),
}


class ComparisonRedirectMiddleware:
    """A comparison shared before an advisor renamed one of its slugs: 301 to the same comparison today.

    Only picks that have a redirect are rewritten; unknown slugs stay, so the page still says they were
    not found. A redirect's old slug is never a live slug (recording a rename removes such redirects).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        parameter, kind = COMPARE_PARAMETERS.get(request.resolver_match.view_name, (None, None))
        if parameter is None or request.method not in ("GET", "HEAD"):
            return None
        picked = request.GET.getlist(parameter)
        wanted = {value.strip().lower() for value in picked} - {""}
        renamed = SlugRedirect.objects.current_slugs(kind, wanted) if wanted else {}
        if not renamed:
            return None
        query = request.GET.copy()
        query.setlist(parameter, [renamed.get(value.strip().lower(), value) for value in picked])
        return HttpResponsePermanentRedirect(f"{request.path}?{query.urlencode()}")


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
