"""The eligibility rule, against the transcribed routes and a few hand-built edge cases."""

from dataclasses import replace

import pytest

from credentials.models import Credential
from planner.eligibility import CHECK, ISSUER, MET, MISSING, NEITHER, NONE, OTHER, Profile, Stage, Verdict, assess
from tests import factories
from tests.conftest import content_meanwhile

RANKS = {
    "none": 0,
    "high-school": 10,
    "postsecondary-certificate": 20,
    "associate": 30,
    "bachelor": 40,
    "master": 50,
    "doctoral": 60,
}


def profile(education=None, *, program=None, years=None, **answers):
    """A student's answers; `program` is the level of their health information program ("none" for none)."""
    if program is not None:
        answers["program_rank"] = RANKS[program]
        answers["program_kind"] = "certificate" if program == "postsecondary-certificate" else "degree"
    return Profile(education_rank=RANKS.get(education), experience_years=years, **answers)


HI = {"field": "health-information"}
FINISHED, FINAL_TERM, STUDYING = Stage.FINISHED, Stage.FINAL_TERM, Stage.STUDYING
PRIVACY = {"experience_kind": "privacy-security"}
REGISTRY = {"experience_kind": "cancer-registry"}
NO_PROGRAM = {"program": "none", "practicum_hours": 0}
ANATOMY = {"courses": {"anatomy-and-physiology"}}


def cahiim(level, stage=FINISHED):
    return {"program": level, "accreditor": "cahiim", "stage": stage}


def ncra(level, practicum=160):
    return {"program": level, "accreditor": "ncra", "stage": FINISHED, "practicum_hours": practicum}


