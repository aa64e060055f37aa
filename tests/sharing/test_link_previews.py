"""Every page type carries a title, description, canonical link, Open Graph and Twitter card tags."""

import io
import json
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from PIL import Image

from guides.models import Pathway
from sharing import images
from tests import factories

pytestmark = pytest.mark.django_db

PAGES = {
    "home": "/",
    "pathway list": "/pathways/",
    "pathway": "/pathways/rhit-route/",
    "step": "/pathways/rhit-route/steps/2/",
    "print": "/pathways/rhit-route/print/",
    "occupation list": "/occupations/",
    "occupation": "/occupations/health-information-technician/",
    "credential list": "/credentials/",
    "credential": "/credentials/rhit/",
    "compare credentials": "/compare/credentials/?c=rhit",
    "compare pathways": "/compare/pathways/",
    "search": "/search/?q=rhit",
    "sources": "/sources/",
}


@pytest.mark.parametrize("name", PAGES)
def test_every_page_type_has_the_tags_a_link_preview_needs(client, shared, parse, name):
    response = client.get(PAGES[name])

    assert response.status_code == 200
    tags = parse(response)
    canonical = tags.links["canonical"]
    assert canonical.startswith("http://testserver/")
    assert tags.meta["og:url"] == canonical
    for key in ("og:title", "og:description", "twitter:title", "twitter:description", "description"):
        assert tags.meta[key].strip(), key
    assert tags.meta["og:title"] == tags.meta["twitter:title"]
    assert tags.meta["twitter:card"] == "summary_large_image"
    assert tags.meta["og:image"].startswith("http://testserver/")
    assert tags.meta["og:image"].split("?")[0].endswith(".png")
    assert (tags.meta["og:image:width"], tags.meta["og:image:height"]) == ("1200", "630")
    assert tags.meta["twitter:image"] == tags.meta["og:image"]


def test_pathway_and_step_pages_name_their_own_address_and_image(client, shared, parse):
    pathway_tags = parse(client.get("/pathways/rhit-route/?utm_source=chat"))
    step_tags = parse(client.get("/pathways/rhit-route/steps/2/"))

    assert pathway_tags.links["canonical"] == "http://testserver/pathways/rhit-route/"
    assert pathway_tags.meta["og:title"] == "Become an RHIT"
    assert pathway_tags.meta["og:image"].startswith("http://testserver/pathways/rhit-route/preview.png?v=")
    assert step_tags.links["canonical"] == "http://testserver/pathways/rhit-route/steps/2/"
    assert step_tags.meta["og:title"] == "Step 2 of 3: Pass the RHIT exam (Become an RHIT)"
    assert step_tags.meta["og:image"].startswith("http://testserver/pathways/rhit-route/steps/2/preview.png?v=")


def test_occupation_and_credential_pages_describe_themselves(client, shared, parse):
    occupation = parse(client.get("/occupations/health-information-technician/"))
    credential = parse(client.get("/credentials/rhit/"))

    assert occupation.meta["og:title"] == "Health information technician"
    assert occupation.links["canonical"] == "http://testserver/occupations/health-information-technician/"
    assert credential.meta["og:title"] == "RHIT: Registered Health Information Technician"
    assert "RHIT" in credential.meta["og:description"]


def test_comparison_names_its_canonical_form_and_still_shows_what_was_dropped(client, shared, parse):
    factories.CredentialFactory(slug="rhia", abbreviation="RHIA")
    factories.CredentialFactory(slug="ctr", abbreviation="CTR")

    response = client.get("/compare/credentials/?c=rhit&c=CTR&c=rhia&c=rhit&c=nope&utm_source=mail")

    html = response.content.decode()
    assert response.status_code == 200
    canonical = "http://testserver/compare/credentials/?c=ctr&c=rhia&c=rhit"
    assert parse(response).links["canonical"] == canonical
    assert "Not found, so left out: “nope”" in html
    assert "Picked more than once, shown once: rhit" in html
    share = next(field for field in parse(response).inputs if field.get("id") == "share-url")
    assert share["value"] == canonical


def test_share_panel_offers_a_plain_link_an_email_and_a_qr_code(client, shared, parse):
    response = client.get("/pathways/rhit-route/steps/2/")

    html = response.content.decode()
    share = next(field for field in parse(response).inputs if field.get("id") == "share-url")
    assert share["value"] == "http://testserver/pathways/rhit-route/steps/2/"
    assert "readonly" in share
    assert 'data-copy-target="share-url"' in html and "hidden>Copy link" in html
    assert "mailto:?subject=" in html and "http%3A%2F%2Ftestserver%2Fpathways%2Frhit-route%2Fsteps%2F2%2F" in html
    qr = html[html.index('<figure class="qr">') :]
    assert '<svg role="img" aria-label="QR code' in qr and "<title>QR code" in qr
    assert 'href="/pathways/rhit-route/print/"' in html


def test_pathway_page_links_each_step_to_its_own_page_and_keeps_the_anchor(client, shared):
    html = client.get("/pathways/rhit-route/").content.decode()

    for n in (1, 2, 3):
        assert f'href="/pathways/rhit-route/steps/{n}/"' in html
        assert f'href="#step-{n}"' in html
    assert "PUBLIC CHANGE LOG" not in html  # the reserved place is a template comment
    assert "reviewed by an advisor" in html


