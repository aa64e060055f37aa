"""The route planner and its timeline, over the transcribed content."""

from decimal import Decimal

import pytest

from credentials.models import Credential
from guides.models import Occupation, Pathway
from planner import charts
from planner.eligibility import Profile
from planner.routes import Planner


@pytest.fixture
def planner(content):
    return Planner(
        credentials=Credential.objects.published().with_details(),
        pathways=Pathway.objects.published().with_steps(),
        occupations=Occupation.objects.published().with_entry_and_credentials(),
    )


def credential(slug):
    return Credential.objects.with_details().get(slug=slug)


def test_rhit_from_high_school_takes_the_accredited_degree_then_the_exam(planner):
    target = planner.for_credential(credential("rhit"), Profile(education_rank=10))

    plan = target.plans[0]
    assert [stage.title for stage in plan.stages] == [
        "Complete a CAHIIM-accredited degree program",
        "Pass the RHIT exam",
    ]
    assert plan.duration == (Decimal(24), Decimal(24))
    assert plan.cost == (Decimal(300), Decimal(300))
    assert [route.name for route in target.unplanned] == ["Early testing for students in accredited programs"]


def test_rhia_can_go_through_rhit_with_a_job_along_the_way(planner):
    target = planner.for_credential(credential("rhia"), Profile(education_rank=10))

    through = next(plan for plan in target.plans if plan.title == "Through RHIT, then RHIA")
    jobs_after_rhit = [occupation.slug for occupation, _ in through.stages[1].jobs + through.stages[0].jobs]
    assert "medical-records-and-health-information-technician" in jobs_after_rhit


def test_unstated_time_and_cost_are_none_not_zero(planner):
    plan = planner.for_credential(credential("rhia"), Profile(education_rank=10)).plans[0]

    assert plan.duration == (None, None)
    assert plan.cost == (None, None)


def test_experience_still_needed_counts_only_what_is_left(planner):
    target = planner.for_credential(credential("chps"), Profile(education_rank=30, experience_years=Decimal("2.5")))

    plan = next(plan for plan in target.plans if plan.route and plan.route.position == 2)
    assert plan.stages[0].duration_min == Decimal(18)


def test_ctr_a1_merges_the_degree_into_the_accredited_program(planner):
    target = planner.for_credential(credential("ctr"), Profile(education_rank=10))

    a1 = next(plan for plan in target.plans if plan.route.position == 1)
    a2 = next(plan for plan in target.plans if plan.route.position == 2)
    assert [stage.title for stage in a1.stages][0] == "Complete a NCRA-accredited degree program"
    assert len(a2.stages) == len(a1.stages) + 1


def test_a_held_credential_needs_no_plan(planner):
    assert planner.for_credential(credential("rhit"), Profile(credentials={"rhit"})).already_held


def test_pathways_skip_steps_already_done(planner):
    occupation = Occupation.objects.get(slug="medical-records-and-health-information-technician")

    target = planner.for_occupation(occupation, Profile(education_rank=30))

    first = target.plans[0]
    assert "Earn a high school diploma" not in [stage.title for plan in target.plans for stage in plan.stages]
    assert first.stages


def test_timeline_has_a_row_per_stage_and_none_without_any_time(planner):
    target = planner.for_credential(credential("rhia"), Profile(education_rank=10))

    assert charts.timeline(target.plans[0]) is None
    chart = charts.timeline(next(plan for plan in target.plans if plan.title.startswith("Through")))
    assert len(chart["rows"]) == 4
    assert chart["ticks"][-1]["label"] == "2 yr"
