"""The Advisors group is created once, by one mechanism, and `migrate` never undoes an administrator's changes."""

from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import CreateModel, RunPython

from editorial import advisors, registry

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]


def advisors_group():
    return Group.objects.get(name="Advisors")


def codenames(group):
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def test_a_migrated_database_has_the_group_with_every_content_permission_and_nothing_else():
    expected = {
        (label.split(".")[0], f"{action}_{label.split('.')[1].lower()}")
        for label in registry.labels()
        for action in ("add", "change", "delete", "view")
    }

    assert codenames(advisors_group()) == expected
    assert not {app for app, _codename in codenames(advisors_group())} & {"auth", "axes", "sessions", "admin"}


def test_migrate_never_undoes_an_administrators_changes_to_the_group():
    group = advisors_group()
    group.permissions.remove(Permission.objects.get(codename="delete_pathway"))
    group.permissions.add(Permission.objects.get(codename="view_logentry"))
    before = codenames(group)

    call_command("migrate", verbosity=0)

    assert codenames(advisors_group()) == before


def test_migrate_recreates_the_group_only_when_it_is_missing():
    advisors_group().delete()

    call_command("migrate", verbosity=0)

    assert advisors_group().permissions.filter(codename="change_pathway").exists()


def test_a_migration_that_adds_a_content_model_grants_it_to_the_existing_group():
    group = advisors_group()
    group.permissions.remove(*Permission.objects.filter(content_type__model="step"))
    group.permissions.remove(Permission.objects.get(codename="delete_pathway"))
    plan = [(_migration_creating("guides", "Step"), False)]

    advisors.after_migrate(apps.get_app_config("editorial"), plan=plan)

    assert {"add_step", "change_step", "delete_step", "view_step"} <= {c for _app, c in codenames(group)}
    assert not group.permissions.filter(codename="delete_pathway").exists()


def test_no_migration_creates_or_changes_the_group():
    """One mechanism: the group is made after `migrate` (editorial.advisors), not also by a data migration."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    ours = [
        m
        for (app, _name), m in loader.disk_migrations.items()
        if Path(apps.get_app_config(app).path).is_relative_to(PROJECT)
    ]
    for migration in ours:
        for operation in migration.operations:
            if isinstance(operation, RunPython):
                source = Path(operation.code.__code__.co_filename).read_text()
                assert "Advisors" not in source and "Group" not in source, f"{migration.app_label}.{migration.name}"


def test_create_advisor_leaves_the_group_as_the_administrators_left_it(monkeypatch):
    monkeypatch.setenv("ADVISOR_PASSWORD", "a-long-Advisor-passphrase-42")
    group = advisors_group()
    group.permissions.remove(Permission.objects.get(codename="delete_credential"))

    call_command("create_advisor", "sam", "--no-input", verbosity=0)

    assert not advisors_group().permissions.filter(codename="delete_credential").exists()


def _migration_creating(app_label, model_name):
    class Migration:
        operations = [CreateModel(model_name, fields=[])]

    Migration.app_label = app_label
    return Migration
