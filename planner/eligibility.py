"""Who may sit which exam: a pure rule over a credential's eligibility routes and a student's answers.

No queries here: `assess` reads a credential fetched with `with_details().with_recommendations()`.

Every answer may be unknown (None: not given, or "don't know"). A requirement resting on an unknown answer
is CHECK, never MET, so "Eligible now" only ever rests on what the student told us; the verdict then says
what to check instead.
"""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from credentials.models import ExperienceKind, FieldOfStudy, RequirementKind, RequirementProgramType

from .units import with_article

MET = "met"
MISSING = "missing"
CHECK = "check"  # rests on an answer the student did not give: they can check it
ISSUER = "issuer"  # the sources give nothing the form could check: only the issuer can judge

# Answers beyond the content's own values.
NONE = "none"  # no education, program or work experience yet
OTHER = "other"  # a field of study or kind of work that no rule names
NEITHER = "neither"  # a program accredited by none of the accreditors the rules name


def rows(instance, relation):
    """The prefetched rows of `instance.relation` as a list, kept on the instance after the first read.

    The rules read the same few relations of the same loaded content for every answer, and Django builds a new
    related manager on every attribute access (about 8 µs, some eighty times per planner answer). The content
    the planner reads is loaded once per content version and never changed, so the list stays right.
    """
    kept = instance.__dict__.setdefault("_planner_rows", {})
    if relation not in kept:
        kept[relation] = list(getattr(instance, relation).all())
    return kept[relation]


class Stage:
    """Where a student is in their health information program."""

    STUDYING = "studying"
    FINAL_TERM = "final-term"  # in the last term, or the coursework is finished but not graduated
    FINISHED = "finished"

    LABELS = {
        STUDYING: "still studying, before the last term",
        FINAL_TERM: "in the last term, or finished the coursework but not graduated yet",
        FINISHED: "finished: graduated",
    }


FIELD_LABELS = {
    FieldOfStudy.HEALTH_INFORMATION: "health information",
    FieldOfStudy.HEALTH: "another health field",
    OTHER: "a field outside health",
}
EXPERIENCE_LABELS = {
    ExperienceKind.PRIVACY_SECURITY: "healthcare privacy or security management",
    ExperienceKind.CODING: "medical coding",
    ExperienceKind.CANCER_REGISTRY: "cancer registry work",
    "health-information": "other health information work",
    OTHER: "work outside health information",
}


@dataclass(frozen=True)
class Profile:
    """What a student told us, as answered in the planner form. None means not given. Nothing here is stored."""

    education_rank: int | None = None  # highest education finished; 0 when none yet
    field: str | None = None  # what that education was in
    program_rank: int | None = None  # the health information program's level; 0 when none
    program_kind: str | None = None  # "certificate" or "degree"
    accreditor: str | None = None  # who accredits that program (slug), or NEITHER
    stage: str | None = None  # a Stage
    experience_kind: str | None = None  # an ExperienceKind, "health-information", OTHER or NONE
    experience_years: Decimal | None = None
    experience_hours: int | None = None  # only from links shared before the planner asked for years
    credentials: frozenset | None = frozenset()  # None when not asked (a credential page asks only what it needs)
    courses: frozenset | None = frozenset()
    practicum_hours: int | None = None

    def __post_init__(self):
        for name in ("credentials", "courses"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, frozenset(getattr(self, name)))
        if self.experience_years is not None:
            object.__setattr__(self, "experience_years", Decimal(str(self.experience_years)))

    @property
    def has_finished_program(self):
        return bool(self.program_rank) and self.stage == Stage.FINISHED

    def given(self):
        """The names of the answers the student gave (credentials and courses: ticking none is an answer)."""
        names = {name for name in ("credentials", "courses") if getattr(self, name) is not None}
        for name in ("education_rank", "field", "program_rank", "accreditor", "stage", "experience_kind"):
            if getattr(self, name) is not None:
                names.add(name)
        if self.experience_years is not None or self.experience_hours is not None or self.experience_kind == NONE:
            names.add("experience_amount")
        if self.practicum_hours is not None:
            names.add("practicum_hours")
        return names

    def gain(self, *, education_rank=None, field=None, program=None, experience=None, practicum_hours=None,
             credentials=(), courses=()):  # fmt: skip
        """The profile after a stage of a plan: what finishing it gives, on top of what the student had."""
        changes = {
            "credentials": (self.credentials or frozenset()) | set(credentials),
            "courses": (self.courses or frozenset()) | set(courses),
        }
        if education_rank is not None and education_rank >= (self.education_rank or 0):
            changes.update(education_rank=education_rank, field=field)
        if program is not None:
            rank, kind, accreditor, *stage = program
            stage = stage[0] if stage else Stage.FINISHED
            changes.update(program_rank=rank, program_kind=kind, accreditor=accreditor, stage=stage)
        if experience is not None:
            kind, years, hours = experience
            changes.update(experience_kind=kind, experience_years=years, experience_hours=hours)
        if practicum_hours is not None:
            changes["practicum_hours"] = max(practicum_hours, self.practicum_hours or 0)
        return replace(self, **changes)


