"""Delete, then restore: the site, the planner's answers included, is exactly as before, links and all."""

import re

import pytest
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from credentials.models import Credential, Organization
from editorial import recovery, registry
from editorial.models import DeletedContent
from guides.models import Occupation, Pathway
from tests.public_pages import crawl, seeds

pytestmark = pytest.mark.django_db

CHANGE_LOG = re.compile(r'<section class="change-log".*?</section>', re.S)


def site(pages=None):
    """Every public page a visitor reaches (the planner with answers too), without the public change log."""
    pages = pages or crawl(Client(), seeds())
    return {path: CHANGE_LOG.sub("", response.content.decode(errors="replace")) for path, response in pages.items()}


def delete_and_restore(advisor_client, obj):
    opts = obj._meta
    response = advisor_client.post(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[obj.pk]), {"post": "yes"}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert not type(obj).objects.filter(pk=obj.pk).exists()
    record = DeletedContent.objects.get(label=opts.label, object_id=obj.pk, restored_at__isnull=True)
    response = advisor_client.post(reverse("editorial:restore-deleted", args=[record.pk]))
    assert response.status_code == 302


def test_deleting_then_restoring_leaves_the_whole_site_as_it_was(advisor_client, content, published_site):
    # One of each kind that other content links to, each deleted and restored in turn through the admin.
    for find in (
        lambda: Credential.objects.get(slug="ccs"),
        lambda: Occupation.objects.get(slug="medical-transcriptionist"),
        lambda: Pathway.objects.get(slug="rhit-in-four-steps"),
        lambda: Organization.objects.get(slug="bls"),
    ):
        delete_and_restore(advisor_client, find())

    before, after = site(published_site), site()
    assert after.keys() == before.keys()
    changed = [path for path in before if before[path] != after[path]]
    assert changed == []


def test_a_restored_credential_gets_back_the_links_other_content_had_to_it(advisor_client, content):
    ccs = Credential.objects.get(slug="ccs")
    wanted_by = set(ccs.occupations.values_list("slug", flat=True))
    led_to_from = set(ccs.leads_from.values_list("slug", flat=True))
    accepted_by = set(ccs.required_by.values_list("pk", flat=True))
    assert wanted_by and led_to_from and accepted_by

    delete_and_restore(advisor_client, ccs)

    ccs = Credential.objects.get(slug="ccs")
    assert set(ccs.occupations.values_list("slug", flat=True)) == wanted_by
    assert set(ccs.leads_from.values_list("slug", flat=True)) == led_to_from
    assert set(ccs.required_by.values_list("pk", flat=True)) == accepted_by


def test_a_restored_occupation_gets_back_its_related_occupations(advisor_client, content):
    job = Occupation.objects.get(slug="medical-transcriptionist")
    related = set(job.related.values_list("slug", flat=True))
    assert related

    delete_and_restore(advisor_client, job)

    assert (
        set(Occupation.objects.get(slug="medical-transcriptionist").related.values_list("slug", flat=True)) == related
    )


def test_every_kind_of_content_deleted_on_its_own_can_be_restored(advisor_client, content):
    restored = []
    for model in registry.content_models():
        if not hasattr(model, "history"):
            continue
        for obj in model.objects.order_by("-pk")[:5]:
            fields = {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields}
            try:
                obj.delete()
            except ProtectedError:
                continue
            record = DeletedContent.objects.get(label=model._meta.label, object_id=fields["id"])
            recovery.restore(record)
            again = model.objects.get(pk=fields["id"])
            assert {f.attname: getattr(again, f.attname) for f in model._meta.concrete_fields} == fields
            restored.append(model._meta.label)
            break
    assert len(restored) >= 15, restored
