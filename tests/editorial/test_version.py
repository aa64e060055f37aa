"""Every content change gives the site a new content version, which is what keys cached pages."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction

from editorial import registry, version
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

CONTENT_APPS = {"sources", "credentials", "guides"}


def test_every_content_model_is_registered_once():
    expected = {
        model._meta.label
        for app_label in CONTENT_APPS
        for model in apps.get_app_config(app_label).get_models()
        if not model._meta.model_name.startswith("historical")
    }
    assert set(registry.labels()) >= expected
    assert len(registry.labels()) == len(set(registry.labels()))


def test_registration_order_puts_parents_before_children():
    order = registry.labels()
    for model in registry.content_models():
        for field in model._meta.concrete_fields:
            if field.is_relation and registry.is_content(field.related_model) and field.related_model is not model:
                assert order.index(field.related_model._meta.label) < order.index(model._meta.label), field


def test_saving_deleting_and_linking_content_bump_the_version():
    before = version.current()
    pathway = factories.PathwayFactory()
    after_save = version.current()
    credential = factories.CredentialFactory()
    other = factories.CredentialFactory()
    linked_before = version.current()
    credential.leads_to.add(other)
    linked = version.current()
    pathway.delete()

    assert len({before, after_save}) == 2
    assert linked != linked_before
    assert version.current() != linked


def test_a_change_that_rolls_back_keeps_the_version():
    source = factories.SourceFactory()
    before = version.current()
    with transaction.atomic():
        source.title = "Never saved"
        source.save()
        transaction.set_rollback(True)

    assert version.current() == before


def test_users_are_not_content():
    before = version.current()
    get_user_model().objects.create_user("someone", password="a-long-Advisor-passphrase-42")

    assert version.current() == before


def test_the_version_is_shared_through_the_cache(settings):
    settings.CONTENT_VERSION_CHECK_SECONDS = 0
    bumped = version.bump()
    version._memo.update(value=None)

    assert version.current() == bumped


def test_an_unreachable_cache_does_not_break_pages(monkeypatch, settings):
    settings.CONTENT_VERSION_CHECK_SECONDS = 0

    def down(*args, **kwargs):
        raise ConnectionError("cache is down")

    monkeypatch.setattr(version.cache, "get", down)
    monkeypatch.setattr(version.cache, "set", down)
    monkeypatch.setattr(version.cache, "add", down)

    assert version.current()
    assert version.bump()