@dataclass(frozen=True)
class Check:
    """One requirement against the answers: its status, what the student told us, or what to check."""

    requirement: object
    status: str
    note: str = ""  # for MISSING: what the student told us that falls short
    question: str = ""  # for CHECK: what to check, as "whether …"
    facts: frozenset = frozenset()  # the Profile answers this requirement rests on

    @property
    def is_met(self):
        return self.status == MET


@dataclass(frozen=True)
class RouteResult:
    route: object
    checks: tuple

    def _with(self, *statuses):
        return [check for check in self.checks if check.status in statuses]

    @property
    def met(self):
        return self._with(MET)

    @property
    def missing(self):
        return self._with(MISSING)

    @property
    def to_check(self):
        return self._with(CHECK, ISSUER)

    @property
    def unmet(self):
        return self._with(MISSING, CHECK, ISSUER)

    @property
    def is_met(self):
        return bool(self.checks) and not self.unmet

    @property
    def is_issuer_only(self):
        """Nothing the form could check: a route with no requirements, or only ones the issuer judges."""
        return all(check.status == ISSUER for check in self.checks)

    @property
    def is_open(self):
        """Nothing known to be missing, and something to go on beyond the issuer's judgement."""
        return not self.missing and not self.is_met and not self.is_issuer_only

    @property
    def facts(self):
        return frozenset().union(*(check.facts for check in self.checks))


@dataclass(frozen=True)
class Advice:
    """One option of a route's recommended (not required) preparation, against the answers."""

    recommendation: object
    status: str  # MET, MISSING, CHECK, or ISSUER when it names something the form does not ask


class Verdict:
    HELD = "held"
    ELIGIBLE = "eligible"
    CHECK = "check"
    NOT_YET = "not-yet"
    NOT_STATED = "not-stated"


@dataclass(frozen=True)
class Assessment:
    credential: object
    verdict: str
    route: RouteResult | None = None
    routes: tuple = field(default=())
    advice: tuple = field(default=())

    @property
    def is_eligible(self):
        return self.verdict in (Verdict.ELIGIBLE, Verdict.HELD)

    @property
    def source(self):
        return self.route.route.source if self.route else None

    @property
    def questions(self):
        """What to check, for a CHECK verdict: the student's unknowns, then what only the issuer can judge."""
        if self.route is None:
            return []
        return [check.question for check in self.route.to_check if check.question]

    @property
    def advice_met(self):
        return [item for item in self.advice if item.status == MET]


# The rules, one per kind of requirement. Each returns (status, note or question, facts it rests on).


FIELD_OF_PROGRAMS = FieldOfStudy.HEALTH_INFORMATION  # the programs the planner asks about


def _level_name(level):
    return level.name[0].lower() + level.name[1:] if level.name[:2] != level.name[:2].upper() else level.name


def _years(value):
    value = Decimal(value).normalize()
    return f"{value:f} year{'s' if value != 1 else ''}"


def _check_education(requirement, profile):
    level, wanted = requirement.education_level, requirement.field_of_study
    facts = frozenset({"education_rank", "field"} if wanted else {"education_rank"})

    def field_fits(value):
        if not wanted:
            return True
        if wanted == FieldOfStudy.HEALTH:
            return value in (FieldOfStudy.HEALTH, FieldOfStudy.HEALTH_INFORMATION)
        return value == wanted

    # A finished health information program is education in health information too.
    if profile.has_finished_program and profile.program_rank >= level.rank and field_fits(FIELD_OF_PROGRAMS):
        return MET, "", frozenset({"program_rank", "stage"})
    rank = profile.education_rank
    if rank is not None and rank >= level.rank:
        if field_fits(profile.field):
            return MET, "", facts
        if profile.field is None:
            subject = FieldOfStudy(wanted).label.split(" (")[0].lower()
            return CHECK, f"whether your {_level_name(level)} is in {subject}", facts
        return MISSING, f"You told us yours is in {FIELD_LABELS.get(profile.field, 'another field')}.", facts
    if rank is None:
        return CHECK, f"whether you have {with_article(_level_name(level))} or more", facts
    if profile.stage in (Stage.STUDYING, Stage.FINAL_TERM) and (profile.program_rank or 0) >= level.rank:
        return MISSING, "You told us you are still studying for it.", facts
    return MISSING, "", facts


