"""What every public page shows: no leftovers of how the content was made, no raw Markdown, metadata
escaped once. The pages are found the way a visitor finds them (tests/public_pages.py)."""

import re
from html import unescape

import pytest
from django.test import Client

from credentials.models import Credential
from guides.models import Occupation, Pathway, PathwayNote, Step
from tests.conftest import content_meanwhile
from tests.public_pages import html_pages, meta_texts, public_pages, visible_text

pytestmark = pytest.mark.django_db

LEFTOVERS = {
    "a source file's name": re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b|seeds/|credentials\.md"),
    "the word seed": re.compile(r"\b[Ss]eeds?\b"),
    "the reference document": re.compile(r"\b[Rr]eference\b"),
    "a test or QA copy": re.compile(r"\btest copy\b|\bQA copy\b", re.IGNORECASE),
    "a note about how a date was read": re.compile(r"through 2026 projections|\[post-|\[older\]|\[uses|\[pre-"),
    "a long raw decimal": re.compile(r"\d+\.\d{3,}"),
}
RAW_MARKDOWN = {
    "bold or italic marks": re.compile(r"\*\*|__|(?<![\w*])\*(?=\w)[^*\n]+\*(?!\w)"),
    "a Markdown link": re.compile(r"\]\((?:https?://|/)"),
    "a Markdown heading": re.compile(r"(?m)^\s*#{1,6} \w"),
}
EXTRA = [
    "/search/?q=rhit",
    "/search/?q=salary",
    "/planner/?education=associate&accredited=cahiim&target=credential-rhit",
]


def plant_markdown():
    """Advisors write Markdown in summaries, bodies, notes and descriptions: plant some everywhere it is allowed."""
    marked = "**Start here**, _then_ read [the guide](https://www.example.org/guide) & ask."
    Pathway.objects.update(summary=marked)
    Occupation.objects.update(summary=marked)
    Credential.objects.update(certifies=marked)
    Step.objects.filter(position=1).update(body=marked)
    PathwayNote.objects.update(text=marked)


@pytest.fixture(scope="module")
def pages(content_snapshot, django_db_blocker):
    """Every public page, with Markdown planted wherever advisors write it; crawled once for this module's
    checks, which only read the pages (the content goes again when the crawl is done)."""
    with content_meanwhile(content_snapshot, django_db_blocker):
        plant_markdown()
        return html_pages(public_pages(Client(), extra=EXTRA))


def test_the_crawl_reaches_every_kind_of_public_page(pages):
    expected = [
        "/",
        "/pathways/rhit-in-four-steps/",
        "/pathways/rhit-in-four-steps/steps/4/",
        "/pathways/rhit-in-four-steps/print/",
        "/occupations/medical-records-and-health-information-technician/",
        "/credentials/ctr/",
        "/organizations/ncra/",
        "/sources/",
        "/how-current/",
    ]
    assert [path for path in expected if path not in pages] == []
    assert len(pages) > 40


def test_no_public_page_shows_a_leftover(pages):
    found = [
        f"{path}: {name} ({match.group(0)!r})"
        for path, html in pages.items()
        for name, pattern in LEFTOVERS.items()
        for match in [pattern.search(visible_text(html))]
        if match
    ]
    assert found == [], "\n".join(found)


def test_no_public_page_shows_raw_markdown(pages):
    found = [
        f"{path}: {name} ({match.group(0)!r})"
        for path, html in pages.items()
        for text in [visible_text(html), *map(unescape, meta_texts(html))]
        for name, pattern in RAW_MARKDOWN.items()
        for match in [pattern.search(text)]
        if match
    ]
    assert found == [], "\n".join(found)


def test_page_metadata_is_escaped_exactly_once(pages):
    html = pages["/pathways/rhit-in-four-steps/"]
    values = meta_texts(html)

    assert values and all("&amp;amp;" not in value and "&amp;#" not in value for value in values)
    description = dict(re.findall(r'<meta property="(og:description)" content="([^"]*)"', html))["og:description"]
    assert unescape(description).startswith("Start here, then read the guide & ask.")


def test_every_source_on_the_sources_page_has_something_taken_from_it(pages):
    assert "Nothing yet." not in pages["/sources/"]
