"""The site's URLs plus a few views that do what no page of the site does (yet), for the page cache's rules."""

from django.http import HttpResponse
from django.urls import path

from careerpath.urls import handler500  # noqa: F401 (the site's error handler)
from careerpath.urls import urlpatterns as site_urlpatterns


def sets_a_cookie(request):
    response = HttpResponse("<p>Hello</p>")
    response.set_cookie("seen", "1")
    return response


def varies_on_language(request):
    response = HttpResponse(f"<p>{request.headers.get('Accept-Language', '')}</p>")
    response["Vary"] = "Accept-Language"
    return response


def refuses_nul(request):
    raise ValueError("A string literal cannot contain NUL (0x00) characters.")  # psycopg2's words


def breaks(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path("test/cookie/", sets_a_cookie),
    path("test/vary/", varies_on_language),
    path("test/bug/", breaks),
    path("test/nul/", refuses_nul),
    *site_urlpatterns,
]
