"""The current-answer rule: one current, dated value per question, every other value kept and labelled."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from credentials.models import Fee, Renewal
from guides.models import Figure, Occupation
from sources import answers
from sources.answers import current_answer
from sources.models import Source, Standing
from tests import factories

OFFICIAL, ARTICLE, MIRROR = Source.Kind.OFFICIAL, Source.Kind.ARTICLE, Source.Kind.MIRROR
TODAY = datetime.date(2026, 11, 22)


def pay(pk, value, year, kind=OFFICIAL, standing=Standing.AUTO, note="", period_start=None):
    """An unsaved median-pay figure from a source of `kind`: the rule needs nothing more."""
    return Figure(
        pk=pk,
        value=Decimal(value),
        year=year,
        period_start=period_start,
        as_of=f"May {year}" if year else "undated",
        unit=Figure.Unit.USD_YEAR,
        measure=Figure.Measure.MEDIAN_PAY,
        standing=standing,
        standing_note=note,
        source=Source(pk=pk, slug=f"s{pk}", title=f"Source {pk}", kind=kind),
    )


def labels(answer):
    return {row.pk: label for row, label in answer.others}


def test_the_newest_official_value_is_the_current_answer():
    answer = current_answer([pay(1, 30610, 2008), pay(2, 44090, 2020), pay(3, 37110, 2015)], today=TODAY)

    assert answer.current.value == 44090
    assert (answer.year, answer.as_of) == (2020, "May 2020")
    assert [row.pk for row, _label in answer.others] == [3, 1]  # newest first
    assert set(labels(answer).values()) == {answers.OLDER}


def test_an_article_never_wins_even_when_it_is_newer():
    answer = current_answer([pay(1, 44090, 2020), pay(2, 51000, 2024, kind=ARTICLE), pay(3, 52000, 2025, kind=MIRROR)])

    assert answer.current.pk == 1
    assert labels(answer) == {2: answers.NOT_CONFIRMED, 3: answers.NOT_CONFIRMED}


def test_an_article_older_than_the_current_answer_is_labelled_older():
    answer = current_answer([pay(1, 44090, 2020), pay(2, 37110, 2015, kind=ARTICLE)])

    assert labels(answer) == {2: answers.OLDER}


def test_an_undated_value_is_never_chosen_by_the_rule():
    answer = current_answer([pay(1, 25, None), pay(2, 39180, None, kind=ARTICLE)])

    assert answer.current is None
    assert not answer
    assert labels(answer) == {1: answers.OLDER, 2: answers.NOT_CONFIRMED}


def test_an_advisors_override_wins_over_a_newer_official_value():
    chosen = pay(1, 40350, 2018, standing=Standing.CURRENT, note="BLS's 2020 edition counts a wider occupation.")

    answer = current_answer([pay(2, 44090, 2020), chosen], today=TODAY)

    assert answer.current is chosen
    assert answer.is_override and answer.reason == "BLS's 2020 edition counts a wider occupation."
    assert labels(answer) == {2: answers.SET_ASIDE}


def test_an_advisor_may_vouch_for_an_undated_value():
    answer = current_answer([pay(1, 300, None, standing=Standing.CURRENT, note="The issuer's current page.")])

    assert answer.current.pk == 1
    assert answer.age is None and answer.age_in_words == "" and not answer.is_stale


@pytest.mark.parametrize("standing", [Standing.SUPERSEDED, Standing.DISPUTED])
def test_a_superseded_or_disputed_value_is_never_current_even_when_newest(standing):
    answer = current_answer([pay(1, 37110, 2015), pay(2, 99999, 2024, standing=standing, note="Replaced.")])

    assert answer.current.pk == 1
    assert labels(answer) == {2: standing.value}


def test_with_only_superseded_or_disputed_values_there_is_no_current_answer():
    answer = current_answer([pay(1, 150, 2019, kind=ARTICLE, standing=Standing.DISPUTED, note="AHIMA says $218.")])

    assert answer.current is None and labels(answer) == {1: answers.DISPUTED}


def test_age_is_said_in_words_and_counted_from_today():
    today = timezone.localdate()

    six_years = current_answer([pay(1, 44090, today.year - 6)], today=today)
    three_years = current_answer([pay(1, 44090, today.year - 3)])
    this_year = current_answer([pay(1, 44090, today.year)])

    assert (six_years.age, six_years.age_in_words, six_years.is_stale) == (6, "6 years old", True)
    assert (three_years.age_in_words, three_years.is_stale) == ("3 years old", False)
    assert this_year.age_in_words == "from this year"
    assert current_answer([pay(1, 1, today.year - 1)]).age_in_words == "1 year old"


def test_a_projection_is_as_old_as_the_year_it_starts_from():
    growth = pay(1, 8, 2029, period_start=2019)

    assert current_answer([growth], today=TODAY).age_in_words == "7 years old"


def test_check_url_prefers_the_live_page_then_the_sources_address():
    figure = pay(1, 44090, 2020)
    figure.source.url = "https://web.archive.example/bls"

    assert current_answer([figure]).check_url == "https://web.archive.example/bls"
    assert current_answer([]).check_url == ""


# Models: the rule runs over prefetched rows, and the standing is validated on every write path.


@pytest.mark.django_db
def test_occupation_answers_run_no_queries_once_prefetched(django_assert_num_queries):
    occupation = factories.OccupationFactory(slug="hit")
    bls = factories.SourceFactory(slug="bls", kind=OFFICIAL)
    factories.FigureFactory(occupation=occupation, value=37110, year=2015, source=bls)
    factories.FigureFactory(occupation=occupation, value=44090, year=2020, as_of="May 2020", source=bls)
    factories.FigureFactory(occupation=occupation, measure="growth", unit="percent", value=8, year=2029, source=bls)
    occupation = Occupation.objects.with_facts().get(pk=occupation.pk)

    with django_assert_num_queries(0):
        result = occupation.answers()

    assert result["median_pay"].current.value == 44090
    assert result["growth"].current.value == 8
    assert not result["employment"] and not result["entry_education"]


@pytest.mark.django_db
def test_credential_answers_pick_the_current_fee_and_renewal_rule(django_assert_num_queries):
    credential = factories.CredentialFactory(slug="ctr")
    ncra = factories.SourceFactory(slug="ncra", kind=OFFICIAL)
    article = factories.SourceFactory(slug="article", kind=ARTICLE)
    factories.FeeFactory(credential=credential, member_amount=315, nonmember_amount=415, year=2019, source=ncra)
    factories.FeeFactory(credential=credential, member_amount=335, nonmember_amount=435, year=2024, source=ncra)
    factories.FeeFactory(credential=credential, kind=Fee.Kind.RECERTIFICATION, nonmember_amount=150, source=article)
    factories.RenewalFactory(credential=credential, year=2024, source=ncra, ce_unit=Renewal.CEUnit.HOUR)
    factories.RenewalFactory(credential=credential, year=2024, source=ncra, ce_required=None, conditions="Ends Dec 31.")
    credential = type(credential).objects.with_details().get(pk=credential.pk)

    with django_assert_num_queries(0):
        result = credential.answers()

    assert result.exam_fee.current.nonmember_amount == 435
    assert result.exam_fee.current.amount_display == "$335 for members, $435 for non-members"
    assert not result.recertification_fee  # an article's fee is never the current answer
    assert result.renewal.current.rule_display == "20 hours of continuing education every 2 years"
    assert [detail.conditions for detail in result.renewal_details] == ["Ends Dec 31."]


@pytest.mark.django_db
@pytest.mark.parametrize("standing", [Standing.CURRENT, Standing.SUPERSEDED, Standing.DISPUTED])
def test_a_standing_without_a_reason_is_refused_in_plain_words(standing):
    figure = factories.FigureFactory()
    figure.standing = standing

    with pytest.raises(ValidationError) as error:
        figure.full_clean()

    message = error.value.message_dict["standing_note"][0]
    assert message.startswith("Say ") and "students see" in message


@pytest.mark.django_db
def test_the_database_refuses_a_standing_without_a_reason_whoever_writes_it():
    figure = factories.FigureFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Figure.objects.filter(pk=figure.pk).update(standing=Standing.DISPUTED)


@pytest.mark.django_db
def test_only_one_value_per_question_can_be_marked_current():
    first = factories.FigureFactory(standing=Standing.CURRENT, standing_note="Checked with BLS.")
    second = factories.FigureFactory(occupation=first.occupation, year=2018)
    second.standing, second.standing_note = Standing.CURRENT, "Also checked."

    with pytest.raises(ValidationError) as error:
        second.full_clean()

    assert "already marked current" in str(error.value)
    hourly = factories.FigureFactory(occupation=first.occupation, unit=Figure.Unit.USD_HOUR, value=21)
    hourly.standing, hourly.standing_note = Standing.CURRENT, "Hourly pay is a question of its own."
    hourly.full_clean()


@pytest.mark.django_db
def test_continuing_education_needs_its_unit():
    renewal = factories.RenewalFactory()
    renewal.ce_unit = ""

    with pytest.raises(ValidationError) as error:
        renewal.full_clean()

    assert "CEUs or in hours" in str(error.value)