def _check_program(requirement, profile, *, early):
    """An accredited program. With early testing in the route, its level must be the one leading to the credential."""
    facts = frozenset({"program_rank", "accreditor"} if early else {"program_rank", "accreditor", "stage"})
    accreditor, credential = requirement.accreditor, requirement.route.credential
    if profile.program_rank is None:
        return CHECK, f"whether you are in or have finished a program accredited by {accreditor.abbreviation}", facts
    if profile.program_rank == 0:
        return MISSING, "You told us you have not studied in a health information program.", facts
    missing, questions = [], []
    if profile.accreditor is None:
        questions.append(f"whether your program is accredited by {accreditor.abbreviation}")
    elif profile.accreditor != accreditor.slug:
        missing.append(f"You told us your program is not accredited by {accreditor.abbreviation}.")
    wanted_kind = requirement.program_type
    if wanted_kind and wanted_kind != profile.program_kind:
        missing.append(f"It must be a {RequirementProgramType(wanted_kind).label.lower()}.")
    level = requirement.education_level
    if level is not None:
        if early and profile.program_rank > level.rank:
            questions.append(
                f"whether {credential.issuer.abbreviation} lets students of your program test "
                f"early (the source names {_level_name(level)} programs)"
            )
        elif early and profile.program_rank < level.rank:
            missing.append(f"Early testing is for the program that leads to {credential.abbreviation}.")
        elif profile.program_rank < level.rank:
            missing.append(f"It must be at least {with_article(_level_name(level))} program.")
    if not early:
        if profile.stage is None:
            questions.append("whether you have finished your program")
        elif profile.stage != Stage.FINISHED:
            missing.append("You told us you have not finished it yet.")
    if missing:
        return MISSING, " ".join(missing), facts
    if questions:
        return CHECK, " and ".join(questions), facts
    return MET, "", facts


def _check_early_testing(requirement, profile):
    facts = frozenset({"stage"})
    if profile.program_rank == 0:
        return MISSING, "", facts
    if profile.stage is None:
        return CHECK, "whether you are in the last term of your program or later", facts
    if profile.stage == Stage.STUDYING:
        return MISSING, "You told us you are not in your last term yet.", facts
    return MET, "", facts


def _check_experience(requirement, profile):
    wanted = requirement.experience_kind
    facts = frozenset({"experience_kind", "experience_amount"} if wanted else {"experience_amount"})
    years, hours = requirement.experience_years, requirement.experience_hours
    if years is None and hours is None:
        return ISSUER, f"whether your experience counts: {requirement.detail}", facts
    kind = EXPERIENCE_LABELS.get(wanted, "work")
    if profile.experience_kind == NONE:
        return MISSING, "You told us you have no work experience yet.", facts
    if wanted and profile.experience_kind is not None and profile.experience_kind != wanted:
        return MISSING, f"You told us your experience is in {EXPERIENCE_LABELS[profile.experience_kind]}.", facts
    have_years, have_hours = profile.experience_years, profile.experience_hours
    if have_years is None and have_hours is None:
        return CHECK, f"how much {kind} experience you have", facts
    meets_years = years is not None and have_years is not None and have_years >= years
    meets_hours = hours is not None and have_hours is not None and have_hours >= hours
    if wanted and profile.experience_kind is None and (meets_years or meets_hours):
        return CHECK, f"whether your work counts as {kind} experience", facts
    if meets_years or meets_hours:
        return MET, "", facts
    if years is None and have_hours is None:
        # The source states hours only and converts them to nothing: years cannot be compared with it.
        return CHECK, f"whether your {_years(have_years)} of work add up to {hours:,} hours", facts
    if years is not None and have_years is not None:
        return MISSING, f"You told us {_years(have_years)}; this route asks for {_years(years)}.", facts
    return MISSING, f"You told us {have_hours or 0:,} hours; this route asks for {hours:,}.", facts


def _check_practicum(requirement, profile):
    facts = frozenset({"practicum_hours"})
    hours = requirement.experience_hours
    if hours is None:
        return ISSUER, f"whether your practicum counts: {requirement.detail}", facts
    if profile.practicum_hours is None:
        return CHECK, "how many practicum hours you have done", facts
    if profile.practicum_hours < hours:
        return MISSING, f"You told us {profile.practicum_hours:,} of the {hours:,} hours.", facts
    return MET, "", facts