# (credential, answers, verdict, route position, positions of that route's requirements not met)
TABLE = [
    # RHIT: 1 CAHIIM associate degree program, finished; 2 early testing in the program that leads to RHIT
    ("rhit", profile("associate", **HI, **cahiim("associate")), Verdict.ELIGIBLE, 1, []),
    ("rhit", profile("bachelor", **HI, **cahiim("bachelor")), Verdict.ELIGIBLE, 1, []),
    ("rhit", profile("high-school", **cahiim("associate", FINAL_TERM)), Verdict.ELIGIBLE, 2, []),
    ("rhit", profile("high-school", **cahiim("associate", STUDYING)), Verdict.NOT_YET, 1, [1]),
    ("rhit", profile("high-school", **cahiim("bachelor", FINAL_TERM)), Verdict.CHECK, 2, [1]),
    ("rhit", profile("associate", program="associate", accreditor="ncra", stage=FINISHED), Verdict.NOT_YET, 1, [1]),
    ("rhit", profile("associate", **cahiim("postsecondary-certificate")), Verdict.NOT_YET, 1, [1]),
    ("rhit", profile("associate", program="none"), Verdict.NOT_YET, 1, [1]),
    ("rhit", profile("associate", credentials={"rhit"}), Verdict.HELD, None, []),
    # RHIT, don't know: who accredits the program, where the student is in it, or anything at all
    ("rhit", profile("associate", program="associate", stage=FINISHED), Verdict.CHECK, 1, [1]),
    ("rhit", profile("high-school", program="associate", accreditor="cahiim"), Verdict.CHECK, 1, [1]),
    ("rhit", profile(), Verdict.CHECK, 1, [1]),
    # RHIA: 1 bachelor's in health information management, 2 foreign program (issuer only), 3 early testing
    ("rhia", profile("bachelor", **HI), Verdict.ELIGIBLE, 1, []),
    ("rhia", profile("master", **HI), Verdict.ELIGIBLE, 1, []),
    ("rhia", profile(**cahiim("bachelor")), Verdict.ELIGIBLE, 1, []),
    ("rhia", profile("high-school", **cahiim("bachelor", FINAL_TERM)), Verdict.ELIGIBLE, 3, []),
    # Regression: a bachelor's in another field with 2 years' work was "Eligible now" (the field was never asked).
    ("rhia", profile("bachelor", field=OTHER, program="none", years=2, experience_kind=OTHER), Verdict.NOT_YET, 1, [1]),
    ("rhia", profile("bachelor", field="health", program="none"), Verdict.NOT_YET, 1, [1]),
    ("rhia", profile("bachelor", field=OTHER), Verdict.CHECK, 3, [1, 2]),  # in a CAHIIM program now? don't know
    # Regression: a finished CAHIIM associate graduate was "Possibly eligible through early testing".
    ("rhia", profile("associate", **HI, **cahiim("associate")), Verdict.NOT_YET, 1, [1]),
    ("rhia", profile("high-school", **cahiim("associate", FINAL_TERM)), Verdict.NOT_YET, 1, [1]),
    ("rhia", profile("associate", **HI, program="none"), Verdict.NOT_YET, 1, [1]),
    # RHIA, don't know: what the bachelor's degree was in, or anything at all
    ("rhia", profile("bachelor", years=2, experience_kind=OTHER), Verdict.CHECK, 1, [1]),
    ("rhia", profile(), Verdict.CHECK, 1, [1]),
    # CCS: a high school diploma (AHIMA recommends more, without requiring it)
    # Regression: a 17-year-old with a diploma is eligible, and now hears what AHIMA recommends (see below).
    ("ccs", profile("high-school", experience_kind=NONE), Verdict.ELIGIBLE, 1, []),
    ("ccs", profile("doctoral"), Verdict.ELIGIBLE, 1, []),
    ("ccs", profile(**cahiim("associate")), Verdict.ELIGIBLE, 1, []),
    ("ccs", profile("none"), Verdict.NOT_YET, 1, [1]),
    ("ccs", profile(), Verdict.CHECK, 1, [1]),  # don't know
    # CCS-P: no routes in the sources
    ("ccs-p", profile("master", **HI, **cahiim("master")), Verdict.NOT_STATED, None, []),
    # CHPS: six routes of education or a credential, plus privacy or security management experience
    ("chps", profile("high-school", years=6, **PRIVACY), Verdict.ELIGIBLE, 1, []),
    ("chps", profile("high-school", years="5.9", **PRIVACY), Verdict.NOT_YET, 1, [2]),
    ("chps", profile("associate", years=4, **PRIVACY), Verdict.ELIGIBLE, 2, []),
    ("chps", profile("associate", years="3.9", **PRIVACY), Verdict.NOT_YET, 1, [2]),
    ("chps", profile("none", credentials={"rhit"}, years=4, **PRIVACY), Verdict.ELIGIBLE, 3, []),
    ("chps", profile("none", credentials={"ccs-p"}, years=4, **PRIVACY), Verdict.ELIGIBLE, 3, []),
    ("chps", profile("none", credentials={"ccs"}, years="3.9", **PRIVACY), Verdict.NOT_YET, 3, [2]),
    ("chps", profile("bachelor", years=2, **PRIVACY), Verdict.ELIGIBLE, 4, []),
    ("chps", profile("bachelor", years="1.9", **PRIVACY), Verdict.NOT_YET, 1, [2]),
    ("chps", profile("none", credentials={"rhia"}, years=2, **PRIVACY), Verdict.ELIGIBLE, 5, []),
    ("chps", profile("master", years=1, **PRIVACY), Verdict.ELIGIBLE, 6, []),
    ("chps", profile("doctoral", years=1, **PRIVACY), Verdict.ELIGIBLE, 6, []),
    ("chps", profile("master", years="0.9", **PRIVACY), Verdict.NOT_YET, 1, [2]),
    ("chps", profile("bachelor", years=2, experience_kind=OTHER), Verdict.NOT_YET, 1, [2]),
    ("chps", profile("high-school", experience_kind=NONE), Verdict.NOT_YET, 1, [2]),
    # CHPS, don't know: the kind of work, how long, the education, or anything at all
    ("chps", profile("bachelor", years=2), Verdict.CHECK, 4, [2]),
    ("chps", profile("bachelor", **PRIVACY), Verdict.CHECK, 1, [2]),
    ("chps", profile(credentials={"ccs"}, years="3.9", **PRIVACY), Verdict.CHECK, 4, [1]),
    ("chps", profile(), Verdict.CHECK, 1, [1, 2]),
    # CTR: A1 NCRA degree program + practicum, A2 NCRA certificate program + practicum, B coursework + experience
    ("ctr", profile("associate", **HI, **ncra("associate")), Verdict.ELIGIBLE, 1, []),
    ("ctr", profile("bachelor", **HI, **ncra("bachelor")), Verdict.ELIGIBLE, 1, []),
    ("ctr", profile("associate", **HI, **ncra("associate", practicum=159)), Verdict.NOT_YET, 1, [3]),
    ("ctr", profile("associate", **ncra("postsecondary-certificate")), Verdict.ELIGIBLE, 2, []),
    ("ctr", profile("associate", **HI, **cahiim("associate"), practicum_hours=160), Verdict.NOT_YET, 1, [2]),
    ("ctr", profile("postsecondary-certificate", **ncra("postsecondary-certificate")), Verdict.NOT_YET, 2, [1]),
    ("ctr", profile("associate", **ANATOMY, **NO_PROGRAM, years=1, **REGISTRY), Verdict.ELIGIBLE, 3, []),
    ("ctr", profile("associate", **ANATOMY, **NO_PROGRAM, experience_hours=1950, **REGISTRY), Verdict.ELIGIBLE, 3, []),
    ("ctr", profile("associate", **ANATOMY, **NO_PROGRAM, experience_hours=1949, **REGISTRY), Verdict.NOT_YET, 3, [3]),
    ("ctr", profile("associate", **ANATOMY, **NO_PROGRAM, years="0.9", **REGISTRY), Verdict.NOT_YET, 3, [3]),
    ("ctr", profile("associate", **NO_PROGRAM, years=1, **REGISTRY), Verdict.NOT_YET, 3, [2]),
    ("ctr", profile("high-school", **ANATOMY, **NO_PROGRAM, years=1, **REGISTRY), Verdict.NOT_YET, 3, [1]),
    # CTR, don't know: practicum hours, or what kind of work the year was
    ("ctr", profile("associate", **HI, **ncra("associate", practicum=None)), Verdict.CHECK, 1, [3]),
    ("ctr", profile("associate", **ANATOMY, **NO_PROGRAM, years=1), Verdict.CHECK, 3, [3]),
]


