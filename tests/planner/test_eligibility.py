"""The eligibility rule, against the transcribed routes and a few hand-built edge cases."""

import pytest

from credentials.models import Credential
from planner.eligibility import CHECK, MET, MISSING, Profile, Verdict, assess
from tests import factories

RANKS = {
    "high-school": 10,
    "postsecondary-certificate": 20,
    "associate": 30,
    "bachelor": 40,
    "master": 50,
    "doctoral": 60,
}


def profile(education=None, **answers):
    return Profile(education_rank=RANKS.get(education), **answers)


CAHIIM_DEGREE = {"accreditors": {"cahiim"}, "program_type": "degree"}
CAHIIM_CERTIFICATE = {"accreditors": {"cahiim"}, "program_type": "certificate"}
NCRA_DEGREE = {"accreditors": {"ncra"}, "program_type": "degree"}
NCRA_CERTIFICATE = {"accreditors": {"ncra"}, "program_type": "certificate"}
ANATOMY = {"courses": {"anatomy-and-physiology"}}

# (credential, answers, verdict, route position, positions of the route's requirements still unmet)
TABLE = [
    # RHIT: accredited associate degree (1), early testing in an accredited program (2)
    ("rhit", profile("associate", **CAHIIM_DEGREE), Verdict.ELIGIBLE, 1, []),
    ("rhit", profile("bachelor", **CAHIIM_DEGREE), Verdict.ELIGIBLE, 1, []),
    ("rhit", profile("associate"), Verdict.CLOSEST, 1, [1]),
    ("rhit", profile("associate", **NCRA_DEGREE), Verdict.CLOSEST, 1, [1]),
    ("rhit", profile("associate", **CAHIIM_CERTIFICATE), Verdict.CHECK, 2, [2]),
    ("rhit", profile("postsecondary-certificate", **CAHIIM_DEGREE), Verdict.CHECK, 2, [2]),
    ("rhit", profile("associate", credentials={"rhit"}), Verdict.HELD, None, []),
    # RHIA: bachelor's in HIM (1), foreign program (2, issuer only), early testing (3)
    ("rhia", profile("bachelor"), Verdict.ELIGIBLE, 1, []),
    ("rhia", profile("master"), Verdict.ELIGIBLE, 1, []),
    ("rhia", profile("associate"), Verdict.CLOSEST, 1, [1]),
    ("rhia", profile(), Verdict.CLOSEST, 1, [1]),
    # The early-testing program requirement names no level, so any CAHIIM graduate is sent to the issuer.
    ("rhia", profile("associate", **CAHIIM_DEGREE), Verdict.CHECK, 3, [2]),
    # CCS: high school diploma
    ("ccs", profile("high-school"), Verdict.ELIGIBLE, 1, []),
    ("ccs", profile("doctoral"), Verdict.ELIGIBLE, 1, []),
    ("ccs", profile(), Verdict.CLOSEST, 1, [1]),
    # CCS-P: no routes in the sources
    ("ccs-p", profile("master", **CAHIIM_DEGREE), Verdict.NOT_STATED, None, []),
    # CHPS: six experience tiers
    ("chps", profile("high-school", experience_years=6), Verdict.ELIGIBLE, 1, []),
    ("chps", profile("high-school", experience_years="5.9"), Verdict.CLOSEST, 1, [2]),
    ("chps", profile("associate", experience_years=4), Verdict.ELIGIBLE, 2, []),
    ("chps", profile("associate", experience_years="3.9"), Verdict.CLOSEST, 1, [2]),
    ("chps", profile(credentials={"rhit"}, experience_years=4), Verdict.ELIGIBLE, 3, []),
    ("chps", profile(credentials={"ccs-p"}, experience_years=4), Verdict.ELIGIBLE, 3, []),
    ("chps", profile(credentials={"ccs"}, experience_years="3.9"), Verdict.CLOSEST, 3, [2]),
    ("chps", profile("bachelor", experience_years=2), Verdict.ELIGIBLE, 4, []),
    ("chps", profile("bachelor", experience_years="1.9"), Verdict.CLOSEST, 1, [2]),
    ("chps", profile(credentials={"rhia"}, experience_years=2), Verdict.ELIGIBLE, 5, []),
    ("chps", profile("master", experience_years=1), Verdict.ELIGIBLE, 6, []),
    ("chps", profile("doctoral", experience_years=1), Verdict.ELIGIBLE, 6, []),
    ("chps", profile("master", experience_years="0.9"), Verdict.CLOSEST, 1, [2]),
    ("chps", profile(), Verdict.CLOSEST, 1, [1, 2]),
    # CTR: A1 degree program + practicum, A2 certificate program + practicum, B coursework + 1,950 hours
    ("ctr", profile("associate", **NCRA_DEGREE, practicum_hours=160), Verdict.ELIGIBLE, 1, []),
    ("ctr", profile("bachelor", **NCRA_DEGREE, practicum_hours=160), Verdict.ELIGIBLE, 1, []),
    ("ctr", profile("associate", **NCRA_DEGREE, practicum_hours=159), Verdict.CLOSEST, 1, [3]),
    ("ctr", profile("associate", **NCRA_CERTIFICATE, practicum_hours=160), Verdict.ELIGIBLE, 2, []),
    ("ctr", profile("associate", **CAHIIM_DEGREE, practicum_hours=160), Verdict.CLOSEST, 1, [2]),
    ("ctr", profile("postsecondary-certificate", **NCRA_CERTIFICATE, practicum_hours=160), Verdict.CLOSEST, 2, [1]),
    ("ctr", profile("associate", **ANATOMY, experience_hours=1950), Verdict.ELIGIBLE, 3, []),
    ("ctr", profile("associate", **ANATOMY, experience_hours=1949), Verdict.CLOSEST, 3, [3]),
    ("ctr", profile("associate", experience_hours=1950), Verdict.CLOSEST, 3, [2]),
    ("ctr", profile("high-school", **ANATOMY, experience_hours=1950), Verdict.CLOSEST, 3, [1]),
]


