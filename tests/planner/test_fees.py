"""Which exam fee a plan counts: the newest dated one from the issuer, never an article's, with its age."""

import datetime
from types import SimpleNamespace

from planner.fees import exam_fee

TODAY = datetime.date(2025, 6, 1)


def fee(as_of, kind="official", year=None, fee_kind="exam"):
    source = SimpleNamespace(kind=kind, year=year)
    return SimpleNamespace(kind=fee_kind, as_of=as_of, source=source)


def credential(*fees):
    return SimpleNamespace(fees=SimpleNamespace(all=lambda: list(fees)))


def test_the_newest_dated_official_fee_is_current_and_the_others_say_why_not():
    new, old, article = fee("2024", year=2024), fee("2019", year=2019), fee("undated", kind="article")

    answer = exam_fee(credential(old, article, new), today=TODAY)

    assert answer.current is new
    assert answer.year == 2024 and not answer.is_stale
    assert answer.others == [(old, "older"), (article, "not confirmed by the issuer")]


def test_an_article_fee_is_never_current_however_recent():
    assert exam_fee(credential(fee("2025", kind="article", year=2025)), today=TODAY).current is None


def test_an_undated_official_fee_is_never_current():
    assert exam_fee(credential(fee("undated [older]")), today=TODAY).current is None


def test_a_year_in_the_as_of_text_dates_a_fee_whose_source_has_none():
    answer = exam_fee(credential(fee("c. 2010")), today=TODAY)

    assert answer.year == 2010
    assert answer.is_stale and answer.age_in_words == "15 years old"


def test_only_exam_fees_count():
    assert exam_fee(credential(fee("2024", year=2024, fee_kind="maintenance")), today=TODAY).current is None