def test_step_page_shows_the_step_inside_its_pathway(client, shared):
    html = client.get("/pathways/rhit-route/steps/2/").content.decode()

    assert "<h1>Pass the RHIT exam</h1>" in html
    assert "Step 2 of 3 in" in html and "Become an RHIT" in html
    assert html.count('aria-current="step"') == 1
    current = html.index('aria-current="step"')
    assert html.index("Earn an associate degree", html.index("overview-heading")) < current
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert "Body of step 2." in html and "$200 to $400" in html
    assert "The source&#x27;s sentence for step 2." in html


@pytest.mark.parametrize("path", ["steps/4/", "steps/0/", "steps/two/", "steps/-1/", "steps/2/extra/"])
def test_unknown_or_malformed_step_numbers_are_404s(client, shared, path):
    assert client.get(f"/pathways/rhit-route/{path}").status_code == 404


def test_draft_step_and_print_pages_are_404_for_visitors_and_uncached_previews_for_staff(client, shared):
    pathway = shared[0]
    Pathway.objects.filter(pk=pathway.pk).update(status=Pathway.Status.DRAFT)
    urls = ["/pathways/rhit-route/steps/1/", "/pathways/rhit-route/print/", "/pathways/rhit-route/preview.png"]

    assert [client.get(url).status_code for url in urls] == [404, 404, 404]

    client.force_login(get_user_model().objects.create_user("advisor", is_staff=True))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        assert "no-cache" in response["Cache-Control"]


def json_ld(parse, response):
    return [json.loads(block) for block in parse(response).json_ld]


def test_pathway_structured_data_is_a_howto_with_every_step(client, shared, parse):
    (data,) = json_ld(parse, client.get("/pathways/rhit-route/"))

    assert data["@context"] == "https://schema.org" and data["@type"] == "HowTo"
    assert data["name"] == "Become an RHIT"
    assert [step["name"] for step in data["step"]] == ["Earn an associate degree", "Pass the RHIT exam", "Find a job"]
    assert data["step"][1]["url"] == "http://testserver/pathways/rhit-route/steps/2/"
    assert data["estimatedCost"] == {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "minValue": "600.00",
        "maxValue": "1200.00",
    }


def test_occupation_structured_data_has_salary_education_and_category(client, shared, parse):
    (data,) = json_ld(parse, client.get("/occupations/health-information-technician/"))

    assert data["@type"] == "Occupation"
    assert data["occupationalCategory"] == "29-2071"
    assert data["estimatedSalary"]["median"] == "37110.00"
    assert data["estimatedSalary"]["percentile10"] == "24000.00"
    assert data["estimatedSalary"]["currency"] == "USD"
    assert data["educationRequirements"]["credentialCategory"] == "Postsecondary nondegree award"


def test_structured_data_never_gives_an_unconfirmed_figure_as_the_salary(client, shared, parse):
    occupation = shared[1]
    occupation.figures.update(source=factories.SourceFactory(slug="an-article"))

    (data,) = json_ld(parse, client.get("/occupations/health-information-technician/"))

    assert "estimatedSalary" not in data


def test_credential_structured_data(client, shared, parse):
    (data,) = json_ld(parse, client.get("/credentials/rhit/"))

    assert data["@type"] == "EducationalOccupationalCredential"
    assert data["alternateName"] == "RHIT"
    assert data["name"] == "Registered Health Information Technician"
    assert data["recognizedBy"]["@type"] == "Organization"


def test_content_cannot_break_out_of_the_json_ld_script(client, shared, parse):
    Pathway.objects.filter(slug="rhit-route").update(title="RHIT </script><script>alert(1)</script> & <!-- more")

    response = client.get("/pathways/rhit-route/")

    html = response.content.decode()
    assert "</script><script>alert(1)" not in html
    (data,) = json_ld(parse, response)
    assert data["name"] == "RHIT </script><script>alert(1)</script> & <!-- more"


def open_png(response):
    assert response["Content-Type"] == "image/png"
    return Image.open(io.BytesIO(response.content))


@pytest.mark.parametrize(
    "url", ["/pathways/rhit-route/preview.png", "/pathways/rhit-route/steps/2/preview.png", "/preview.png"]
)
def test_preview_images_are_1200_by_630_pngs_with_cache_headers(client, shared, url):
    response = client.get(url)

    assert response.status_code == 200
    image = open_png(response)
    assert (image.format, image.size) == ("PNG", (1200, 630))
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]


def test_step_image_highlights_its_step_and_differs_from_the_pathway_image(client, shared):
    pathway_png = client.get("/pathways/rhit-route/preview.png").content
    step_png = client.get("/pathways/rhit-route/steps/2/preview.png").content

    assert pathway_png != step_png
    assert client.get("/pathways/rhit-route/steps/9/preview.png").status_code == 404


def test_preview_images_are_drawn_once_then_served_from_the_cache_until_content_changes(client, shared):
    cache.clear()
    with mock.patch.object(images, "draw_card", wraps=images.draw_card) as draw:
        client.get("/pathways/rhit-route/preview.png")
        client.get("/pathways/rhit-route/preview.png")
        assert draw.call_count == 1
        shared[0].steps.filter(position=3).update(title="Find your first job")
        client.get("/pathways/rhit-route/preview.png")
        assert draw.call_count == 2


def test_preview_images_render_without_system_fonts(client, shared):
    images.font.cache_clear()
    with mock.patch.dict(images.FONT_FILES, {False: ["/nonexistent.ttf"], True: ["/nonexistent-bold.ttf"]}):
        png = images.draw_card(
            kicker="Step 1 of 9",
            title="A very long title " * 10,
            steps=[(n, f"Step {n}") for n in range(1, 10)],
            highlight=8,
        )
    images.font.cache_clear()
    assert Image.open(io.BytesIO(png)).size == (1200, 630)
