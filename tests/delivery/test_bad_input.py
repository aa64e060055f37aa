"""Bad input gets a clear answer: 400 or a normal page, never a 500; HEAD works wherever GET does."""

import io
import logging
import socket
from unittest import mock

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from pytest_django.asserts import assertContains

from delivery.middleware import AbandonedRequestMiddleware
from sharing import images


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "url",
    [
        "/compare/credentials/?c=ccs&c=rh%00it",
        "/compare/occupations/?o=%00",
        "/compare/pathways/?p=rhit-in-four-steps&p=%00%00",
        "/search/?q=rhit%00",
        "/planner/?education=%00",
        "/credentials/?%00=1",
    ],
)
def test_a_nul_byte_in_any_parameter_is_a_clean_page_or_a_400(visitor, content, url):
    response = visitor.get(url)

    # SQLite compares text with NUL (no match: a clean page); PostgreSQL refuses it (the 400 page).
    assert response.status_code in (200, 400)
    if connection.vendor == "postgresql" and url.startswith("/compare/"):
        assert response.status_code == 400  # the slugs reach a query; search and the planner drop NUL first
    if response.status_code == 400:
        assert "That address can’t be read" in response.content.decode()


@pytest.mark.urls("tests.delivery.urls")
def test_a_nul_byte_the_database_refuses_is_a_400_in_one_log_line(visitor, db):
    stream = io.StringIO()
    handler = next(h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler)
    previous = handler.setStream(stream)
    try:
        response = visitor.get("/test/nul/?c=%00")
    finally:
        handler.setStream(previous)

    assertContains(response, "That address can’t be read", status_code=400)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1 and "Bad Request: /test/nul/" in lines[0], lines


MALFORMED = [
    "%ff%fe",  # not UTF-8
    "%",  # a lone percent sign
    "%zz&{key}=%4",  # not hexadecimal, cut short
    "%c0%80",  # an overlong encoding
    "%ed%a0%80",  # an encoded surrogate
    "x" * 5000,
    "rhit&{key}=%F0%9F%98%80",
    "%0a%0d%09",
]


@pytest.mark.parametrize(
    ("path", "key"),
    [("/compare/credentials/", "c"), ("/compare/occupations/", "o"), ("/compare/pathways/", "p"), ("/search/", "q")],
)
def test_malformed_percent_encodings_get_a_clean_page(visitor, content, path, key):
    for value in MALFORMED:
        url = f"{path}?{key}={value.format(key=key)}"
        assert visitor.get(url).status_code in (200, 400), url


@pytest.mark.parametrize("query", ["%ff=1", "profile=%ff%00", "target=%c0%80&education=%ed%a0%80"])
def test_the_planner_takes_malformed_answers_calmly(visitor, content, query):
    assert visitor.get(f"/planner/?{query}").status_code in (200, 400)


def test_a_bad_host_header_is_one_log_line(visitor, db):
    stream = io.StringIO()
    handler = next(h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler)
    previous = handler.setStream(stream)
    try:
        response = visitor.get("/", HTTP_HOST="evil.example")
    finally:
        handler.setStream(previous)

    assert response.status_code == 400
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1 and "Invalid HTTP_HOST header: 'evil.example'" in lines[0], lines


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/robots.txt",
        "/sitemap.xml",
        "/preview.png",
        "/pathways/rhit-in-four-steps/",
        "/pathways/rhit-in-four-steps/preview.png",
        "/pathways/rhit-in-four-steps/steps/1/preview.png",
        "/health/",
    ],
)
def test_head_works_wherever_get_does(visitor, content, url):
    get = visitor.get(url)
    head = visitor.head(url)

    assert get.status_code == head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]


def test_preview_images_are_cached_whatever_port_the_host_header_names(client, content):
    url = "/pathways/rhit-in-four-steps/preview.png"
    with mock.patch.object(images, "draw_card", wraps=images.draw_card) as draw:
        first = client.get(url, HTTP_HOST="testserver:8000")
        second = client.get(url, HTTP_HOST="testserver")

    assert first.content == second.content
    assert draw.call_count <= 1  # at most once (another test may already have drawn it)


class TestAbandonedRequests:
    """After a burst, requests whose clients left while queued are skipped, not rendered for nobody."""

    def serve(self, client_socket):
        rendered = []

        def view(request):
            rendered.append(request.path)
            return HttpResponse("page")

        request = RequestFactory().get("/")
        request.META["gunicorn.socket"] = client_socket
        return AbandonedRequestMiddleware(view)(request), rendered

    def test_a_request_whose_client_waits_is_served(self):
        server, client = socket.socketpair()
        with server, client:
            response, rendered = self.serve(server)

        assert (response.status_code, rendered) == (200, ["/"])

    def test_a_request_whose_client_left_is_skipped(self):
        server, client = socket.socketpair()
        client.close()
        with server:
            response, rendered = self.serve(server)

        assert (response.status_code, rendered) == (499, [])

    def test_pipelined_requests_still_waiting_to_be_read_are_served(self):
        server, client = socket.socketpair()
        with server, client:
            client.sendall(b"GET /next HTTP/1.1\r\n\r\n")
            response, rendered = self.serve(server)

        assert response.status_code == 200