@pytest.fixture(scope="module")
def credentials(content_snapshot, django_db_blocker):
    """The credentials with everything the rules read, prefetched once for the module: the rules are pure
    functions over these rows, so a rule that queried the database would find nothing there."""
    with content_meanwhile(content_snapshot, django_db_blocker):
        rows = Credential.objects.with_details().with_recommendations()
        return {credential.slug: credential for credential in rows}


@pytest.mark.parametrize(("slug", "answers", "verdict", "position", "unmet"), TABLE)
def test_verdict_for_each_route_and_its_edges(credentials, slug, answers, verdict, position, unmet):
    assessment = assess(credentials[slug], answers)

    assert assessment.verdict == verdict
    if position is None:
        assert assessment.route is None
    else:
        assert assessment.route.route.position == position
        assert [check.requirement.position for check in assessment.route.unmet] == unmet


def test_every_transcribed_route_is_met_by_some_profile_in_the_table(credentials):
    met = {(slug, position) for slug, _, verdict, position, _ in TABLE if verdict == Verdict.ELIGIBLE}
    issuer_only = {
        (slug, route.position)
        for slug, c in credentials.items()
        for route in c.routes.all()
        if any(req.kind == "other" for req in route.requirements.all())
    }
    every = {(slug, route.position) for slug, c in credentials.items() for route in c.routes.all()}

    assert every - issuer_only == met


# Whatever a student who left an answer out would have said, "Eligible now" must still hold: these are the
# answers that would hurt most, for each question.
WORST_ANSWERS = {
    "education_rank": [0, RANKS["high-school"]],
    "field": [OTHER],
    "program_rank": [0],
    "accreditor": [NEITHER],
    "stage": [Stage.STUDYING],
    "experience_kind": [NONE, OTHER],
    "experience_years": [0],
    "practicum_hours": [0],
}


def worst_cases(answers):
    """Each unanswered question filled in with a harmful answer, one at a time, then all together."""
    missing = {name: values for name, values in WORST_ANSWERS.items() if getattr(answers, name) is None}
    if "experience_years" in missing and answers.experience_hours is not None:
        del missing["experience_years"]
    for name, values in missing.items():
        for value in values:
            yield replace(answers, **{name: value})
    yield replace(answers, **{name: values[0] for name, values in missing.items()})


