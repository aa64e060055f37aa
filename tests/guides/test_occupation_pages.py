"""The occupation page answers first: one current, dated value per question, everything else one click away."""

import re

import pytest
from django.utils import timezone

from guides.models import KeyPoint
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def occupation(db):
    """A job with pay from an old article, BLS in two years, an undated article figure, and key points."""
    this_year = timezone.localdate().year
    occupation = factories.OccupationFactory(
        slug="hit", title="Health information technician", aliases="HIT, records tech"
    )
    old = factories.SourceFactory(slug="old-article", title="Old article", as_of="May 2008")
    bls = factories.OfficialSourceFactory(
        slug="bls", title="BLS handbook", url="https://web.archive.example/bls", check_url="https://www.bls.gov/ooh/"
    )
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
    factories.FigureFactory(occupation=occupation, value=37110, year=this_year - 8, as_of="older BLS", source=bls)
    factories.FigureFactory(occupation=occupation, value=44090, year=this_year - 6, as_of="newer BLS", source=bls)
    factories.FigureFactory(occupation=occupation, value=39180, year=None, as_of="undated", source=old)
    factories.FigureFactory(
        occupation=occupation, measure="growth", unit="percent", value=8, year=this_year + 3,
        period_start=this_year - 7, as_of="ten-year projection", source=bls,
    )  # fmt: skip
    first = factories.StatementFactory(
        occupation=occupation, text="Keeps records.", quote="They keep the records straight.", source=old
    )
    second = factories.StatementFactory(occupation=occupation, text="Files records.", source=bls)
    factories.StatementFactory(occupation=occupation, topic="environment", text="Works in offices.", source=old)
    point = KeyPoint.objects.create(occupation=occupation, topic="duties", position=1, text="Keep records in order.")
    point.statements.set([first, second])
    return occupation


def page(client):
    return client.get("/occupations/hit/").content.decode()


def test_quick_facts_give_one_current_dated_value_per_question(client, occupation):
    html = page(client)
    facts = html[html.index('id="facts-heading"') : html.index('id="jump-heading"')]

    assert "$44,090 per year" in facts and "newer BLS" in facts and "6 years old" in facts
    assert "$37,110" not in facts and "$30,610" not in facts and "$39,180" not in facts
    assert "8%" in facts and "ten-year projection" in facts
    assert "No current figure in our sources" in facts  # jobs and entry education: none at all
    assert "Source: BLS handbook" in facts
    assert 'href="https://www.bls.gov/ooh/"' in facts  # where a newer figure would be, not the archive


def test_quick_facts_come_before_the_sections_with_jump_links(client, occupation):
    html = page(client)

    assert html.index("Quick facts") < html.index('id="what-they-do"')
    for anchor in ("what-they-do", "work-environment", "how-to-become-one", "pay", "job-outlook", "credentials"):
        assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html


def test_every_other_pay_figure_stays_one_click_away_and_labelled(client, occupation):
    html = page(client)
    versions = html[html.index("Every pay figure and its source") :]

    assert "$37,110" in versions and "$30,610" in versions and "$39,180" in versions
    assert "older" in versions and "not confirmed" in versions
    assert '<details class="versions">' in html


def test_pay_history_highlights_the_current_figure_and_percentiles_are_the_newest_with_them(client, occupation):
    html = page(client)

    assert "chart__point--current" in html
    assert "Pay by percentile, May 2008" in html and "$50,060" in html


def test_key_points_cite_every_source_once_and_keep_the_words_in_a_disclosure(client, occupation):
    html = page(client)
    section = html[html.index('id="what-they-do"') : html.index('id="work-environment"')]

    assert "Keep records in order." in section
    assert section.count('<sup class="cite">') == 1
    assert re.search(r"\[\d+, \d+\]</a></sup>", section)  # one marker, both sources' numbers
    said = section[section.index('<details class="said"') :]
    assert "<q>They keep the records straight.</q>" in said
    assert "Files records." in said and "our summary of the page" in said  # an official page is never quoted


def test_a_topic_without_key_points_shows_its_statements(client, occupation):
    html = page(client)

    assert "Works in offices." in html[html.index('id="work-environment"') : html.index('id="how-to-become-one"')]


def test_the_reference_list_is_folded(client, occupation):
    html = page(client)

    assert '<details class="references-fold">' in html


def test_page_says_when_an_advisor_last_reviewed_it(client, occupation):
    occupation.last_reviewed = timezone.localdate()
    occupation.save()

    assert "Last reviewed by an advisor on" in page(client)


def test_unknown_occupation_is_404(client):
    assert client.get("/occupations/astronaut/").status_code == 404


def test_sources_page_lists_what_was_taken_from_each(client, occupation):
    html = client.get("/sources/").content.decode()

    assert "Old article" in html
    assert "What was taken from it" in html
    assert "$30,610" in html
