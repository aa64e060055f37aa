"""Who may sit which exam: a pure rule over a credential's eligibility routes and a student's answers.

No queries here: `assess` reads a credential fetched with `Credential.objects.with_details()`.
"""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from credentials.models import RequirementKind

MET = "met"
MISSING = "missing"
CHECK = "check"  # the form cannot tell: the student checks with the issuer

# NCRA equates 1,950 hours with one year of full-time work; used only to turn hours into months.
FULL_TIME_HOURS_PER_YEAR = 1950


@dataclass(frozen=True)
class Profile:
    """What a student already has, as answered in the planner form. Nothing here is stored."""

    education_rank: int | None = None
    accreditors: frozenset = frozenset()
    program_type: str = ""
    credentials: frozenset = frozenset()
    experience_years: Decimal = Decimal(0)
    experience_hours: int = 0
    courses: frozenset = frozenset()
    practicum_hours: int = 0

    def __post_init__(self):
        for name in ("accreditors", "credentials", "courses"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        object.__setattr__(self, "experience_years", _decimal(self.experience_years))

    def with_awards(self, *, education_rank=None, credentials=()):
        """The profile after a stage that awards an education level or credentials."""
        rank = max(filter(None, [self.education_rank, education_rank]), default=None)
        return replace(self, education_rank=rank, credentials=self.credentials | set(credentials))


@dataclass(frozen=True)
class Check:
    requirement: object
    status: str
    note: str = ""

    @property
    def is_met(self):
        return self.status == MET


@dataclass(frozen=True)
class RouteResult:
    route: object
    checks: tuple

    @property
    def met(self):
        return [check for check in self.checks if check.status == MET]

    @property
    def missing(self):
        return [check for check in self.checks if check.status == MISSING]

    @property
    def to_check(self):
        return [check for check in self.checks if check.status == CHECK]

    @property
    def unmet(self):
        return [check for check in self.checks if check.status != MET]

    @property
    def is_met(self):
        return bool(self.checks) and not self.unmet

    @property
    def needs_issuer_check(self):
        """Everything the form can check is met, and what is left is for the issuer to confirm."""
        return bool(self.met) and not self.missing and bool(self.to_check)


class Verdict:
    HELD = "held"
    ELIGIBLE = "eligible"
    CHECK = "check"
    CLOSEST = "closest"
    NOT_STATED = "not-stated"


@dataclass(frozen=True)
class Assessment:
    credential: object
    verdict: str
    route: RouteResult | None = None
    routes: tuple = field(default=())

    @property
    def is_eligible(self):
        return self.verdict in (Verdict.ELIGIBLE, Verdict.HELD)


def _decimal(value):
    return Decimal(str(value)) if value is not None else None


def _check_education(requirement, profile):
    met = profile.education_rank is not None and profile.education_rank >= requirement.education_level.rank
    return (MET, "") if met else (MISSING, "")


def _check_program(requirement, profile):
    if requirement.accreditor.slug not in profile.accreditors:
        return MISSING, f"You did not say you completed a program accredited by {requirement.accreditor.abbreviation}."
    if requirement.program_type and requirement.program_type != profile.program_type:
        wanted = requirement.get_program_type_display().lower()
        return MISSING, f"It must be a {wanted}."
    level = requirement.education_level
    if level is not None and (profile.education_rank is None or profile.education_rank < level.rank):
        return MISSING, f"The program must be at least at the level of: {level.name}."
    return MET, ""


def _check_experience(requirement, profile):
    years, hours = _decimal(requirement.experience_years), requirement.experience_hours
    if years is None and hours is None:
        return CHECK, ""
    if years is not None and profile.experience_years < years:
        return MISSING, f"You entered {profile.experience_years.normalize():f} of {years.normalize():f} years."
    if hours is not None and profile.experience_hours < hours:
        return MISSING, f"You entered {profile.experience_hours:,} of {hours:,} hours."
    return MET, ""


def _check_practicum(requirement, profile):
    hours = requirement.experience_hours
    if hours is None:
        return CHECK, ""
    if profile.practicum_hours < hours:
        return MISSING, f"You entered {profile.practicum_hours:,} of {hours:,} practicum hours."
    return MET, ""


def _check_coursework(requirement, profile):
    if requirement.course is None:
        return CHECK, ""
    return (MET, "") if requirement.course.slug in profile.courses else (MISSING, "")


def _check_credential(requirement, profile):
    accepted = {credential.slug for credential in requirement.credentials.all()}
    if not accepted:
        return CHECK, ""
    return (MET, "") if accepted & profile.credentials else (MISSING, "")


RULES = {
    RequirementKind.EDUCATION: _check_education,
    RequirementKind.PROGRAM: _check_program,
    RequirementKind.EXPERIENCE: _check_experience,
    RequirementKind.PRACTICUM: _check_practicum,
    RequirementKind.COURSEWORK: _check_coursework,
    RequirementKind.CREDENTIAL: _check_credential,
}


def check_requirement(requirement, profile):
    """Met, missing, or (for what the form cannot know, such as "other") to check with the issuer."""
    rule = RULES.get(requirement.kind)
    status, note = rule(requirement, profile) if rule else (CHECK, "")
    return Check(requirement=requirement, status=status, note=note)


def assess_route(route, profile):
    return RouteResult(route=route, checks=tuple(check_requirement(req, profile) for req in route.requirements.all()))


def assess(credential, profile):
    """Eligible through the first route fully met; else the closest route (fewest unmet items, then position)."""
    results = tuple(assess_route(route, profile) for route in credential.routes.all())
    if credential.slug in profile.credentials:
        return Assessment(credential, Verdict.HELD, routes=results)
    if not results:
        return Assessment(credential, Verdict.NOT_STATED)
    for result in results:
        if result.is_met:
            return Assessment(credential, Verdict.ELIGIBLE, result, results)
    for result in results:
        if result.needs_issuer_check:
            return Assessment(credential, Verdict.CHECK, result, results)
    # A route with no requirements listed is not "nothing missing": it is unknown, so it is never the closest.
    known = [result for result in results if result.checks]
    if not known:
        return Assessment(credential, Verdict.NOT_STATED, routes=results)
    closest = min(known, key=lambda result: (len(result.unmet), result.route.position))
    return Assessment(credential, Verdict.CLOSEST, closest, results)