@pytest.mark.parametrize("answers", sorted({row[1] for row in TABLE}, key=repr))
def test_no_eligible_verdict_rests_on_an_answer_the_student_did_not_give(credentials, answers):
    for credential in credentials.values():
        assessment = assess(credential, answers)
        if assessment.verdict != Verdict.ELIGIBLE:
            continue
        route = assessment.route.route
        assert assessment.route.facts <= answers.given(), credential.slug
        for worse in worst_cases(answers):
            still = [result for result in assess(credential, worse).routes if result.route == route]
            assert still[0].is_met, f"{credential.slug} {route.name} relies on an answer not given: {worse}"


def test_dont_know_is_never_eligible_where_the_answer_matters(credentials):
    for slug, answers, verdict, _, _ in TABLE:
        if verdict == Verdict.CHECK:
            assessment = assess(credentials[slug], answers)
            assert assessment.questions, (slug, answers)
            assert all(question.startswith(("whether", "how")) for question in assessment.questions)


def test_a_bachelors_in_another_field_hears_why_not(credentials):
    assessment = assess(credentials["rhia"], profile("bachelor", field=OTHER, program="none"))

    assert assessment.route.route.name == "Bachelor's degree in health information management"
    assert assessment.route.missing[0].note == "You told us yours is in a field outside health."


def test_dont_know_the_field_says_what_to_check(credentials):
    assessment = assess(credentials["rhia"], profile("bachelor"))

    assert assessment.questions == ["whether your bachelor's degree is in health information"]


def test_early_testing_is_only_for_the_program_that_leads_to_the_credential(credentials):
    associate_student = profile("high-school", **cahiim("associate", FINAL_TERM))

    early_rhia = assess(credentials["rhia"], associate_student).routes[2]
    assert early_rhia.missing[0].note == "Early testing is for the program that leads to RHIA."
    assert assess(credentials["rhit"], associate_student).route.route.name.startswith("Early testing")


def test_the_17_year_old_hears_what_ahima_recommends_beyond_the_diploma(credentials):
    assessment = assess(credentials["ccs"], profile("high-school", experience_kind=NONE))

    assert assessment.verdict == Verdict.ELIGIBLE
    assert [item.recommendation.position for item in assessment.advice] == [1, 2, 3, 4, 5]
    assert {item.recommendation.source.publisher for item in assessment.advice} == {"AHIMA"}
    assert [item.status for item in assessment.advice] == [ISSUER, MISSING, ISSUER, ISSUER, MISSING]
    assert assessment.advice_met == []


@pytest.mark.parametrize(
    ("answers", "statuses"),
    [
        (profile("high-school", years=2, experience_kind="coding"), [ISSUER, MET, ISSUER, ISSUER, MISSING]),
        (profile("high-school", credentials={"rhit"}, experience_kind=NONE), [ISSUER, MISSING, ISSUER, ISSUER, MET]),
        (profile("high-school", years=3), [ISSUER, CHECK, ISSUER, ISSUER, MISSING]),
    ],
)
def test_recommended_preparation_already_done_is_recognised(credentials, answers, statuses):
    assert [item.status for item in assess(credentials["ccs"], answers).advice] == statuses


def test_missing_items_say_what_the_student_entered(credentials):
    assessment = assess(credentials["chps"], profile("associate", years="3.9", **PRIVACY))

    missing = assessment.route.missing
    assert [check.requirement.detail for check in missing] == [
        "6 years of healthcare privacy or security management experience"
    ]
    assert missing[0].note == "You told us 3.9 years; this route asks for 6 years."


def test_the_foreign_program_route_is_for_the_issuer_and_never_the_verdict(credentials):
    for _, answers, _, _, _ in TABLE:
        assessment = assess(credentials["rhia"], answers)
        foreign = assessment.routes[1]
        assert [check.status for check in foreign.checks] == [ISSUER]
        assert assessment.route is None or assessment.route.route.position != 2


def test_assess_runs_no_queries(db, credentials, django_assert_num_queries):
    with django_assert_num_queries(0):
        for credential in credentials.values():
            for _, answers, _, _, _ in TABLE:
                assess(credential, answers)


# Hand-built content: the shapes the transcribed content does not have (yet).


def built(*requirements):
    route = factories.EligibilityRouteFactory(position=1)
    for position, fields in enumerate(requirements, start=1):
        factories.RequirementFactory(route=route, position=position, **fields)
    return Credential.objects.with_details().with_recommendations().get(pk=route.credential_id)


