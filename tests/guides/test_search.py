import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def searchable(db):
    factories.OccupationFactory(
        slug="medical-records-technician",
        title="Medical records and health information technician",
        aliases="medical records technician, health information technician",
    )
    factories.CredentialFactory(slug="rhit", abbreviation="RHIT", name="Registered Health Information Technician")
    factories.CredentialFactory(
        slug="ctr", abbreviation="CTR", name="Certified Tumor Registrar", other_names="ODS, tumor registrar"
    )


@pytest.mark.parametrize(
    "query,first",
    [
        ("medical records technician", "Medical records and health information technician"),
        ("tumor registrar", "CTR: Certified Tumor Registrar"),
        ("rhit", "RHIT: Registered Health Information Technician"),
        ("RHIT", "RHIT: Registered Health Information Technician"),
    ],
)
def test_aliases_and_abbreviations_rank_first(client, searchable, query, first):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert response.context["results"].items[0].title == first


@pytest.mark.parametrize("query", ["", "   ", "%%%", "'; DROP TABLE x; --", "a" * 5000, "\x00", "<script>"])
def test_empty_or_junk_queries_are_answered_calmly(client, searchable, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</header>", 1)[1]


def test_no_results_says_so(client, searchable):
    response = client.get("/search/", {"q": "astronaut"})

    assert "Nothing matches “astronaut”" in response.content.decode()


def test_steps_are_found_and_link_to_their_anchor(client, pathway):
    response = client.get("/search/", {"q": "associate degree"})

    assert f"{pathway.get_absolute_url()}#step-1" in response.content.decode()
