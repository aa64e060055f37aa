"""Anonymous visitors get pages from the shared cache; nobody ever gets a page that should not be cached."""

import gzip

import brotli
import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from delivery import pages, release
from editorial import version
from tests.advisors.conftest import form_data

pytestmark = pytest.mark.usefixtures("page_cache")

BROWSER = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br, zstd"}


@pytest.fixture
def advisor_client(db, monkeypatch):
    monkeypatch.setenv("ADVISOR_PASSWORD", "a-long-Advisor-passphrase-42")
    call_command("create_advisor", "alex", "--no-input", verbosity=0)
    client = Client()
    client.force_login(get_user_model().objects.get(username="alex"))
    return client


def text(response):
    encoding = response.get("Content-Encoding")
    body = response.content
    if encoding == "br":
        body = brotli.decompress(body)
    elif encoding == "gzip":
        body = gzip.decompress(body)
    return body.decode()


def test_a_page_is_rendered_once_then_served_without_the_database(client, pathway, django_assert_num_queries):
    first = client.get("/pathways/rhit-route/", **BROWSER)
    with django_assert_num_queries(0):
        second = client.get("/pathways/rhit-route/", **BROWSER)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert text(second) == text(first)
    assert "Earn an associate degree" in text(second)


def test_an_edit_shows_on_the_next_request(client, pathway, django_capture_on_commit_callbacks):
    client.get("/pathways/rhit-route/")
    with django_capture_on_commit_callbacks(execute=True):
        pathway.title = "Become a registered health information technician"
        pathway.save()

    response = client.get("/pathways/rhit-route/")
    assert response["X-Page-Cache"] == "miss"
    assert "Become a registered health information technician" in text(response)


def test_a_new_release_never_serves_the_previous_releases_pages(client, pathway, monkeypatch):
    """After a deploy (new templates or code), pages rendered by the old release are not served, and their
    ETags no longer match: the same content version, but not the same page."""
    old = client.get("/pathways/rhit-route/")
    assert client.get("/pathways/rhit-route/")["X-Page-Cache"] == "hit"

    monkeypatch.setattr(release, "fingerprint", lambda: "the-next-release")
    pages.local.clear()  # a restarted worker's memory is empty; the shared cache is not
    response = client.get("/pathways/rhit-route/", HTTP_IF_NONE_MATCH=old["ETag"])

    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
    assert response["ETag"] != old["ETag"]


def test_the_release_fingerprint_covers_templates_and_code_but_not_tests():
    files = {str(path) for path in release._files(release.Path(release.settings.BASE_DIR))}

    assert any(path.endswith("templates/base.html") for path in files)
    assert any(path.endswith("delivery/pages.py") for path in files)
    assert any(path.endswith("static/css/site.css") for path in files)
    assert not any("/tests/" in path or "/.venv/" in path for path in files)


