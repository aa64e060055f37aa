"""Renamed slugs keep old links working; the sitemap and robots.txt point crawlers at every public page."""

import xml.etree.ElementTree as ET

import pytest
from django.db.models import F

from credentials.models import Credential
from guides.models import Occupation, Pathway
from sharing.models import SlugRedirect
from tests import factories

pytestmark = pytest.mark.django_db


def rename(obj, slug):
    obj.slug = slug
    obj.save()


def assert_moved(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == new


def test_old_pathway_links_redirect_to_the_newest_slug_after_two_renames(client, shared):
    pathway = shared[0]
    rename(pathway, "rhit-in-three-steps")
    rename(pathway, "become-an-rhit")

    for old in ("rhit-route", "rhit-in-three-steps"):
        assert_moved(client, f"/pathways/{old}/", "/pathways/become-an-rhit/")
        assert_moved(client, f"/pathways/{old}/steps/2/", "/pathways/become-an-rhit/steps/2/")
        assert_moved(client, f"/pathways/{old}/print/", "/pathways/become-an-rhit/print/")
        assert_moved(client, f"/pathways/{old}/preview.png?v=1", "/pathways/become-an-rhit/preview.png?v=1")
    assert client.get("/pathways/become-an-rhit/steps/2/").status_code == 200
    assert client.get("/pathways/rhit-route/steps/9/", follow=True).status_code == 404


def test_renaming_back_and_forth_never_loops(client, shared):
    pathway = shared[0]
    rename(pathway, "b")
    rename(pathway, "rhit-route")
    rename(pathway, "b")

    assert set(SlugRedirect.objects.values_list("old_slug", "new_slug")) == {("rhit-route", "b")}
    assert not SlugRedirect.objects.filter(old_slug=F("new_slug")).exists()
    assert_moved(client, "/pathways/rhit-route/", "/pathways/b/")
    assert client.get("/pathways/b/").status_code == 200


def test_a_new_pathway_taking_an_old_slug_wins_over_the_redirect(client, shared):
    rename(shared[0], "become-an-rhit")
    newcomer = factories.PathwayFactory(slug="rhit-route", title="A different pathway")

    response = client.get("/pathways/rhit-route/")

    assert response.status_code == 200
    assert newcomer.title in response.content.decode()
    assert not SlugRedirect.objects.filter(old_slug="rhit-route").exists()


def test_old_occupation_and_credential_links_redirect(client, shared):
    _pathway, occupation, credential = shared
    rename(occupation, "hit")
    rename(Occupation.objects.get(pk=occupation.pk), "health-it")
    rename(credential, "rhit-credential")
    rename(Credential.objects.get(pk=credential.pk), "registered-hit")

    assert_moved(client, "/occupations/health-information-technician/", "/occupations/health-it/")
    assert_moved(client, "/occupations/hit/", "/occupations/health-it/")
    assert_moved(client, "/credentials/rhit/", "/credentials/registered-hit/")
    assert client.get("/occupations/health-it/").status_code == 200


def test_kinds_do_not_mix_and_unrelated_404s_stay_404s(client, shared):
    rename(shared[2], "rhit-credential")

    assert client.get("/pathways/rhit/").status_code == 404
    assert client.get("/pathways/never-existed/").status_code == 404
    assert client.get("/no/such/page/").status_code == 404


def test_a_shared_comparison_with_an_old_slug_redirects_to_the_same_comparison(client, shared):
    factories.CredentialFactory(slug="rhia", abbreviation="RHIA")
    rename(shared[2], "registered-hit")

    response = client.get("/compare/credentials/?c=rhit&c=rhia&c=nope")

    assert response.status_code == 301
    assert response["Location"] == "/compare/credentials/?c=registered-hit&c=rhia&c=nope"
    assert "Not found, so left out: “nope”" in client.get(response["Location"]).content.decode()


def test_fixture_loads_record_no_redirects(content):
    assert not SlugRedirect.objects.exists()


SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", SITEMAP_NS).text.removeprefix("http://testserver"): url.find("s:lastmod", SITEMAP_NS)
        for url in root.findall("s:url", SITEMAP_NS)
    }


def test_sitemap_lists_every_public_page_with_lastmod_and_never_drafts(client, content):
    draft = Pathway.objects.published().first()
    Pathway.objects.filter(pk=draft.pk).update(status=Pathway.Status.DRAFT)

    entries = sitemap_entries(client)

    expected = {"/", "/pathways/", "/occupations/", "/credentials/", "/organizations/", "/sources/"}
    for pathway in Pathway.objects.published().prefetch_related("steps"):
        expected.add(pathway.get_absolute_url())
        expected.update(f"{pathway.get_absolute_url()}steps/{step.position}/" for step in pathway.steps.all())
    expected.update(occupation.get_absolute_url() for occupation in Occupation.objects.published())
    expected.update(credential.get_absolute_url() for credential in Credential.objects.published())
    assert expected <= set(entries)
    assert not any(path.startswith(draft.get_absolute_url()) for path in entries)
    assert all(lastmod is not None and lastmod.text for lastmod in entries.values())
    for path in entries:
        assert client.get(path).status_code == 200, path


def test_robots_txt_disallows_the_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "User-agent: *" in body
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_admin_pages_ask_not_to_be_indexed(client):
    assert client.get("/admin/login/")["X-Robots-Tag"] == "noindex, nofollow"
