"""Jobs, credentials and comparisons preview as themselves in chat apps, and have a share panel."""

import io

import pytest
from PIL import Image

pytestmark = pytest.mark.django_db

PAGES = {
    "/occupations/medical-records-and-health-information-technician/": (
        "/occupations/medical-records-and-health-information-technician/preview.png?v="
    ),
    "/credentials/rhit/": "/credentials/rhit/preview.png?v=",
    "/compare/credentials/?c=rhit&c=ccs": "/compare/credentials/preview.png?c=ccs&c=rhit",
    "/compare/occupations/?o=pharmacy-technician&o=information-clerk": (
        "/compare/occupations/preview.png?o=information-clerk&o=pharmacy-technician"
    ),
}


@pytest.mark.parametrize("path,image", PAGES.items())
def test_page_names_its_own_1200_by_630_preview_image(client, content, parse, path, image):
    meta = parse(client.get(path)).meta

    assert image in meta["og:image"]
    assert meta["og:image:width"] == "1200" and meta["og:image:height"] == "630"
    response = client.get(meta["og:image"].split("testserver", 1)[1])
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/occupations/pharmacy-technician/", "/credentials/ctr/"])
def test_jobs_and_credentials_have_a_share_panel_with_their_own_address(client, content, parse, path):
    response = client.get(path)

    share = next(field for field in parse(response).inputs if field.get("id") == "share-url")
    assert share["value"] == f"http://testserver{path}"
    assert "Scan to open this" in response.content.decode()


def test_the_preview_image_changes_with_what_it_shows(client, content):
    before = client.get("/credentials/ctr/preview.png").content
    from credentials.models import Fee

    Fee.objects.filter(credential__slug="ctr", as_of="2024").update(nonmember_amount=499)

    assert client.get("/credentials/ctr/preview.png").content != before


@pytest.mark.parametrize(
    "path",
    [
        "/credentials/nope/preview.png",
        "/occupations/nope/preview.png",
        "/compare/credentials/preview.png",
        "/compare/credentials/preview.png?c=nope",
        "/compare/spaceships/preview.png?c=rhit",
    ],
)
def test_unknown_previews_are_404s(client, content, path):
    assert client.get(path).status_code == 404


def test_draft_credential_preview_is_a_404_for_visitors(client, content):
    from credentials.models import Credential

    Credential.objects.filter(slug="chps").update(status="draft")

    assert client.get("/credentials/chps/preview.png").status_code == 404
    assert client.get("/compare/credentials/preview.png?c=chps").status_code == 404