@pytest.mark.django_db
def test_a_route_without_requirements_is_not_stated_not_met():
    route = factories.EligibilityRouteFactory(position=1)

    assessment = assess(Credential.objects.with_details().get(pk=route.credential_id), profile("doctoral"))

    assert assessment.verdict == Verdict.NOT_STATED


@pytest.mark.django_db
def test_an_issuer_only_route_is_never_eligible_nor_closest():
    credential = built({"kind": "other", "education_level": None, "detail": "Approved by the board"})

    assessment = assess(credential, profile("doctoral"))

    assert assessment.verdict == Verdict.NOT_STATED
    assert [check.status for check in assessment.routes[0].checks] == [ISSUER]


@pytest.mark.django_db
def test_an_issuer_judgement_next_to_met_items_makes_a_check_verdict():
    level = factories.EducationLevelFactory(slug="associate", rank=30)
    credential = built(
        {"education_level": level},
        {"kind": "other", "education_level": None, "detail": "Approved by the board"},
    )

    assessment = assess(credential, profile("associate"))

    assert assessment.verdict == Verdict.CHECK
    assert assessment.questions == ["whether you meet this: approved by the board"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "requirement",
    [
        {"kind": "experience", "education_level": None},
        {"kind": "practicum", "education_level": None},
        {"kind": "coursework", "education_level": None},
        {"kind": "credential", "education_level": None},
    ],
)
def test_requirements_without_a_measure_are_for_the_issuer_to_judge(requirement):
    credential = built(requirement)

    assessment = assess(credential, profile("doctoral", years=60, experience_kind=OTHER, practicum_hours=9))

    assert assessment.routes[0].checks[0].status == ISSUER
    assert not assessment.is_eligible


@pytest.mark.django_db
def test_a_program_of_any_type_accepts_degree_and_certificate():
    accreditor = factories.OrganizationFactory(slug="cahiim", abbreviation="CAHIIM", role="accreditor")
    credential = built({"kind": "program", "education_level": None, "accreditor": accreditor, "detail": "Program"})

    for level in ("postsecondary-certificate", "associate"):
        answers = profile(**cahiim(level))
        assert assess(credential, answers).verdict == Verdict.ELIGIBLE
    assert assess(credential, profile(program="none")).route.checks[0].status == MISSING


@pytest.mark.django_db
def test_experience_stated_in_years_and_hours_is_met_by_either():
    credential = built({"kind": "experience", "education_level": None, "experience_years": 1, "experience_hours": 1950})

    assert assess(credential, profile(years=1, experience_kind=OTHER)).verdict == Verdict.ELIGIBLE
    assert assess(credential, profile(experience_hours=1950, experience_kind=OTHER)).verdict == Verdict.ELIGIBLE
    assert assess(credential, profile(years="0.9", experience_kind=OTHER)).verdict == Verdict.NOT_YET


@pytest.mark.django_db
def test_hours_are_never_compared_with_years_the_source_does_not_convert():
    credential = built({"kind": "experience", "education_level": None, "experience_hours": 1950})

    assessment = assess(credential, profile(years=5, experience_kind=OTHER))

    assert assessment.verdict == Verdict.CHECK
    assert assessment.questions == ["whether your 5 years of work add up to 1,950 hours"]


@pytest.mark.django_db
def test_ties_go_to_the_earlier_route():
    level = factories.EducationLevelFactory(slug="associate", rank=30)
    first = factories.EligibilityRouteFactory(position=1)
    second = factories.EligibilityRouteFactory(position=2, credential=first.credential)
    for route in (second, first):
        factories.RequirementFactory(route=route, position=1, education_level=level)

    assessment = assess(Credential.objects.with_details().get(pk=first.credential_id), profile("none"))

    assert assessment.route.route == first


def test_a_stage_adds_to_what_the_student_had():
    before = profile("bachelor", field=OTHER, credentials={"rhit"})

    after = before.gain(education_rank=RANKS["associate"], field="health-information", credentials=["rhia"])

    assert after.education_rank == RANKS["bachelor"] and after.field == OTHER
    assert after.credentials == {"rhit", "rhia"}
    assert before.gain(education_rank=RANKS["bachelor"], field="health-information").field == "health-information"
