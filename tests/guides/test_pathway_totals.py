"""Pathway totals count only current, undisputed figures, and say in words what they leave out."""

import pytest
from django.core.exceptions import ValidationError

from credentials.models import Fee
from guides.models import Pathway, Step
from sources.models import Standing
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def rhit(db):
    ahima = factories.OrganizationFactory(slug="ahima", abbreviation="AHIMA")
    return factories.CredentialFactory(slug="rhit", abbreviation="RHIT", issuer=ahima)


@pytest.fixture
def issuer_page(db):
    return factories.OfficialSourceFactory(slug="ahima-page", publisher="AHIMA")


def pathway_with(rhit, *steps):
    pathway = factories.PathwayFactory(slug="route")
    level = factories.EducationLevelFactory(slug="associate", rank=30)
    factories.StepFactory(pathway=pathway, position=1, title="Earn an associate degree", awards_education=level)
    for position, fields in enumerate(steps, start=2):
        factories.StepFactory(pathway=pathway, position=position, **fields)
    return Pathway.objects.with_steps().get(pk=pathway.pk)


def exam_step(rhit):
    return {"title": "Pass the RHIT exam", "awards_credential": rhit, "covers": Step.Covers.EXAM}


def renewal_step(rhit):
    return {"title": "Recertify", "requires_credential": rhit, "covers": Step.Covers.RENEWAL}


def test_an_exam_step_costs_the_credentials_current_fee_and_says_whose(rhit, issuer_page):
    factories.FeeFactory(credential=rhit, member_amount=229, nonmember_amount=299, year=2024, source=issuer_page)
    factories.FeeFactory(credential=rhit, member_amount=199, nonmember_amount=249, year=2019, source=issuer_page)

    totals = pathway_with(rhit, exam_step(rhit)).totals()

    assert (totals.cost_min, totals.cost_max) == (299, 299)
    assert totals.counted == ["the RHIT exam fee, $299 for non-members (2024)"]
    assert totals.left_out == [
        "tuition for step 1 (Earn an associate degree) varies by program and is not in our sources"
    ]
    assert not totals.is_complete


@pytest.mark.parametrize("standing", [Standing.DISPUTED, Standing.SUPERSEDED])
def test_a_disputed_or_superseded_fee_never_reaches_the_total(rhit, issuer_page, standing):
    factories.FeeFactory(
        credential=rhit, nonmember_amount=150, year=2024, source=issuer_page, standing=standing, standing_note="No."
    )

    totals = pathway_with(rhit, exam_step(rhit)).totals()

    assert totals.cost_min is None and totals.counted == []
    assert "AHIMA's current RHIT exam fee is not in our sources" in totals.left_out[1]
    assert standing.value in totals.left_out[1]


def test_an_articles_fee_is_left_out_and_named_as_unconfirmed(rhit):
    article = factories.SourceFactory(slug="article")
    factories.FeeFactory(credential=rhit, member_amount=None, nonmember_amount=300, as_of="undated", source=article)

    totals = pathway_with(rhit, exam_step(rhit)).totals()

    assert totals.cost_min is None
    assert totals.left_out[1] == (
        "AHIMA's current RHIT exam fee is not in our sources (an article gives $300 for non-members, undated, "
        "not confirmed)"
    )


def test_a_renewal_fee_is_said_as_paid_later_and_never_added(rhit, issuer_page):
    factories.FeeFactory(
        credential=rhit, kind=Fee.Kind.RECERTIFICATION, member_amount=None, nonmember_amount=218, year=2021,
        as_of="about 2021", source=issuer_page,
    )  # fmt: skip
    factories.RenewalFactory(credential=rhit, cycle_years=2, year=2019, source=issuer_page)

    totals = pathway_with(rhit, renewal_step(rhit)).totals()

    assert totals.cost_min is None
    assert totals.recurring == [
        "the RHIT recertification fee, $218 for non-members (about 2021), is paid every 2 years after you are certified"
    ]


def test_a_steps_own_stated_cost_still_counts(rhit):
    totals = pathway_with(rhit, {"title": "Buy a study guide", "cost_min": 40, "cost_max": 60}).totals()

    assert (totals.cost_min, totals.cost_max) == (40, 60)
    assert totals.counted == ["step 2 (Buy a study guide)"]


def test_an_exam_step_keeps_no_cost_of_its_own(rhit):
    step = Step(pathway=factories.PathwayFactory(), position=1, title="Exam", body="b", awards_credential=rhit)
    step.source = factories.SourceFactory()
    step.covers, step.cost_min, step.cost_max = Step.Covers.EXAM, 300, 300

    with pytest.raises(ValidationError) as error:
        step.full_clean()

    assert "the credential's current fee" in str(error.value)


def test_an_exam_step_names_its_credential(rhit):
    step = Step(pathway=factories.PathwayFactory(), position=1, title="Exam", body="b", covers=Step.Covers.EXAM)
    step.source = factories.SourceFactory()

    with pytest.raises(ValidationError) as error:
        step.full_clean()

    assert "needs the credential it leads to" in str(error.value)
