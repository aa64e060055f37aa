"""Export: a whole-site file is a backup of everything a visitor relies on, renamed links included."""

import json

import pytest
from django.core.management import call_command

from editorial import content_io
from sharing.models import SlugRedirect

pytestmark = pytest.mark.django_db


def test_the_full_export_carries_slug_redirects_so_renamed_links_survive_a_restore(client, pathway):
    pathway.slug = "become-an-rhit"
    pathway.save()
    exported = content_io.export_content()
    SlugRedirect.objects.all().delete()  # a fresh database restored from the file

    content_io.import_content(exported)

    assert {"model": "sharing.slugredirect"}.items() <= json.loads(exported)[-1].items()
    response = client.get("/pathways/rhit-route/")
    assert response.status_code == 301
    assert response["Location"] == "/pathways/become-an-rhit/"


def test_export_of_one_credential_carries_everything_it_owns(full_pathway, tmp_path):
    target = tmp_path / "rhit.json"

    call_command("export_content", "credential/rhit", "-o", str(target))

    models = [item["model"] for item in json.loads(target.read_text())]
    assert models[0] == "credentials.credential"
    for kind in ("eligibilityroute", "requirement", "exam", "fee", "renewal"):
        assert f"credentials.{kind}" in models


def test_export_by_slug_alone_finds_the_one_object_of_that_name(full_pathway, capsys):
    call_command("export_content", "rhit-route")

    models = [item["model"] for item in json.loads(capsys.readouterr().out)]
    assert models[0] == "guides.pathway"
    assert models.count("guides.step") == 3


def test_renaming_an_organization_leaves_a_redirect(client, credential):
    organization = credential.issuer
    old = organization.get_absolute_url()
    organization.slug = "renamed-issuer"
    organization.save()

    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == "/organizations/renamed-issuer/"
    assert client.get(response["Location"]).status_code == 200