def _check_coursework(requirement, profile):
    facts = frozenset({"courses"})
    if requirement.course is None:
        return ISSUER, f"whether your courses count: {requirement.detail}", facts
    if profile.courses is None:
        return CHECK, f"whether you have passed {requirement.course.name.lower()}", facts
    if requirement.course.slug in profile.courses:
        return MET, "", facts
    return MISSING, f"You did not tick {requirement.course.name.lower()}.", facts


def _check_credential(requirement, profile):
    facts = frozenset({"credentials"})
    accepted = {credential.slug for credential in rows(requirement, "credentials")}
    if not accepted:
        return ISSUER, f"whether you meet this: {requirement.detail}", facts
    if profile.credentials is None:
        names = ", ".join(credential.abbreviation for credential in rows(requirement, "credentials"))
        return CHECK, f"whether you hold one of these: {names}", facts
    return (MET, "", facts) if accepted & profile.credentials else (MISSING, "", facts)


def _check_other(requirement, profile):
    return ISSUER, f"whether you meet this: {requirement.detail[0].lower()}{requirement.detail[1:]}", frozenset()


RULES = {
    RequirementKind.EDUCATION: _check_education,
    RequirementKind.EARLY_TESTING: _check_early_testing,
    RequirementKind.EXPERIENCE: _check_experience,
    RequirementKind.PRACTICUM: _check_practicum,
    RequirementKind.COURSEWORK: _check_coursework,
    RequirementKind.CREDENTIAL: _check_credential,
}


def check_requirement(requirement, profile, *, early=False):
    """Met, missing, to check (an answer not given), or for the issuer to judge."""
    if requirement.kind == RequirementKind.PROGRAM:
        status, text, facts = _check_program(requirement, profile, early=early)
    else:
        status, text, facts = RULES.get(requirement.kind, _check_other)(requirement, profile)
    if status == MISSING:
        return Check(requirement, status, note=text, facts=facts)
    return Check(requirement, status, question=text, facts=facts)


def assess_route(route, profile):
    requirements = rows(route, "requirements")
    early = any(requirement.kind == RequirementKind.EARLY_TESTING for requirement in requirements)
    return RouteResult(route=route, checks=tuple(check_requirement(req, profile, early=early) for req in requirements))


def advise(recommendation, profile):
    """Whether the student already has one recommended option; ISSUER when it names something the form does not ask."""
    statuses = []
    if recommendation.experience_years is not None:
        kind, years = profile.experience_kind, profile.experience_years
        if kind is None or (kind == recommendation.experience_kind and years is None):
            statuses.append(CHECK)
        else:
            matches = kind == recommendation.experience_kind and years >= recommendation.experience_years
            statuses.append(MET if matches else MISSING)
    accepted = {credential.slug for credential in rows(recommendation, "credentials")}
    if accepted and profile.credentials is None:
        statuses.append(CHECK)
    elif accepted:
        statuses.append(MET if accepted & profile.credentials else MISSING)
    if not statuses:
        return Advice(recommendation, ISSUER)
    for status in (MISSING, CHECK):
        if status in statuses:
            return Advice(recommendation, status)
    return Advice(recommendation, MET)


def _assessment(credential, verdict, result, results, profile):
    advice = ()
    if result is not None:
        advice = tuple(advise(item, profile) for item in rows(result.route, "recommendations"))
    return Assessment(credential, verdict, result, results, advice)


def assess(credential, profile):
    """Eligible through a route fully met; else Check through an open route (nothing known to be missing);
    else Not yet, naming the closest route (fewest items left, then position)."""
    results = tuple(assess_route(route, profile) for route in rows(credential, "routes"))
    if credential.slug in (profile.credentials or ()):
        return Assessment(credential, Verdict.HELD, routes=results)
    if not results:
        return Assessment(credential, Verdict.NOT_STATED)
    for result in results:
        if result.is_met:
            return _assessment(credential, Verdict.ELIGIBLE, result, results, profile)
    open_routes = [result for result in results if result.is_open]
    if open_routes:
        best = min(open_routes, key=lambda result: (len(result.to_check), result.route.position))
        return _assessment(credential, Verdict.CHECK, best, results, profile)
    # A route the form cannot check at all is not "nothing missing": it is never the closest.
    known = [result for result in results if not result.is_issuer_only]
    if not known:
        return Assessment(credential, Verdict.NOT_STATED, routes=results)
    closest = min(known, key=lambda result: (len(result.unmet), result.route.position))
    return _assessment(credential, Verdict.NOT_YET, closest, results, profile)
