import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from editorial import version
from tests import factories


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


@pytest.fixture
def content(db, content_snapshot):
    """The content transcribed from the source documents, as a newcomer's site shows it."""
    insert_content(content_snapshot)


def insert_content(content_snapshot):
    """Insert the snapshot's rows; one transaction, so foreign keys are checked once every row is in."""
    with transaction.atomic():
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
