"""Every public page runs a fixed number of queries, however much content there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db

PAGES = {
    "home": "/",
    "pathway list": "/pathways/",
    "pathway": "/pathways/p0/",
    "step": "/pathways/p0/steps/1/",
    "pathway print": "/pathways/p0/print/",
    "pathway preview image": "/pathways/p0/preview.png",
    "step preview image": "/pathways/p0/steps/1/preview.png",
    "occupation list": "/occupations/",
    "occupation": "/occupations/o0/",
    "credential list": "/credentials/",
    "credential": "/credentials/c0/",
    "organization list": "/organizations/",
    "organization": "/organizations/cahiim/",
    "compare hub": "/compare/",
    "compare credentials": "/compare/credentials/?c=c0&c=c1",
    "compare occupations": "/compare/occupations/?o=o0&o=o1",
    "compare pathways": "/compare/pathways/?p=p0&p=p1",
    "search": "/search/?q=item",
    "sources": "/sources/",
    "sitemap": "/sitemap.xml",
}


def build_content(size):
    """`size` items of each kind (at least two, to compare); the first two carry `size` children each."""
    level = factories.EducationLevelFactory(slug="associate", name="Associate degree", rank=30)
    accreditor = factories.OrganizationFactory(slug="cahiim", abbreviation="CAHIIM", role="accreditor")
    source = factories.SourceFactory(slug="the-source")
    children = {"source": source}
    credentials = []
    for n in range(max(size, 2)):
        many = size if n < 2 else 1
        credential = factories.CredentialFactory(slug=f"c{n}", abbreviation=f"C{n}", name=f"Item credential {n}")
        for position in range(1, many + 1):
            route = factories.EligibilityRouteFactory(credential=credential, position=position, **children)
            factories.RequirementFactory(route=route, position=1, education_level=level, **children)
            factories.RequirementFactory(
                route=route, position=2, kind="program", accreditor=accreditor, detail="Accredited program", **children
            )
            factories.ExamFactory(credential=credential, as_of=str(1990 + position), **children)
            factories.FeeFactory(credential=credential, as_of=str(1990 + position), **children)
            factories.RenewalFactory(credential=credential, as_of=str(1990 + position), **children)
        if credentials:
            credential.leads_to.add(credentials[-1])
        credentials.append(credential)
    for n in range(max(size, 2)):
        many = size if n < 2 else 1
        occupation = factories.OccupationFactory(slug=f"o{n}", title=f"Item occupation {n}")
        occupation.preferred_credentials.set(credentials[:size])
        for position in range(many):
            factories.FigureFactory(
                occupation=occupation, year=1970 + position, as_of=str(1970 + position), pay_p10=1000, **children
            )
            factories.FigureFactory(occupation=occupation, measure="growth", unit="percent", value=5, **children)
            factories.StatementFactory(occupation=occupation, position=position, **children)
            factories.EntryEducationFactory(occupation=occupation, education_level=level, **children)
        pathway = factories.PathwayFactory(slug=f"p{n}", title=f"Item pathway {n}", occupation=occupation, **children)
        for position in range(1, many + 1):
            factories.StepFactory(
                pathway=pathway,
                position=position,
                requires_education=level,
                awards_credential=credentials[0],
                cost_min=10,
                cost_max=20,
                **children,
            )
            factories.PathwayNoteFactory(pathway=pathway, position=position, **children)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("size", [1, 50])
def test_public_pages_run_a_small_fixed_number_of_queries(client, size):
    build_content(size)

    counts = {name: count_queries(client, url) for name, url in PAGES.items()}

    for name, count in counts.items():
        assert count == EXPECTED[name], f"{name}: {count} queries with {size} items, expected {EXPECTED[name]}"


# Measured with this content and fixed: a page that starts querying per row breaks these at 50 items.
# Related reviewable content (a pathway's occupation, a step's credentials) is prefetched published-only,
# one query per relation, rather than joined: a draft must come back as None, never as a join's row.
EXPECTED = {
    "home": 11,  # pathways with their steps (time and cost), jobs with pay, credentials with fees
    "pathway list": 4,  # + steps, for what each pathway starts with, takes and awards
    "pathway": 8,
    "step": 5,
    "pathway print": 5,
    "pathway preview image": 2,
    "step preview image": 2,
    "occupation list": 3,
    "occupation": 8,
    "credential list": 10,  # each card: eligibility routes, the current exam fee, what it leads to
    "credential": 12,  # + education levels and recommended preparation for the eligibility check (planner)
    "organization list": 1,
    "organization": 3,
    "compare hub": 3,
    # One of these is the look-up for renamed slugs in a comparison shared before a rename.
    "compare credentials": 14,  # + the jobs' pay figures and entry education (what their answers are built from)
    "compare occupations": 5,
    "compare pathways": 7,
    "search": 13,  # every kind of page, with what the answers in results are built from (fees, pay, steps)
    "sources": 14,  # one query per kind of cited fact (recommended preparation is the newest)
    "sitemap": 16,
}
