import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctr(db):
    ncra = factories.OrganizationFactory(
        slug="ncra", abbreviation="NCRA", name="National Cancer Registrars Association"
    )
    associate = factories.EducationLevelFactory(slug="associate", name="Associate degree", rank=30)
    ctr = factories.CredentialFactory(
        slug="ctr", abbreviation="CTR", issuer=ncra, renamed_to="Oncology Data Specialist (ODS)", renamed_year=2024
    )
    a1 = factories.EligibilityRouteFactory(credential=ctr, position=1, name="Route A1")
    factories.RequirementFactory(route=a1, position=1, education_level=associate, detail="An associate degree")
    factories.RequirementFactory(
        route=a1, position=2, kind="program", accreditor=ncra, detail="An NCRA-accredited degree program"
    )
    b = factories.EligibilityRouteFactory(credential=ctr, position=2, name="Route B")
    factories.RequirementFactory(
        route=b, position=1, kind="experience", experience_hours=1950, detail="1,950 hours in a cancer registry"
    )
    factories.ExamFactory(credential=ctr, total_questions=None, questions_max=225, as_of="older NCRA page")
    factories.FeeFactory(credential=ctr, member_amount=335, nonmember_amount=435, as_of="2024")
    factories.RenewalFactory(credential=ctr, cycle_years=2, ce_required=20, ce_unit="hour", requires_exam=None)
    return ctr


def test_routes_read_as_a_checklist_of_alternatives(client, ctr):
    html = client.get("/credentials/ctr/").content.decode()

    assert "any one" in html
    assert html.index("Route A1") < html.index("Route B")
    assert '<ul class="checklist">' in html
    assert "1,950 hours in a cancer registry" in html
    assert "accredited by" in html


def test_exam_fees_and_renewal_show_with_as_of_dates(client, ctr):
    html = client.get("/credentials/ctr/").content.decode()

    assert "at most 225" in html
    assert "$335" in html and "$435" in html and "2024" in html
    assert "20 hours of continuing education per cycle" in html
    assert "Oncology Data Specialist (ODS)" in html


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
