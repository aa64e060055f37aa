"""Which value the transcribed content gives as today's answer to each question, and why the others are not.

These are editorial decisions taken from the reference's labels (OFFICIAL, MIRROR, "could not be
confirmed"): if one changes, the test says which answer a student now sees.
"""

from decimal import Decimal

import pytest

from credentials.models import Credential
from guides.models import Occupation
from sources import answers as labels
from sources.models import Standing

pytestmark = pytest.mark.django_db

MAIN_OCCUPATION = "medical-records-and-health-information-technician"


@pytest.fixture
def main_answers(content):
    return Occupation.objects.with_facts().get(slug=MAIN_OCCUPATION).answers()


@pytest.fixture
def credential_answers(content):
    return {credential.slug: credential.answers() for credential in Credential.objects.with_details()}


def others(answer):
    return {(row.source.slug, label) for row, label in answer.others}


def test_main_occupation_answers_are_bls_may_2020(main_answers):
    pay, hourly = main_answers["median_pay"], main_answers["median_hourly_pay"]

    assert (pay.current.value, pay.as_of, pay.source.slug) == (Decimal("44090"), "May 2020", "bls-ooh-may-2020")
    assert hourly.current.value == Decimal("21.20")
    assert main_answers["employment"].current.value == 341600
    assert main_answers["growth"].current.value == 8 and main_answers["growth"].current.period_start == 2019
    assert main_answers["entry_education"].current.wording == "Postsecondary nondegree award"
    assert pay.check_url.startswith("https://www.bls.gov/ooh/")


def test_every_older_pay_figure_stays_labelled(main_answers):
    pay = main_answers["median_pay"]

    assert ("seed-001-medical-records-health-info-system", labels.OLDER) in others(pay)
    assert ("bls-ooh-may-2018-archived", labels.OLDER) in others(pay)
    assert ("seed-004-medical-records-health-info-technicians", labels.NOT_CONFIRMED) in others(pay)
    assert len(pay.others) == 7  # every annual figure from 2008 to 2018, and the undated one


def test_rhit_renewal_is_ahimas_rule_and_the_articles_exam_claim_is_disputed(credential_answers):
    rhit = credential_answers["rhit"]

    assert rhit.renewal.current.rule_display == "20 CEUs every 2 years"
    assert rhit.renewal.current.requires_exam is False
    disputed = [row for row, label in rhit.renewal.others if label == labels.DISPUTED]
    assert [row.requires_exam for row in disputed] == [True]
    assert "no recertification exam" in disputed[0].standing_note


def test_rhit_recertification_fee_is_218_and_the_150_is_disputed(credential_answers):
    fee = credential_answers["rhit"].recertification_fee

    assert (fee.current.nonmember_amount, fee.year) == (Decimal("218"), 2021)
    assert [(row.nonmember_amount, label) for row, label in fee.others] == [(Decimal("150"), labels.DISPUTED)]


def test_the_2010_ccs_fee_and_exam_are_superseded_by_the_2020_exam(credential_answers):
    for slug in ("ccs", "ccs-p"):
        answers = credential_answers[slug]
        assert not answers.exam_fee and not answers.exam_length
        assert {label for _row, label in answers.exam_fee.others} == {labels.SUPERSEDED}
        assert {label for _row, label in answers.exam_length.others} == {labels.SUPERSEDED}
    assert credential_answers["ccs"].exam_length.others[0][0].length_display == "60 questions and 13 cases in 4 hours"
    assert credential_answers["ccs-p"].exam_length.others[0][0].length_display == "60 questions and 16 cases"


def test_ctr_exam_fee_is_2024_and_2019_is_an_older_figure(credential_answers):
    fee = credential_answers["ctr"].exam_fee

    assert fee.current.amount_display == "$335 for members, $435 for non-members" and fee.year == 2024
    assert [(row.year, label) for row, label in fee.others] == [(2019, labels.OLDER)]


def test_undated_official_values_stand_only_where_an_advisor_vouched_for_them(credential_answers):
    assert credential_answers["rhit"].exam.is_override
    assert "Pearson VUE" in credential_answers["rhit"].exam.current.delivery
    assert credential_answers["ccs"].exam.is_override
    assert not credential_answers["ctr"].maintenance_fee  # undated, "may be out of date"
    assert credential_answers["chps"].exam_length.current.length_display == "140–160 questions in 3.5 hours"


def test_measures_without_a_current_answer_are_those_the_reference_could_not_confirm(content):
    """The closing note lists these; each is in the reference's "could not be confirmed" or has no official row."""
    missing = set()
    for occupation in Occupation.objects.with_facts():
        for measure, answer in occupation.answers().items():
            if answer.others and not answer:
                missing.add((occupation.slug, measure))
    for credential in Credential.objects.with_details():
        answers = credential.answers()
        for measure in ("exam", "exam_length", "exam_fee", "recertification_fee", "maintenance_fee", "renewal"):
            answer = getattr(answers, measure)
            if answer.others and not answer:
                missing.add((credential.slug, measure))

    assert missing == {
        (MAIN_OCCUPATION, "programs"),
        ("pharmacy-technician", "median_pay"),
        ("pharmacy-technician", "growth"),
        ("pharmacy-technician", "entry_education"),
        ("rhit", "exam_length"),
        ("rhit", "exam_fee"),
        ("ccs", "exam_length"),
        ("ccs", "exam_fee"),
        ("ccs-p", "exam"),
        ("ccs-p", "exam_length"),
        ("ccs-p", "exam_fee"),
        ("ctr", "exam_length"),
        ("ctr", "maintenance_fee"),
    }


def test_every_standing_other_than_the_rule_says_why(content):
    for model in (Credential.exams.rel.related_model, Credential.fees.rel.related_model):
        for row in model.objects.exclude(standing=Standing.AUTO):
            assert len(row.standing_note) > 20, row