@pytest.mark.parametrize(
    ("accept_encoding", "encoding"),
    [
        ("gzip, deflate, br, zstd", "br"),
        ("gzip, deflate", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("", None),
        ("identity", None),
    ],
)
def test_pages_are_compressed_as_the_browser_accepts(client, pathway, accept_encoding, encoding):
    plain = client.get("/pathways/rhit-route/").content.decode()
    response = client.get("/pathways/rhit-route/", HTTP_ACCEPT_ENCODING=accept_encoding)

    assert response.get("Content-Encoding") == encoding
    assert int(response["Content-Length"]) == len(response.content)
    assert text(response) == plain
    if encoding:
        assert len(response.content) < len(plain) / 3


def test_cached_pages_tell_browsers_and_a_cdn_how_long_to_keep_them(client, pathway):
    client.get("/pathways/rhit-route/")
    response = client.get("/pathways/rhit-route/")

    directives = {item.strip() for item in response["Cache-Control"].split(",")}
    assert {"public", "max-age=60", "s-maxage=300", "stale-while-revalidate=60"} <= directives
    assert response["Vary"] == "Accept-Encoding, Cookie"
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["X-Frame-Options"] == "DENY"  # headers set inside the cache are kept with the page


def test_a_conditional_get_is_answered_304_until_content_changes(client, pathway, django_assert_num_queries):
    etag = client.get("/pathways/rhit-route/")["ETag"]
    with django_assert_num_queries(0):
        not_modified = client.get("/pathways/rhit-route/", HTTP_IF_NONE_MATCH=etag)
    other_page = client.get("/pathways/rhit-route/steps/1/", HTTP_IF_NONE_MATCH=etag)
    version.bump()
    changed = client.get("/pathways/rhit-route/", HTTP_IF_NONE_MATCH=etag)

    assert (not_modified.status_code, not_modified["ETag"], not_modified.content) == (304, etag, b"")
    assert other_page.status_code == 200
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_head_is_answered_from_the_cache_like_get(client, pathway, django_assert_num_queries):
    length = client.get("/pathways/rhit-route/")["Content-Length"]
    with django_assert_num_queries(0):
        response = client.head("/pathways/rhit-route/")

    assert (response.status_code, response["Content-Length"], response.content) == (200, length, b"")


def test_the_query_string_is_part_of_the_address(client, content):
    rhit = [client.get("/search/?q=rhit") for _ in range(3)]
    tumor = client.get("/search/?q=tumor+registrar")

    assert [response["X-Page-Cache"] for response in rhit] == ["miss", "miss", "hit"]
    assert tumor["X-Page-Cache"] == "miss"
    assert text(rhit[2]) == text(rhit[0]) != text(tumor)


def test_a_link_tagged_by_another_site_gets_the_cached_page(client, pathway, django_assert_num_queries):
    """Chat apps, newsletters and ads add their own tags to a shared link; the page is the same, so is the cache."""
    plain = client.get("/pathways/rhit-route/", **BROWSER)
    with django_assert_num_queries(0):
        tagged = [
            client.get(f"/pathways/rhit-route/?{tags}", **BROWSER)
            for tags in ("fbclid=IwAR0abc", "utm_source=newsletter&utm_medium=email", "UTM_Campaign=spring&gclid=x1")
        ]

    assert [response["X-Page-Cache"] for response in tagged] == ["hit", "hit", "hit"]
    assert {text(response) for response in tagged} == {text(plain)}


def test_a_hostile_tag_is_never_shown_and_a_tagged_draft_is_still_never_stored(
    client, advisor_client, pathway, django_capture_on_commit_callbacks
):
    hostile = "utm_source=%3Cscript%3Ealert(1)%3C/script%3E&fbclid=" + "x" * 5000
    first = client.get(f"/pathways/rhit-route/?{hostile}")
    plain = client.get("/pathways/rhit-route/")
    assert (first["X-Page-Cache"], plain["X-Page-Cache"]) == ("miss", "hit")
    assert "<script>alert" not in text(plain) and "xxxxx" not in text(plain)

    with django_capture_on_commit_callbacks(execute=True):
        pathway.status = "draft"
        pathway.save()
    preview = advisor_client.get(f"/pathways/rhit-route/?{hostile}")
    visitor = client.get(f"/pathways/rhit-route/?{hostile}")
    assert "X-Page-Cache" not in preview and "no-cache" in preview["Cache-Control"]
    assert visitor.status_code == 404 and "ETag" not in visitor


def test_tags_are_left_out_but_a_pages_own_query_is_kept():
    assert pages.cached_query("q=rhit&utm_source=x&fbclid=y") == "q=rhit"
    assert pages.cached_query("c=rhit&c=ccs&mc_eid=1&c=ctr") == "c=rhit&c=ccs&c=ctr"  # order kept: it is the page's
    assert pages.cached_query("q=utm_source") == "q=utm_source"  # a search for the words is a search
    assert pages.cached_query("utm_source") == ""
    assert pages.cached_query("q=%FF%00&utm_medium=%FF&%FF=1") == "q=%FF%00&%FF=1"  # bad bytes pass through


def test_a_tagged_search_is_the_same_search(client, content):
    first = client.get("/search/?q=rhit&utm_source=chat")
    second = client.get("/search/?q=rhit")
    third = client.get("/search/?utm_medium=social&q=rhit")

    assert [response["X-Page-Cache"] for response in (first, second, third)] == ["miss", "miss", "hit"]
    assert text(third) == text(first)


def test_an_address_with_a_query_string_is_stored_only_once_asked_for_again(client, content, django_assert_num_queries):
    """A visitor's own search or planner answers are mostly asked for once: storing each would cost a compression
    and a write per request, and let anyone fill the cache with made-up addresses. A shared link is asked again."""
    path = "/planner/?education=associate&field=health-information&target=credential-rhit"
    first = client.get(path, **BROWSER)
    assert cache.get(pages.cache_key(pages.generation(), pages.url_key(first.wsgi_request))) is None

    second = client.get(path, **BROWSER)
    with django_assert_num_queries(0):
        third = client.get(path, **BROWSER)

    assert [response["X-Page-Cache"] for response in (first, second, third)] == ["miss", "miss", "hit"]
    assert first["Content-Encoding"] == "br"  # compressed for the visitor all the same
    assert text(first) == text(second) == text(third)
    assert "Routes to" in text(third)


def test_a_query_string_page_asked_for_on_another_server_is_stored(servers, client, content):
    a, b, on = servers
    path = "/search/?q=tumor+registrar"
    with on(a):
        assert client.get(path)["X-Page-Cache"] == "miss"
    with on(b):
        assert client.get(path)["X-Page-Cache"] == "miss"  # the second request anywhere stores it
    with on(a):
        assert client.get(path)["X-Page-Cache"] == "hit"


def test_staff_are_never_served_cached_pages_nor_fill_the_cache(client, advisor_client, pathway):
    client.get("/pathways/rhit-route/")
    pathway.title = "Edited, not yet bumped"
    pathway.save()  # the test's transaction never commits, so the version does not change

    staff = advisor_client.get("/pathways/rhit-route/")
    visitor = client.get("/pathways/rhit-route/")

    assert "X-Page-Cache" not in staff
    assert "Edited, not yet bumped" in staff.content.decode()
    assert "private" in staff["Cache-Control"]
    assert visitor["X-Page-Cache"] == "hit"


def test_draft_previews_are_never_stored(client, advisor_client, pathway):
    pathway.status = "draft"
    pathway.save()

    preview = advisor_client.get("/pathways/rhit-route/")
    visitor = client.get("/pathways/rhit-route/")

    assert preview.status_code == 200 and "no-cache" in preview["Cache-Control"]
    assert visitor.status_code == 404


def test_not_found_pages_are_not_stored(client, db, django_assert_max_num_queries):
    client.get("/pathways/no-such-pathway/")
    response = client.get("/pathways/no-such-pathway/")

    assert response.status_code == 404
    assert "X-Page-Cache" not in response and "ETag" not in response


@pytest.mark.urls("tests.delivery.urls")
def test_a_response_that_sets_a_cookie_is_not_stored(client, db):
    client.get("/test/cookie/")
    client.cookies.clear()
    response = client.get("/test/cookie/")

    assert "X-Page-Cache" not in response
    assert response.cookies["seen"].value == "1"


@pytest.mark.urls("tests.delivery.urls")
def test_a_response_that_varies_on_another_header_is_not_stored(client, db):
    client.get("/test/vary/", HTTP_ACCEPT_LANGUAGE="fr")
    response = client.get("/test/vary/", HTTP_ACCEPT_LANGUAGE="en")

    assert "X-Page-Cache" not in response
    assert response.content == b"<p>en</p>"


def test_posts_are_never_answered_from_the_cache(client, pathway):
    client.get("/pathways/rhit-route/")
    response = client.post("/pathways/rhit-route/")

    assert response.status_code == 405
    assert "X-Page-Cache" not in response


def test_the_admin_is_never_cached(client, db):
    client.get("/admin/login/")
    response = client.get("/admin/login/")

    assert "X-Page-Cache" not in response


def test_pages_are_cached_per_host_so_links_on_them_stay_right(client, pathway, settings):
    settings.ALLOWED_HOSTS = ["careerpath.example", "www.careerpath.example"]
    first = client.get("/pathways/rhit-route/", HTTP_HOST="careerpath.example")
    second = client.get("/pathways/rhit-route/", HTTP_HOST="www.careerpath.example")

    assert second["X-Page-Cache"] == "miss"
    assert "https://www.careerpath.example/" in text(second) or "http://www.careerpath.example/" in text(second)
    assert first["ETag"] != second["ETag"]


def test_each_process_keeps_a_bounded_copy_of_recent_pages():
    local = pages.LocalPages(limit=100)
    page = pages.Page(200, (), b"x" * 40, "identity", "")
    for key in ("a", "b", "c"):
        local.put("v1", key, page)

    assert local.get("v1", "a") is None  # least recently used, dropped to stay within 100 bytes
    assert local.get("v1", "c") == page
    assert local.get("v2", "c") is None  # another content version: never served
    local.put("v2", "d", page)
    assert (local.size, list(local.pages)) == (40, ["d"])


def test_edit_through_the_admin_then_visitors_see_it(
    client, advisor_client, pathway, django_capture_on_commit_callbacks
):
    client.get("/pathways/rhit-route/")
    change = f"/admin/guides/pathway/{pathway.pk}/change/"
    data = form_data(advisor_client.get(change))
    data["title"] = "Become an RHIT, step by step"
    with django_capture_on_commit_callbacks(execute=True):
        response = advisor_client.post(change, data)
    assert response.status_code == 302

    assert "Become an RHIT, step by step" in text(client.get("/pathways/rhit-route/"))


def test_static_files_are_also_stored_in_brotli(tmp_path):
    """WhiteNoise writes a .br beside each static file when Brotli is installed (collectstatic, production)."""
    from whitenoise.compress import Compressor

    css = tmp_path / "site.css"
    css.write_text("body { color: #222; }\n" * 200)
    written = set(Compressor(quiet=True).compress(str(css)))

    assert {str(css) + ".br", str(css) + ".gz"} <= written
