"""A credential page answers first: who can sit it, the exam, today's fee and how to keep it, each dated."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctr(db):
    ncra = factories.OrganizationFactory(
        slug="ncra", abbreviation="NCRA", name="National Cancer Registrars Association"
    )
    official = factories.OfficialSourceFactory(slug="ncra-2024", title="NCRA exam page", publisher="NCRA")
    older = factories.OfficialSourceFactory(slug="ctrexam", title="Older NCRA exam site", publisher="NCRA")
    associate = factories.EducationLevelFactory(slug="associate", name="Associate degree", rank=30)
    ctr = factories.CredentialFactory(
        slug="ctr",
        abbreviation="CTR",
        issuer=ncra,
        renamed_to="Oncology Data Specialist (ODS)",
        renamed_year=2024,
        renamed_source=official,
        renamed_quote="ODS is the new name.",
        eligibility_summary="An associate degree plus an NCRA-accredited program, or registry experience.",
    )
    a1 = factories.EligibilityRouteFactory(credential=ctr, position=1, name="Route A1", source=older)
    factories.RequirementFactory(route=a1, position=1, education_level=associate, detail="An associate degree")
    factories.RequirementFactory(
        route=a1, position=2, kind="program", accreditor=ncra, detail="An NCRA-accredited degree program"
    )
    b = factories.EligibilityRouteFactory(credential=ctr, position=2, name="Route B", source=older)
    factories.RequirementFactory(
        route=b, position=1, kind="experience", experience_hours=1950, detail="1,950 hours in a cancer registry"
    )
    factories.ExamFactory(
        credential=ctr, total_questions=None, duration_minutes=None, questions_max=225, as_of="older", source=older
    )
    factories.ExamFactory(
        credential=ctr, total_questions=None, duration_minutes=None, question_format="", delivery="Remote option",
        year=2024, as_of="2024", source=official,
    )  # fmt: skip
    factories.FeeFactory(credential=ctr, member_amount=335, nonmember_amount=435, year=2024, source=official)
    factories.FeeFactory(
        credential=ctr, member_amount=315, nonmember_amount=415, year=2019, as_of="2019", source=official
    )
    factories.RenewalFactory(
        credential=ctr, cycle_years=2, ce_required=20, ce_unit="hour", requires_exam=None, year=2024, source=official
    )
    return ctr


def page(client):
    return client.get("/credentials/ctr/").content.decode()


def test_quick_facts_give_todays_exam_fee_renewal_and_eligibility(client, ctr):
    html = page(client)
    facts = html[html.index('id="facts-heading"') : html.index('id="eligibility"')]

    assert "An associate degree plus an NCRA-accredited program" in facts
    assert "$335 for members, $435 for non-members" in facts and "(2024" in facts
    assert "$315" not in facts
    assert "20 hours of continuing education every 2 years" in facts
    assert "Remote option" in facts
    assert "Not confirmed by the issuer" in facts  # the only question count is an undated older page


def test_older_and_unconfirmed_versions_are_one_click_away(client, ctr):
    html = page(client)
    versions = html[html.index('id="versions"') :]

    assert "$315 for members, $415 for non-members" in versions and "older" in versions
    assert "at most 225 questions" in versions


def test_routes_read_as_a_checklist_of_alternatives(client, ctr):
    html = page(client)

    assert "any one" in html
    assert html.index("Route A1") < html.index("Route B")
    assert '<ul class="checklist">' in html
    assert "1,950 hours in a cancer registry" in html
    assert "accredited by" in html


def test_the_new_name_is_cited(client, ctr):
    html = page(client)
    callout = html[html.index("<strong>New name:</strong>") :]

    assert "Oncology Data Specialist (ODS)" in callout
    assert callout.index('<sup class="cite">') < callout.index("</p>")


def test_unknown_credential_is_404(client):
    assert client.get("/credentials/xyz/").status_code == 404


def test_organization_page_lists_what_it_issues_and_accredits(client, ctr):
    html = client.get("/organizations/ncra/").content.decode()

    assert "National Cancer Registrars Association" in html
    assert html.count("/credentials/ctr/") >= 2


def test_credential_list_links_every_credential(client, ctr, credential):
    html = client.get("/credentials/").content.decode()

    assert "/credentials/ctr/" in html and "/credentials/rhit/" in html


def test_draft_credential_is_404_for_visitors_and_previewed_uncached_by_staff(client, ctr, django_user_model):
    ctr.status = "draft"
    ctr.save()
    assert client.get("/credentials/ctr/").status_code == 404
    assert "/credentials/ctr/" not in client.get("/credentials/").content.decode()

    client.force_login(django_user_model.objects.create_user("advisor", password="x", is_staff=True))
    response = client.get("/credentials/ctr/")

    assert response.status_code == 200
    assert "visitors cannot see it yet" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_credential_cards_state_eligibility_as_the_issuer_does(client, content):
    html = client.get("/credentials/").content.decode()
    ccs = html[html.index('href="/credentials/ccs/"') :].split("</li>", 1)[0]

    assert "A high school diploma. AHIMA recommends, but does not require, coding coursework" in ccs
    assert "GED" not in ccs  # AHIMA asks for a high school diploma; the GED is CHPS's wording, not CCS's
