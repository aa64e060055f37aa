"""Links live: renamed links redirect, a restore brings back redirects, step links survive reorders."""

import json

import pytest
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse

from editorial import content_io
from guides.models import Step
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


def test_a_shared_step_link_opens_the_same_step_after_a_reorder(client, full_pathway):
    first = full_pathway.steps.get(position=1)
    shared = reverse("guides:step-detail", args=[full_pathway.slug, first.key])
    Step.objects.filter(pathway=full_pathway).update(position=F("position") + 10)
    Step.objects.filter(pk=first.pk).update(position=3)
    Step.objects.filter(pathway=full_pathway, position=13).update(position=1)
    Step.objects.filter(pathway=full_pathway, position=12).update(position=2)

    page = client.get(shared).content.decode()

    assert "<h1>Earn an associate degree</h1>" in page
    assert "Step 3 of 3" in page


def test_an_old_position_link_still_opens_the_step_it_meant(client, full_pathway):
    """Links shared before steps had keys named positions; the migration made each position the step's key."""
    assert [step.key for step in full_pathway.steps.order_by("position")] == [1, 2, 3]
    step = full_pathway.steps.get(position=2)
    step.position = 9
    step.save()

    assert "<h1>Pass the RHIT exam</h1>" in client.get("/pathways/rhit-route/steps/2/").content.decode()


def test_a_new_step_never_reuses_a_deleted_steps_link(full_pathway):
    full_pathway.steps.get(position=3).delete()

    added = Step.objects.create(pathway=full_pathway, position=3, title="New", body="x", source=full_pathway.source)

    assert added.key == 4
