"""The planner page and the credential page's short eligibility check."""

from html import escape
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

CTR_B = "education=associate&course=anatomy-and-physiology&hours=1950"


def text(response):
    return response.content.decode()


def test_without_answers_the_page_shows_only_the_form(client, content):
    response = client.get("/planner/")

    assert response.status_code == 200
    assert "Highest education you have completed" in text(response)
    assert "Your eligibility" not in text(response)


def test_answers_give_a_verdict_for_every_credential(client, content):
    response = client.get(f"/planner/?{CTR_B}")

    page = text(response)
    assert response.status_code == 200
    assert "Eligible now through Route B: degree and cancer registry experience" in page
    assert "still missing" in page
    for slug in ("rhit", "rhia", "ccs", "ccs-p", "chps", "ctr"):
        assert f'id="verdict-{slug}"' in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("years=abc", "Enter a number."),
        ("years=-1", "greater than or equal to 0"),
        ("years=61", "less than or equal to 60"),
        ("years=NaN", "Enter a number."),
        ("hours=100001", "less than or equal to 100000"),
        ("hours=1e9", "Enter a whole number."),
        ("practicum=12.5", "Enter a whole number."),
        ("education=phd", "“phd” is not one of the education levels listed."),
        ("held=rhit&held=xyz", "“xyz” is not one of the credentials listed."),
        ("accredited=acme&program=degree", "“acme” is not one of the accreditors listed."),
        ("course=basket-weaving", "“basket-weaving” is not one of the courses listed."),
        ("target=credential-nope", "“credential-nope” is not one of the credentials or occupations listed."),
        ("accredited=ncra", "Say whether your accredited program was a degree or a certificate program."),
        ("program=degree", "Choose who accredited your program"),
    ],
)
def test_nonsense_input_gets_a_clear_error_not_a_500(client, content, query, message):
    response = client.get(f"/planner/?{query}")

    assert response.status_code == 200
    assert message in text(response)
    assert "Some answers need fixing" in text(response)
    assert "Your eligibility" not in text(response)


def test_the_share_link_carries_the_answers_and_round_trips(client, content):
    query = "hours=1950&course=anatomy-and-physiology&education=associate&years=2.5&target=credential-ctr"
    response = client.get(f"/planner/?{query}")
    share_url = response.context["share_url"]

    again = client.get(urlsplit(share_url).path + "?" + urlsplit(share_url).query)

    assert urlsplit(share_url).query == (
        "education=associate&years=2.5&hours=1950&course=anatomy-and-physiology&target=credential-ctr"
    )
    assert again.context["share_url"] == share_url
    assert [a.verdict for a in again.context["assessments"]] == [a.verdict for a in response.context["assessments"]]
    assert f'value="{escape(share_url)}"' in text(again)


def test_nothing_is_stored(client, content):
    models = apps.get_models()
    before = {model: model.objects.count() for model in models}

    client.get(f"/planner/?{CTR_B}&target=occupation-medical-records-and-health-information-technician")
    client.get(f"/credentials/ctr/?{CTR_B}")

    assert {model: model.objects.count() for model in models} == before
    assert not client.cookies


def test_a_credential_target_lists_routes_with_time_cost_and_jobs(client, content):
    response = client.get("/planner/?education=high-school&target=credential-rhia")

    page = text(response)
    assert "Routes to" in page
    assert "Through RHIT, then RHIA" in page
    assert "Medical records and health information technician" in page  # a job along the way
    assert "not stated in the sources" in page
    assert '<svg viewBox="0 0 640' in page and 'role="img"' in page
    assert "$0" not in page


def test_an_occupation_target_lists_its_pathways(client, content):
    target = "occupation-medical-records-and-health-information-technician"
    response = client.get(f"/planner/?education=high-school&target={target}")

    page = text(response)
    assert "Pathway: Become a registered health information technician (RHIT) in four steps" in page
    assert "Through the RHIT credential" in page


def test_the_credential_page_checks_eligibility_inline(client, content):
    response = client.get(f"/credentials/ctr/?{CTR_B}")

    page = text(response)
    assert response.status_code == 200
    assert "Check your eligibility for CTR" in page
    assert "Eligible now through Route B" in page
    expected = "/planner/?education=associate&hours=1950&course=anatomy-and-physiology&target=credential-ctr"
    assert escape(expected) in page


def test_the_credential_page_asks_only_what_its_routes_need(client, content):
    page = text(client.get("/credentials/ccs/"))

    assert 'name="education"' in page
    assert 'name="years"' not in page and 'name="accredited"' not in page


def test_the_credential_page_shows_errors_for_nonsense(client, content):
    response = client.get("/credentials/chps/?years=lots")

    assert response.status_code == 200
    assert "Enter a number." in text(response)


def build(size):
    level = factories.EducationLevelFactory(slug="associate", rank=30)
    accreditor = factories.OrganizationFactory(slug="cahiim", abbreviation="CAHIIM", role="accreditor")
    previous = None
    for n in range(size):
        credential = factories.CredentialFactory(slug=f"c{n}", abbreviation=f"C{n}")
        for position in (1, 2):
            route = factories.EligibilityRouteFactory(credential=credential, position=position)
            factories.RequirementFactory(route=route, position=1, education_level=level)
            factories.RequirementFactory(route=route, position=2, kind="program", accreditor=accreditor)
            factories.FeeFactory(credential=credential)
        if previous:
            credential.leads_to.add(previous)
        previous = credential
        occupation = factories.OccupationFactory(slug=f"o{n}")
        occupation.preferred_credentials.add(credential)
        factories.EntryEducationFactory(occupation=occupation, education_level=level)
        pathway = factories.PathwayFactory(slug=f"p{n}", occupation=occupation)
        for position in (1, 2):
            factories.StepFactory(pathway=pathway, position=position, awards_education=level, duration_min_months=24)


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 30])
def test_query_counts_stay_flat_as_content_grows(client, size):
    build(size)
    answers = "education=associate&accredited=cahiim&program=degree"

    assert count(client, "/planner/") == 13
    assert count(client, f"/planner/?{answers}") == 13
    # Pathway steps come with their credentials' current answers (exams, fees, renewals) and the job's figures.
    assert count(client, f"/planner/?{answers}&target=credential-c1") == 19
    assert count(client, f"/planner/?{answers}&target=occupation-o1") == 19
    assert count(client, f"/credentials/c1/?{answers}") == count(client, "/credentials/c1/")
