"""Verdicts and questions rendered once are kept and shown again (as production runs, with the page cache on), but
only where they say exactly the same: every answer page is the page rendered afresh, whoever asked before."""

import random
import re

import pytest
from django.core.cache import caches

from delivery import pages
from editorial import version

# What a student may answer, question by question ("" leaves a question out).
ANSWERS = {
    "education": ["", "none", "high-school", "postsecondary-certificate", "associate", "bachelor", "unknown"],
    "field": ["", "health-information", "health", "other", "unknown"],
    "program": ["", "none", "postsecondary-certificate", "associate", "bachelor", "master", "unknown"],
    "accredited": ["", "cahiim", "ncra", "neither", "unknown"],
    "stage": ["", "studying", "final-term", "finished", "unknown"],
    "experience": ["", "none", "privacy-security", "coding", "cancer-registry", "health-information", "other"],
    "years": ["", "0.5", "2", "4", "6", "lots"],
    "practicum": ["", "159", "160", "x"],
}
HELD = ["ccs", "ccs-p", "chps", "ctr", "rhia", "rhit"]
TARGETS = ["", "credential-rhit", "credential-rhia", "credential-ctr", "credential-ccs", "credential-chps"]
TARGETS += ["occupation-medical-records-and-health-information-technician", "occupation-pharmacy-technician"]


def profiles(count, seed):
    chance = random.Random(seed)
    for _ in range(count):
        pairs = [(name, chance.choice(values)) for name, values in ANSWERS.items()]
        pairs += [("held", slug) for slug in HELD if chance.random() < 0.2]
        pairs += [("course", "anatomy-and-physiology")] if chance.random() < 0.3 else []
        pairs.append(("target", chance.choice(TARGETS)))
        yield "&".join(f"{name}={value}" for name, value in pairs if value)


ADDRESSES = [f"/planner/?{query}" for query in profiles(36, seed=13)]
ADDRESSES += [f"/credentials/{slug}/?{query}" for slug, query in zip(HELD, profiles(12, seed=14), strict=False)]


def rendered(client, address):
    response = client.get(address, follow=True)  # links in an older form are sent on to today's
    assert response.status_code == 200, address
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def fresh_pages(client, content, settings):
    """Every address rendered with nothing kept (PAGE_CACHE off: no fragments, no memoized content)."""
    settings.PAGE_CACHE = False
    return {address: rendered(client, address) for address in ADDRESSES}


def test_kept_verdicts_and_questions_never_change_an_answer_page(client, settings, fresh_pages):
    settings.PAGE_CACHE = True
    version.bump()
    pages.local.clear()

    # Twice each, in a shuffled order: the first time with whatever earlier answers left, the second with every
    # fragment of its own kept (the page cache stores a query's page on its second request, so both are rendered).
    order = ADDRESSES * 2
    random.Random(7).shuffle(order)
    differing = [address for address in order if rendered(client, address) != fresh_pages[address]]

    assert differing == []
    kept = caches["template_fragments"]
    assert len(kept) > 50  # fragments were kept and reused, not merely rendered afresh each time


def test_a_hostile_answer_kept_as_a_fragment_stays_escaped_and_reaches_nobody_else(client, content, settings):
    settings.PAGE_CACHE = True
    version.bump()
    script = "<script>alert(1)</script>"
    hostile = [rendered(client, f"/planner/?field={script}&n={n}") for n in range(2)]  # the second reuses a fragment
    another_student = rendered(client, "/planner/?field=health&n=3")

    for page in hostile:
        assert script not in page
        assert "“&lt;script&gt;alert(1)&lt;/script&gt;” is not one of the fields listed." in page
    assert "alert(1)" not in another_student
    assert '<option value="health" selected>' in another_student
