"""Import is a trust boundary: it accepts guide content only, validated as the admin would validate it."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse

from credentials.models import Organization
from editorial import content_io
from sources.models import Source
from tests import factories

pytestmark = pytest.mark.django_db

SUPERUSER = {
    "model": "auth.user",
    "fields": {
        "username": "mallory",
        "password": "pbkdf2_sha256$1000000$x$y",
        "is_superuser": True,
        "is_staff": True,
        "is_active": True,
    },
}


def upload(objects):
    return SimpleUploadedFile("content.json", json.dumps(objects).encode(), content_type="application/json")


def test_an_import_holding_a_user_creates_no_account_and_names_what_it_refused(importer_client):
    response = importer_client.post(reverse("editorial:import-content"), {"file": upload([SUPERUSER])})

    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="mallory").exists()
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "auth.User" in html and "not guide content" in html


def test_a_user_hidden_after_real_content_rolls_everything_back():
    source = {"model": "sources.source", "fields": {"slug": "new-source", "title": "A new source", "kind": "article"}}

    with pytest.raises(content_io.ContentImportError, match="auth.User"):
        content_io.import_content(json.dumps([source, SUPERUSER]))

    assert not Source.objects.filter(slug="new-source").exists()
    assert not get_user_model().objects.filter(username="mallory").exists()


@pytest.mark.parametrize(
    "model, field",
    [("sources.source", "url"), ("credentials.organization", "website")],
)
@pytest.mark.parametrize("address", ["javascript:alert(document.cookie)", " JavaScript:alert(1)", "data:text/html,x"])
def test_an_import_with_a_script_address_is_refused(importer_client, model, field, address):
    fields = (
        {"slug": "evil", "title": "Evil", "kind": "article", field: address}
        if model == "sources.source"
        else {"slug": "evil", "abbreviation": "EVIL", "name": "Evil", "role": "association", field: address}
    )

    response = importer_client.post(
        reverse("editorial:import-content"), {"file": upload([{"model": model, "fields": fields}])}
    )

    assert "Nothing was imported" in response.content.decode()
    assert "http:// or https://" in response.content.decode()
    assert not Source.objects.filter(slug="evil").exists()
    assert not Organization.objects.filter(slug="evil").exists()


def test_the_database_refuses_a_script_address_whatever_writes_it():
    source = factories.SourceFactory(slug="s")
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.filter(pk=source.pk).update(url="javascript:alert(1)")
    organization = factories.OrganizationFactory(slug="o")
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.filter(pk=organization.pk).update(website="javascript:alert(1)")


def test_model_validation_accepts_only_web_addresses():
    source = factories.SourceFactory.build(slug="s", url="ftp://files.example.org/doc")
    with pytest.raises(ValidationError, match="http:// or https://"):
        source.full_clean()
    source.url = "https://www.ahima.org/"
    source.full_clean()


def test_a_stored_script_address_never_becomes_a_link(client):
    """Rows written before the constraint existed are cleared by the migration; pages also refuse to link them."""
    from sources.templatetags.markup import web_url

    assert web_url("javascript:alert(1)") == ""
    assert web_url("https://www.ncra-usa.org/") == "https://www.ncra-usa.org/"
