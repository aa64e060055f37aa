import os
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from editorial import version
from tests import factories


def pytest_configure(config):
    """Under pytest-xdist each worker has its own test database; give it its own Redis database too (the next
    numbers after REDIS_URL's), since tests empty the cache and bump the content version."""
    from django.conf import settings
    from django.core.cache import caches

    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    location = settings.CACHES["default"].get("LOCATION", "")
    if not worker.startswith("gw") or not location.startswith(("redis://", "rediss://")):
        return
    parts = urlsplit(location)
    number = int(parts.path.strip("/") or 0) + int(worker.removeprefix("gw"))
    own = parts._replace(path=f"/{number}").geturl()
    settings.CACHES = {**settings.CACHES, "default": {**settings.CACHES["default"], "LOCATION": own}}
    caches.__dict__.pop("settings", None)  # the handler reads CACHES again on first use


@pytest.fixture(scope="session", autouse=True)
def fast_password_hasher(django_test_environment):
    """Hashing passwords at production strength is the slowest thing an advisor test does; tests need no strength."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def content_snapshot(django_db_setup, django_db_blocker):
    """The transcribed content, loaded once per session the way a newcomer's site loads it, then kept as rows.

    Loading runs `load_content` (fixtures, validation of natural keys, first history versions) inside a
    transaction that is rolled back; each test that asks for `content` then inserts the same rows in bulk.
    """
    with django_db_blocker.unblock():
        models = [model for model in apps.get_models(include_auto_created=True) if not model._meta.proxy]
        before = {model: model._base_manager.count() for model in models}
        with transaction.atomic():
            call_command("load_content", verbosity=0)
            snapshot = []
            for model in models:
                if model._base_manager.count() == before[model]:
                    continue
                assert before[model] == 0, f"{model._meta.label} has rows before the content is loaded"
                names = [field.attname for field in model._meta.concrete_fields]
                snapshot.append((model, names, list(model._base_manager.values_list(*names))))
            transaction.set_rollback(True)
    return snapshot


@contextmanager
def content_meanwhile(content_snapshot, django_db_blocker):
    """The content in the database for the block only (in a transaction rolled back after it): for module- and
    session-scoped fixtures that read what the content gives (pages, prefetched rows) once for many tests."""
    with django_db_blocker.unblock(), transaction.atomic():
        insert_content(content_snapshot)
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="session")
def published_site(content_snapshot, django_db_blocker):
    """{path: response} for every public page of the untouched content (tests/public_pages.py `seeds`), crawled
    once per session as an anonymous visitor, in a transaction that is rolled back. For tests that only read
    the pages as a newcomer's site serves them; a test that changes content first crawls on its own."""
    from django.test import Client

    from tests.public_pages import crawl, seeds

    with content_meanwhile(content_snapshot, django_db_blocker):
        return crawl(Client(), seeds())


@pytest.fixture
def content(db, content_snapshot):
    """The content transcribed from the source documents, as a newcomer's site shows it."""
    insert_content(content_snapshot)


@contextmanager
def snapshot_timestamps(models):
    """Keep the snapshot's own created/updated times while inserting (auto_now would stamp the insert's time), so
    every test's content, and every address carrying a timestamp (preview images' ?v=), is the same."""
    fields = [
        field
        for model in models
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def insert_content(content_snapshot):
    """Insert the snapshot's rows; one transaction, so foreign keys are checked once every row is in."""
    with transaction.atomic(), snapshot_timestamps(model for model, _names, _rows in content_snapshot):
        for model, names, rows in content_snapshot:
            model._base_manager.bulk_create([model(**dict(zip(names, row, strict=True))) for row in rows])
        # Rows came with their primary keys: move PostgreSQL's sequences past them, as loaddata does.
        models = [model for model, _names, _rows in content_snapshot]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
    version.bump()


@pytest.fixture
def pathway(db):
    pathway = factories.PathwayFactory(slug="rhit-route", title="Become an RHIT")
    factories.StepFactory(pathway=pathway, position=1, title="Earn an associate degree")
    factories.StepFactory(pathway=pathway, position=2, title="Pass the RHIT exam")
    return pathway


@pytest.fixture
def credential(db):
    return factories.CredentialFactory(
        slug="rhit", abbreviation="RHIT", name="Registered Health Information Technician"
    )
