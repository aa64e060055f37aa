import pytest

from guides.forms import parse_selection
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_credentials(db):
    ahima = factories.OrganizationFactory(slug="ahima", abbreviation="AHIMA")
    rhit = factories.CredentialFactory(slug="rhit", abbreviation="RHIT", issuer=ahima)
    rhia = factories.CredentialFactory(slug="rhia", abbreviation="RHIA", issuer=ahima)
    ctr = factories.CredentialFactory(slug="ctr", abbreviation="CTR")
    issuer_page = factories.SourceFactory(slug="issuer-page", kind="official", as_of="2024", year=2024)
    factories.ExamFactory(
        credential=rhit, total_questions=150, duration_minutes=210, as_of="2024", year=2024, source=issuer_page
    )
    factories.FeeFactory(
        credential=rhit, member_amount=None, nonmember_amount=300, as_of="2024", year=2024, source=issuer_page
    )
    factories.FeeFactory(credential=rhit, kind="recertification", nonmember_amount=218, as_of="2021")
    rhit.leads_to.add(rhia)
    return rhit, rhia, ctr


def test_three_credentials_side_by_side_in_canonical_order(client, three_credentials):
    response = client.get("/compare/credentials/?c=rhit&c=rhia&c=ctr")

    html = response.content.decode()
    assert response.status_code == 200
    header = html[html.index("<thead>") : html.index("</thead>")]
    assert header.index("CTR") < header.index("RHIA") < header.index("RHIT")
    assert "150 questions in 3.5 hours" in html
    assert "<strong>$300</strong>" in html and "in 2024" in html


def test_the_fee_row_compares_exam_fees_only_and_says_when_none_is_confirmed(client, three_credentials):
    response = client.get("/compare/credentials/?c=rhit&c=rhia")

    html = response.content.decode()
    fee_row = html[html.index('<th scope="row">Exam fee</th>') :].split("</tr>", 1)[0]
    assert "$300" in fee_row and "$218" not in fee_row
    assert "current fee not confirmed by the issuer" in fee_row


def test_missing_data_reads_not_stated_never_blank_or_zero(client, three_credentials):
    html = client.get("/compare/credentials/?c=rhia&c=ctr").content.decode()

    assert html.count("not stated in the sources") >= 8
    assert "$0" not in html


def test_unknown_and_repeated_slugs_get_a_clear_message(client, three_credentials):
    response = client.get("/compare/credentials/?c=rhit&c=RHIT&c=nope&c=rhia&c=%3Cscript%3E")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Not found, so left out: “nope”, “&lt;script&gt;”" in html
    assert "Picked more than once, shown once: rhit" in html
    assert "<script>" not in html
    assert html.count('scope="col"') == 2


def test_a_single_pick_asks_for_another(client, three_credentials):
    response = client.get("/compare/credentials/?c=rhit")

    assert response.status_code == 200
    assert "Pick at least 2" in response.content.decode()
    assert 'class="compare"' not in response.content.decode()


def test_more_than_six_are_cut_to_six_with_a_message(client):
    for n in range(8):
        factories.CredentialFactory(slug=f"c{n}", abbreviation=f"C{n}")

    response = client.get("/compare/credentials/?" + "&".join(f"c=c{n}" for n in range(8)))

    html = response.content.decode()
    assert "You can compare up to 6 at a time" in html
    assert html.count('scope="col"') == 6


def test_the_picker_is_a_get_form_with_labelled_checkboxes(client, three_credentials):
    html = client.get("/compare/credentials/").content.decode()

    assert 'method="get"' in html
    assert 'name="c" value="rhit"' in html
    assert '<label for="id_c_0"' in html
    assert "csrfmiddlewaretoken" not in html


def test_occupations_compare_quick_facts_with_year_and_source(client):
    first = factories.OccupationFactory(slug="technician", title="Technician")
    second = factories.OccupationFactory(slug="manager", title="Manager")
    factories.FigureFactory(occupation=first, value=37110, as_of="May 2015")
    factories.FigureFactory(occupation=second, measure="growth", unit="percent", value=20, as_of="through 2026")

    html = client.get("/compare/occupations/?o=technician&o=manager").content.decode()

    assert "$37,110 per year" in html and "May 2015" in html
    assert "20%" in html and "through 2026" in html
    assert 'href="#ref-1"' in html


def test_pathways_compare_steps_and_totals(client, pathway):
    other = factories.PathwayFactory(slug="other-route", title="Another route")
    factories.StepFactory(pathway=other, position=1, title="Earn a certificate", cost_min=500, cost_max=900)

    html = client.get(f"/compare/pathways/?p={pathway.slug}&p=other-route").content.decode()

    assert "Earn an associate degree" in html and "Earn a certificate" in html
    assert "$500 to $900" in html


@pytest.mark.parametrize(
    "raw,expected",
    [
        (["b", "a"], ["a", "b"]),
        (["a", "a", "A "], ["a"]),
        (["", "  "], []),
        (["x" * 500], []),
    ],
)
def test_selection_is_normalised(raw, expected):
    assert parse_selection(raw, {"a", "b"})[0] == expected
