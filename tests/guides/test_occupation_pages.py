import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def occupation(db):
    occupation = factories.OccupationFactory(
        slug="hit", title="Health information technician", aliases="HIT, records tech"
    )
    old = factories.SourceFactory(slug="old-article", title="Old article", as_of="May 2008")
    factories.FigureFactory(
        occupation=occupation,
        value=30610,
        year=2008,
        as_of="May 2008",
        source=old,
        pay_p10=20440,
        pay_p25=24290,
        pay_p75=39490,
        pay_p90=50060,
    )
    factories.FigureFactory(occupation=occupation, value=37110, year=2015, as_of="May 2015")
    factories.FigureFactory(
        occupation=occupation,
        measure="growth",
        unit="percent",
        value=15,
        year=2024,
        period_start=2014,
        as_of="2014-2024",
    )
    factories.StatementFactory(occupation=occupation, topic="environment", text="Works in offices.")
    return occupation


def test_quick_facts_show_every_source_for_median_pay(client, occupation):
    html = client.get("/occupations/hit/").content.decode()

    assert "$30,610 per year" in html and "May 2008" in html
    assert "$37,110 per year" in html and "May 2015" in html
    assert "15%" in html and "2014-2024" in html
    assert "not stated in the sources" in html  # no employment figure


def test_pay_chart_is_server_drawn_svg_with_title_description_and_table(client, occupation):
    html = client.get("/occupations/hit/").content.decode()

    assert "<svg" in html and "<title" in html and "<desc" in html
    assert "Annual pay by percentile, May 2008" in html
    assert "<table" in html and "90th percentile" in html and "$50,060" in html
    assert "Median pay over the years" in html


def test_statements_group_by_topic_with_citations(client, occupation):
    html = client.get("/occupations/hit/").content.decode()

    assert "Work environment" in html
    assert "Works in offices." in html
    assert 'class="references"' in html


def test_unknown_occupation_is_404(client):
    assert client.get("/occupations/astronaut/").status_code == 404


def test_sources_page_lists_what_was_taken_from_each(client, occupation):
    html = client.get("/sources/").content.decode()

    assert "Old article" in html
    assert "What was taken from it" in html
    assert "$30,610" in html