@pytest.fixture
def credentials(content):
    return {credential.slug: credential for credential in Credential.objects.with_details()}


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
    # Routes the form cannot satisfy: they include a condition only the issuer can judge.
    issuer_only = {
        (slug, route.position)
        for slug, c in credentials.items()
        for route in c.routes.all()
        if any(req.kind == "other" for req in route.requirements.all())
    }
    every = {(slug, route.position) for slug, c in credentials.items() for route in c.routes.all()}

    assert every - issuer_only == met


def test_missing_items_say_what_the_student_entered(credentials):
    assessment = assess(credentials["chps"], profile("associate", experience_years="3.9"))

    missing = assessment.route.missing
    assert [check.requirement.detail for check in missing] == [
        "6 years of healthcare privacy or security management experience"
    ]
    assert missing[0].note == "You entered 3.9 of 6 years."


def test_other_requirements_are_never_silently_met(credentials):
    assessment = assess(credentials["rhit"], profile("associate", **CAHIIM_CERTIFICATE))

    statuses = {check.requirement.kind: check.status for check in assessment.route.checks}
    assert statuses == {"program": MET, "other": CHECK}
    assert not assessment.is_eligible


def test_assess_runs_no_queries(credentials, django_assert_num_queries):
    with django_assert_num_queries(0):
        for credential in credentials.values():
            assess(credential, profile("bachelor", **NCRA_DEGREE, credentials={"rhit"}, experience_years=3))


# Hand-built content: the shapes the transcribed content does not have (yet).


def built(*requirements):
    route = factories.EligibilityRouteFactory(position=1)
    for position, fields in enumerate(requirements, start=1):
        factories.RequirementFactory(route=route, position=position, **fields)
    return Credential.objects.with_details().get(pk=route.credential_id)


@pytest.mark.django_db
def test_a_route_without_requirements_is_not_stated_not_met():
    route = factories.EligibilityRouteFactory(position=1)

    assessment = assess(Credential.objects.with_details().get(pk=route.credential_id), profile("doctoral"))

    assert assessment.verdict == Verdict.NOT_STATED


@pytest.mark.django_db
def test_an_issuer_only_route_is_closest_but_never_eligible():
    credential = built({"kind": "other", "education_level": None, "detail": "Approved by the board"})

    assessment = assess(credential, profile("doctoral"))

    assert assessment.verdict == Verdict.CLOSEST
    assert [check.status for check in assessment.route.checks] == [CHECK]


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
def test_requirements_without_a_measure_are_for_the_issuer_to_check(requirement):
    credential = built(requirement)

    assessment = assess(
        credential, profile("doctoral", experience_years=60, experience_hours=100000, practicum_hours=9)
    )

    assert assessment.verdict == Verdict.CLOSEST
    assert assessment.route.checks[0].status == CHECK


@pytest.mark.django_db
def test_a_program_of_any_type_accepts_degree_and_certificate():
    accreditor = factories.OrganizationFactory(slug="cahiim", abbreviation="CAHIIM", role="accreditor")
    credential = built({"kind": "program", "education_level": None, "accreditor": accreditor, "detail": "Program"})

    for program_type in ("degree", "certificate"):
        answers = profile(accreditors={"cahiim"}, program_type=program_type)
        assert assess(credential, answers).verdict == Verdict.ELIGIBLE
    assert assess(credential, profile()).route.checks[0].status == MISSING


@pytest.mark.django_db
def test_experience_in_both_years_and_hours_needs_both():
    credential = built({"kind": "experience", "education_level": None, "experience_years": 1, "experience_hours": 1950})

    assert assess(credential, profile(experience_years=1, experience_hours=1950)).verdict == Verdict.ELIGIBLE
    assert assess(credential, profile(experience_years=1, experience_hours=1949)).verdict == Verdict.CLOSEST
    assert assess(credential, profile(experience_years="0.9", experience_hours=1950)).verdict == Verdict.CLOSEST


@pytest.mark.django_db
def test_ties_go_to_the_earlier_route():
    level = factories.EducationLevelFactory(slug="associate", rank=30)
    first = factories.EligibilityRouteFactory(position=1)
    second = factories.EligibilityRouteFactory(position=2, credential=first.credential)
    for route in (second, first):
        factories.RequirementFactory(route=route, position=1, education_level=level)

    assessment = assess(Credential.objects.with_details().get(pk=first.credential_id), profile())

    assert assessment.route.route == first


def test_profile_gains_awards_without_losing_what_it_had():
    before = profile("bachelor", credentials={"rhit"})

    after = before.with_awards(education_rank=RANKS["associate"], credentials=["rhia"])

    assert after.education_rank == RANKS["bachelor"]
    assert after.credentials == {"rhit", "rhia"}
