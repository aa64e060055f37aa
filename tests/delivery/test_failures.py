"""When the database or the cache is down, visitors get a clear answer and operators one line per failure."""

import io
import json
import logging

import pytest
from django.core import mail
from django.core.cache import cache, caches
from django.db import OperationalError, connections
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from delivery.cache import ResilientRedisCache

REFUSED = 'connection to server at "db" (10.0.0.5), port 5432 failed: Connection refused\n\tIs the server running?'


@pytest.fixture
def visitor():
    """A browser, as gunicorn would serve it: a failing view gives an error page, not an exception here."""
    return Client(raise_request_exception=False)


def refuse(*args, **kwargs):
    raise OperationalError(REFUSED)


class Outage:
    """Every query fails the way psycopg2 fails when PostgreSQL does not answer, until undo()."""

    def __init__(self):
        self.connection = connections["default"]

    def start(self):
        self.connection.cursor = refuse

    def undo(self):
        self.connection.__dict__.pop("cursor", None)


@pytest.fixture
def database_down(db):
    outage = Outage()
    outage.start()
    yield outage
    outage.undo()


@pytest.fixture
def cache_down(settings):
    """Redis configured, but nothing listens there (port 1 refuses at once)."""
    settings.CACHES = {
        "default": {"BACKEND": "delivery.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    settings.CONTENT_VERSION_CHECK_SECONDS = 0  # notice the outage on the next request
    return caches["default"]


@pytest.fixture
def log():
    """What the site writes to its log (standard error), as an operator reads it."""
    stream = io.StringIO()
    handlers = [handler for handler in logging.getLogger().handlers if type(handler) is logging.StreamHandler]
    previous = [handler.setStream(stream) for handler in handlers]
    yield lambda: [line for line in stream.getvalue().splitlines() if line.strip()]
    for handler, old in zip(handlers, previous, strict=True):
        handler.setStream(old)


def test_database_unreachable_gives_a_503_page_asking_to_retry(visitor, pathway, database_down):
    response = visitor.get("/pathways/rhit-route/")

    assertContains(response, "try again in a minute", status_code=503)
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]


def test_each_failed_request_is_one_log_line_not_a_traceback(visitor, pathway, database_down, log):
    for path in ("/pathways/rhit-route/", "/credentials/", "/search/?q=rhit"):
        visitor.get(path)

    lines = log()
    assert len(lines) == 3, lines
    assert all("Database unavailable (OperationalError: connection to server at" in line for line in lines)
    assert "GET /credentials/" in lines[1]
    assert not any("Traceback" in line for line in lines)


def test_the_site_recovers_without_a_restart(visitor, pathway, database_down):
    assert visitor.get("/pathways/rhit-route/").status_code == 503
    database_down.undo()

    assert visitor.get("/pathways/rhit-route/").status_code == 200


def test_cached_pages_keep_being_served_while_the_database_is_down(visitor, pathway, page_cache, database_down):
    database_down.undo()
    visitor.get("/pathways/rhit-route/")
    database_down.start()
    response = visitor.get("/pathways/rhit-route/")

    assert (response.status_code, response["X-Page-Cache"]) == (200, "hit")


def test_an_outage_emails_admins_once_not_once_per_request(visitor, pathway, database_down, settings):
    settings.ADMINS = [("Ops", "ops@example.org")]
    for _ in range(5):
        visitor.get("/pathways/rhit-route/")

    assert len(mail.outbox) <= 1  # one per outage and process (another test may have opened this outage)


def test_health_is_200_with_its_checks_when_all_answer(client, db):
    response = client.get("/health/")

    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert body["checks"]["database"]["ok"] and body["checks"]["cache"]["ok"]
    assert "no-cache" in response["Cache-Control"]


def test_health_is_503_when_the_database_does_not_answer(visitor, db, database_down):
    response = visitor.get("/health/")

    assert response.status_code == 503
    checks = json.loads(response.content)["checks"]
    assert checks["database"]["ok"] is False and "Connection refused" in checks["database"]["error"]
    assert checks["cache"]["ok"] is True


def test_health_is_503_when_the_cache_does_not_answer(visitor, db, cache_down):
    response = visitor.get("/health/")

    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["ok"] is False


def test_health_is_never_cached(client, db, page_cache):
    client.get("/health/")
    response = client.get("/health/")

    assert "X-Page-Cache" not in response


def test_pages_and_preview_images_keep_working_while_the_cache_is_down(visitor, pathway, cache_down, settings):
    settings.PAGE_CACHE = True
    for _ in range(2):
        page = visitor.get("/pathways/rhit-route/")
        image = visitor.get("/pathways/rhit-route/preview.png")

        assert page.status_code == 200 and "X-Page-Cache" not in page
        assert image.status_code == 200 and image["Content-Type"] == "image/png"


def test_an_unreachable_cache_is_one_log_line_per_outage(cache_down, log):
    assert isinstance(cache_down, ResilientRedisCache)
    for _ in range(20):
        assert cache.get("anything") is None
        cache.set("anything", 1)

    lines = log()
    assert len(lines) == 1 and "Cache unavailable (ConnectionError" in lines[0], lines


@pytest.mark.urls("tests.delivery.urls")
def test_the_500_page_says_an_error_was_reported_only_when_it_was(visitor, db, settings):
    settings.ADMINS, settings.EMAIL_HOST = [], ""
    silent = visitor.get("/test/bug/")
    settings.ADMINS, settings.EMAIL_HOST = [("Ops", "ops@example.org")], "smtp.example.org"
    reported = visitor.get("/test/bug/")

    assertNotContains(silent, "sent the details", status_code=500)
    assertContains(reported, "sent the details", status_code=500)
    assert len(mail.outbox) == 1
    assert "RuntimeError" in mail.outbox[0].body and "a bug" in mail.outbox[0].body
