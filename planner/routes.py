"""Route planner: from what a student has to a credential or a job, the alternative routes, each as stages.

Works on content already loaded (credentials with details and recommendations, published pathways with steps,
occupations with entry education and preferred credentials); it runs no queries. Times are in months from the
sources' own figures; hours stay hours unless a source converts them. Costs are current exam fees only, each
with its year; what a total leaves out is listed in words. None means the sources do not state it, never zero.
"""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from credentials.models import EducationLevel, FieldOfStudy, RequirementKind
from sources.models import Source

from . import units
from .eligibility import CHECK, ISSUER, MET, MISSING, advise, assess, rows
from .eligibility import Stage as StudyStage
from .units import with_article
from .verdicts import lower_first, source_label

MAX_DEPTH = 3
TUITION = "tuition, which varies by program and is not in our sources"


@dataclass
class Stage:
    title: str
    detail: str = ""
    kind: str = ""  # the requirement kind it comes from, "exam", "check" or "step"
    duration_min: Decimal | None = None  # months
    duration_max: Decimal | None = None
    time_basis: str = ""
    hours: int | None = None  # a time the sources give in hours only
    hours_of: str = ""
    fee: object = None  # the exam fee's current answer (sources.answers.Answer), for an exam
    fee_credential: object = None
    cost_note: str = ""  # what this stage may cost that the plan cannot count
    links: list = field(default_factory=list)
    gives: dict = field(default_factory=dict)  # Profile.gain() arguments: what finishing the stage gives
    jobs: list = field(default_factory=list)

    @property
    def is_timed(self):
        return self.duration_min is not None

    @property
    def time_text(self):
        if self.is_timed:
            return units.span_in_words(self.duration_min, self.duration_max)
        if self.hours is not None:
            return units.hours_in_words(self.hours, self.hours_of)
        return ""

    @property
    def cost_text(self):
        """The current fee with its year and who pays which price, or why there is no figure."""
        if self.kind == "check":
            return ""
        if self.fee is not None and self.fee.current is not None:
            return fee_text(self.fee_credential, self.fee)
        if self.cost_note == TUITION:
            return "tuition varies by program: not in our sources"
        if self.cost_note:
            return "not in our sources"
        return "none stated"

    @property
    def is_exam(self):
        return self.kind == "exam"

    def apply(self, profile):
        return profile.gain(**self.gives)


@dataclass
class Plan:
    title: str
    stages: list
    starting_jobs: list = field(default_factory=list)
    route: object = None
    is_ready: bool = False  # the student already meets the route: only the exam is left
    advice: tuple = ()
    issuer: object = None

    @property
    def key(self):
        return tuple(stage.title for stage in self.stages)

    # Time -----------------------------------------------------------------------------------------------

    @property
    def duration(self):
        timed = [stage for stage in self.stages if stage.is_timed]
        if not timed:
            return None, None
        low = sum((stage.duration_min for stage in timed), Decimal(0))
        return low, sum((stage.duration_max or stage.duration_min for stage in timed), Decimal(0))

    @property
    def untimed(self):
        return [stage for stage in self.stages if not stage.is_timed and stage.hours is None]

    @property
    def time_text(self):
        """The whole route's typical time: months in words, plus any hours the sources do not convert."""
        low, high = self.duration
        parts = [units.span_in_words(low, high)] if low is not None else []
        parts += [stage.time_text for stage in self.stages if not stage.is_timed and stage.hours is not None]
        return " plus ".join(parts)

    # Cost -----------------------------------------------------------------------------------------------

    @property
    def fees(self):
        """Current exam fees on this route: (credential, Answer) with a current row."""
        return [(stage.fee_credential, stage.fee) for stage in self.stages if stage.fee and stage.fee.current]

    @property
    def cost_text(self):
        """Fees added up, members and non-members apart, saying which years the figures are from."""
        fees = self.fees
        if not fees:
            return ""
        rows = [answer.current for _credential, answer in fees]
        totals = []
        if all(row.member_amount is not None for row in rows):
            members = " and ".join(sorted({credential.issuer.abbreviation for credential, _ in fees}))
            totals.append(f"{units.usd(sum(row.member_amount for row in rows))} for {members} members")
        if all(row.nonmember_amount is not None for row in rows):
            totals.append(f"{units.usd(sum(row.nonmember_amount for row in rows))} for non-members")
        text = " or ".join(totals)
        years = sorted({answer.year for _credential, answer in fees if answer.year})
        if len(years) > 1:
            text += f" (adding fees from {', '.join(map(str, years[:-1]))} and {years[-1]})"
        elif years:
            text += f" ({years[0]} {'fee' if len(fees) == 1 else 'fees'})"
        if len(totals) < 2 and rows:
            text += "; the other price is not in our sources for every fee"
        return text

    @property
    def stale_fees(self):
        return [(credential, answer) for credential, answer in self.fees if answer.is_stale]

    @property
    def leaves_out(self):
        """What the cost leaves out, in words: tuition, fees our sources do not have, membership dues."""
        notes = []
        for stage in self.stages:
            if stage.cost_note and stage.cost_note not in notes:
                notes.append(stage.cost_note)
        if any(row.member_amount is not None for row in (answer.current for _c, answer in self.fees)):
            notes.append("membership dues, for the member price: they are not in our sources")
        return notes

    # Order ----------------------------------------------------------------------------------------------

    @property
    def advice_items(self):
        """The issuer's recommended (not required) preparation: (option, whether the student has it)."""
        return [(lower_first(item.recommendation.detail), item.status == MET) for item in self.advice]

    @property
    def checks(self):
        return [stage for stage in self.stages if stage.kind == "check"]

    def sort_key(self):
        """Routes the student already qualifies for first, then the quickest whose time is known."""
        low, _high = self.duration
        unknown_time = any(not stage.is_exam for stage in self.untimed)
        position = self.route.position if self.route else 0
        return (not self.is_ready, len(self.checks), unknown_time, low or 0, len(self.stages), position)


@dataclass
class Target:
    kind: str
    item: object
    plans: list
    unplanned: list = field(default_factory=list)
    already_held: bool = False

    @property
    def name(self):
        return self.item.abbreviation if self.kind == "credential" else self.item.title


def fee_text(credential, answer):
    """ "$335 for NCRA members, $435 for non-members (2024 fee)", saying when the figure is old."""
    row, issuer = answer.current, credential.issuer.abbreviation
    prices = []
    if row.member_amount is not None:
        prices.append(f"{units.usd(row.member_amount)} for {issuer} members")
    if row.nonmember_amount is not None:
        prices.append(f"{units.usd(row.nonmember_amount)} for non-members")
    when = f"{answer.year} fee" if answer.year else "undated fee"
    if answer.is_stale:
        when += f", {answer.age_in_words}: the newest {issuer} gives in our sources"
    return f"{', '.join(prices)} ({when})"


def _span(values):
    """(lowest, highest) over (min, max) pairs the sources state, or (None, None)."""
    stated = [(low, high if high is not None else low) for low, high in values if low is not None]
    if not stated:
        return None, None
    return min(low for low, _ in stated), max(high for _, high in stated)


def _lower(text):
    return text[0].lower() + text[1:] if text[:2] != text[:2].upper() else text


class Planner:
    def __init__(self, *, credentials, pathways, occupations, today=None):
        self.credentials = {credential.slug: credential for credential in credentials}
        self.pathways = list(pathways)
        self.occupations = list(occupations)
        self.steps = [step for pathway in self.pathways for step in rows(pathway, "steps")]
        self.today = today
        # What opens each job (open_jobs asks for every stage of every plan): the lowest typical entry education,
        # and the credentials employers prefer.
        self.job_doors = [
            (
                occupation,
                min((entry.education_level.rank for entry in rows(occupation, "entry_educations")), default=None),
                rows(occupation, "preferred_credentials"),
            )
            for occupation in self.occupations
        ]

    # Jobs along the way ---------------------------------------------------------------------------

    def open_jobs(self, profile):
        """Occupations whose entry education the student has, or whose preferred credentials they hold."""
        jobs = []
        held = profile.credentials or frozenset()
        for occupation, entry_rank, preferred in self.job_doors:
            wanted = [cred for cred in preferred if cred.slug in held]
            if wanted:
                jobs.append((occupation, "employers prefer " + ", ".join(cred.abbreviation for cred in wanted)))
            elif entry_rank is not None and profile.education_rank is not None and profile.education_rank >= entry_rank:
                jobs.append((occupation, "you have its typical entry education"))
        return jobs

    def _add_jobs(self, plan, profile):
        plan.starting_jobs = self.open_jobs(profile)
        seen = {occupation.pk for occupation, _ in plan.starting_jobs}
        # Stages may be shared between plans built from the same sub-plan: give each plan its own copies.
        plan.stages = [replace(stage) for stage in plan.stages]
        for stage in plan.stages:
            profile = stage.apply(profile)
            stage.jobs = [(occ, why) for occ, why in self.open_jobs(profile) if occ.pk not in seen]
            seen |= {occupation.pk for occupation, _ in stage.jobs}
        return plan

    # Stages ---------------------------------------------------------------------------------------

    def _step_link(self, step):
        return (f"{step.pathway.title}, step {step.position}", step.get_absolute_url())

    def _timed_by(self, stage, steps):
        """Time from the pathway steps that describe this same stage, with the source that states it."""
        stage.duration_min, stage.duration_max = _span((s.duration_min_months, s.duration_max_months) for s in steps)
        timed = [step for step in steps if step.duration_min_months is not None]
        if timed:
            stage.time_basis = f"as {source_label(timed[0].source)} puts it"
        stage.links = [self._step_link(step) for step in steps]
        return stage

    def _steps_leading_to(self, credential, rank=None):
        """Steps of pathways that go on to award `credential`, awarding education (at `rank`, if given)."""
        steps = []
        for pathway in self.pathways:
            pathway_steps = rows(pathway, "steps")
            if not any(step.awards_credential_id == credential.pk for step in pathway_steps):
                continue
            for step in pathway_steps:
                if step.awards_education is not None and (rank is None or step.awards_education.rank == rank):
                    steps.append(step)
        return steps

    def education_stage(self, level, credential, field_of_study=""):
        title = f"Earn {with_article(_lower(level.name))}"
        if field_of_study == FieldOfStudy.HEALTH_INFORMATION:
            title += " in health information management"
        elif field_of_study == FieldOfStudy.HEALTH:
            title += " in a health field"
        stage = Stage(title=title, kind=RequirementKind.EDUCATION, cost_note=TUITION)
        stage.gives = {"education_rank": level.rank, "field": field_of_study or None}
        if not field_of_study:
            # A pathway to this same credential that has the student earn this level says how long it takes.
            self._timed_by(stage, self._steps_leading_to(credential, level.rank))
        return stage

    def program_stage(self, requirement, education=None, *, early=False, studying=False):
        """An accredited program. Time and links come only from pathway steps for this same credential."""
        accreditor, credential = requirement.accreditor, requirement.route.credential
        level = requirement.education_level
        if education is not None and (level is None or level.rank < education.education_level.rank):
            level = education.education_level  # one degree program gives both (CTR route A1)
        if level is not None and level.kind == EducationLevel.Kind.DEGREE:
            kind = f"{_lower(level.name)} program"
        elif requirement.program_type:
            kind = requirement.get_program_type_display().lower()
        else:
            kind = "program"
        program = f"{accreditor.abbreviation}-accredited {kind}"
        if early:
            title = f"Reach the last term of {with_article(program)}"
        elif studying:
            title = f"Finish your {program}"
        else:
            title = f"Complete {with_article(program)}"
        stage = Stage(title=title, detail=requirement.detail, kind=RequirementKind.PROGRAM, cost_note=TUITION)
        steps = self._steps_leading_to(credential, level.rank if level else None)
        if early or studying:
            stage.links = [self._step_link(step) for step in steps]
        else:
            self._timed_by(stage, steps)
        if not steps:
            stage.links = [(f"Programs accredited by {accreditor.abbreviation}", accreditor.get_absolute_url())]
        program_kind = level.kind if level else (requirement.program_type or EducationLevel.Kind.DEGREE)
        rank = level.rank if level else None
        # A program of no stated level still counts as a program, though as no particular level of education.
        stage.gives = {
            "program": (rank or 1, program_kind, accreditor.slug),
            "education_rank": None if early else rank,
            "field": FieldOfStudy.HEALTH_INFORMATION,
        }
        if early:
            stage.gives["program"] = (rank or 1, program_kind, accreditor.slug, StudyStage.FINAL_TERM)
        return stage

    def exam_stage(self, credential):
        steps = [s for s in self.steps if s.awards_credential_id == credential.pk and s.awards_education_id is None]
        stage = Stage(title=f"Pass the {credential.abbreviation} exam", kind="exam", fee_credential=credential)
        stage.links = [self._step_link(step) for step in steps]
        every_fee = f"{credential.abbreviation}: the exam and every fee our sources give"
        stage.links.append((every_fee, credential.get_absolute_url()))
        stage.fee = credential.answers(today=self.today).exam_fee
        if stage.fee.current is None:
            stage.cost_note = (
                f"the {credential.abbreviation} exam fee: {credential.issuer.abbreviation}'s current fee "
                "is not in our sources"
            )
        stage.gives = {"credentials": (credential.slug,)}
        return stage

    def experience_stage(self, requirement, profile):
        stage = Stage(title=f"Gain {_lower(requirement.detail)}", kind=RequirementKind.EXPERIENCE)
        years, hours = requirement.experience_years, requirement.experience_hours
        same_kind = not requirement.experience_kind or profile.experience_kind == requirement.experience_kind
        if years is not None:
            have = profile.experience_years if same_kind and profile.experience_years is not None else 0
            months = max(Decimal(years) - have, Decimal(0)) * 12
            stage.duration_min = stage.duration_max = months
            stage.time_basis = "what is left of the experience this route asks for"
            if hours is not None:
                stage.time_basis += f" ({requirement.route.source.publisher}: {hours:,} hours, one year full time)"
        elif hours is not None:
            have = profile.experience_hours if same_kind and profile.experience_hours is not None else 0
            stage.hours, stage.hours_of = max(hours - have, 0), "work"
        stage.gives = {"experience": (requirement.experience_kind or profile.experience_kind, years, hours)}
        return stage

    def practicum_stage(self, requirement, profile):
        left = max(requirement.experience_hours - (profile.practicum_hours or 0), 0)
        stage = Stage(title=requirement.detail, kind=RequirementKind.PRACTICUM, hours=left, hours_of="practicum")
        stage.gives = {"practicum_hours": requirement.experience_hours}
        return stage

    def check_stage(self, check):
        stage = Stage(title=f"Check {check.question}", detail=check.requirement.detail, kind="check")
        stage.links = [("Where this rule comes from", check.requirement.source.get_absolute_url())]
        return stage

    def _requirement_stages(self, check, result, profile, depth, merged_education):
        requirement = check.requirement
        kind = requirement.kind
        if check.status == CHECK:
            return [self.check_stage(check)]
        if kind == RequirementKind.EDUCATION:
            if merged_education is requirement:
                return []
            level, field_of_study = requirement.education_level, requirement.field_of_study
            return [self.education_stage(level, result.route.credential, field_of_study)]
        if kind == RequirementKind.PROGRAM:
            early = any(c.requirement.kind == RequirementKind.EARLY_TESTING for c in result.checks)
            studying = profile.stage in (StudyStage.STUDYING, StudyStage.FINAL_TERM) and profile.accreditor == (
                requirement.accreditor.slug
            )
            return [self.program_stage(requirement, merged_education, early=early, studying=studying)]
        if kind == RequirementKind.EARLY_TESTING:
            if any(c.requirement.kind == RequirementKind.PROGRAM and not c.is_met for c in result.checks):
                return []  # the program stage takes the student to its last term
            return [Stage(title="Reach the last term of your program", kind=kind, gives={})]
        if kind == RequirementKind.EXPERIENCE:
            return [self.experience_stage(requirement, profile)]
        if kind == RequirementKind.PRACTICUM:
            return [self.practicum_stage(requirement, profile)]
        if kind == RequirementKind.COURSEWORK:
            courses = (requirement.course.slug,) if requirement.course else ()
            return [Stage(title=f"Pass {_lower(requirement.detail)}", kind=kind, gives={"courses": courses})]
        if kind == RequirementKind.CREDENTIAL:
            options = [self.credentials[c.slug] for c in rows(requirement, "credentials") if c.slug in self.credentials]
            plans = [plan for option in options for plan in self.plans_for_credential(option, profile, depth + 1)]
            return list(_best(plans).stages) if plans else []
        return []

    # Plans ----------------------------------------------------------------------------------------

    def route_plan(self, credential, result, profile, depth=0):
        """Stages for what a route still needs, then the exam; None when part of it only the issuer can judge."""
        unmet = result.unmet
        if not result.checks or any(check.status == ISSUER for check in unmet) or depth > MAX_DEPTH:
            return None
        missing = [check.requirement for check in unmet if check.status == MISSING]
        education = next((r for r in missing if r.kind == RequirementKind.EDUCATION and not r.field_of_study), None)
        programs = [r for r in missing if r.kind == RequirementKind.PROGRAM]
        merge = education if any(p.program_type != p.ProgramType.CERTIFICATE for p in programs) else None
        stages, start = [], profile
        for check in unmet:
            for stage in self._requirement_stages(check, result, profile, depth, merge):
                stages.append(stage)
                profile = stage.apply(profile)
        if any(check.requirement.kind == RequirementKind.CREDENTIAL for check in unmet) and not stages:
            return None
        stages.append(self.exam_stage(credential))
        return Plan(
            title=f"{credential.abbreviation} through {result.route.name}",
            stages=stages,
            route=result.route,
            is_ready=result.is_met,
            advice=tuple(advise(item, start) for item in rows(result.route, "recommendations")),
            issuer=credential.issuer,
        )

    def plans_for_credential(self, credential, profile, depth=0):
        assessment = assess(credential, profile)
        plans = [self.route_plan(credential, result, profile, depth) for result in assessment.routes]
        return [plan for plan in plans if plan is not None]

    def for_credential(self, credential, profile):
        if credential.slug in (profile.credentials or ()):
            return Target("credential", credential, [], already_held=True)
        assessment = assess(credential, profile)
        plans = self.plans_for_credential(credential, profile)
        unplanned = [r.route for r in assessment.routes if self.route_plan(credential, r, profile) is None]
        for before in rows(credential, "leads_from"):
            before = self.credentials.get(before.slug)
            if before is None or before.slug in (profile.credentials or ()):
                continue
            first = _best(self.plans_for_credential(before, profile))
            if first is None:
                continue
            after = profile
            for stage in first.stages:
                after = stage.apply(after)
            then = _best(self.plans_for_credential(credential, after))
            if then is None:
                continue
            same_as_direct = any(plan.key == then.key for plan in plans)
            new_jobs = {occ.pk for occ, _ in self.open_jobs(after)} - {occ.pk for occ, _ in self.open_jobs(profile)}
            if same_as_direct and not new_jobs:
                continue  # the earlier credential brings the target no nearer and opens no job on the way
            title = f"Through {before.abbreviation}, then {credential.abbreviation}"
            plans.append(Plan(title, first.stages + then.stages, issuer=credential.issuer))
        return Target("credential", credential, self._finish(plans, profile), unplanned=unplanned)

    def for_occupation(self, occupation, profile):
        plans = [
            self.pathway_plan(pathway, profile) for pathway in self.pathways if pathway.occupation_id == occupation.pk
        ]
        for preferred in rows(occupation, "preferred_credentials"):
            credential = self.credentials.get(preferred.slug)
            if credential is not None and credential.slug not in (profile.credentials or ()):
                best = _best(self.plans_for_credential(credential, profile))
                if best is not None:
                    plans.append(replace(best, title=f"Through the {credential.abbreviation} credential"))
        return Target("occupation", occupation, self._finish(plans, profile))

    def pathway_plan(self, pathway, profile):
        """A pathway's steps, leaving out those that only award what the student already has."""
        stages = []
        held = profile.credentials or frozenset()
        for step in rows(pathway, "steps"):
            has_education = step.awards_education and (profile.education_rank or 0) >= step.awards_education.rank
            has_credential = step.awards_credential and step.awards_credential.slug in held
            awards = [award for award in (step.awards_education, step.awards_credential) if award is not None]
            if awards and len(awards) == bool(has_education) + bool(has_credential):
                continue
            stages.append(self._step_stage(step))
        return Plan(title=f"Pathway: {pathway.title}", stages=stages, is_ready=not stages)

    def _step_stage(self, step):
        stage = self._timed_by(Stage(title=step.title, kind="step"), [step])
        credential = self.credentials.get(step.awards_credential.slug) if step.awards_credential else None
        if step.awards_education is not None:
            stage.cost_note = TUITION
        if credential is not None and step.awards_education is None:
            stage.fee, stage.fee_credential = credential.answers(today=self.today).exam_fee, credential
            if stage.fee.current is None:
                stage.cost_note = (
                    f"the {credential.abbreviation} exam fee: {credential.issuer.abbreviation}'s current fee "
                    "is not in our sources"
                )
        elif step.cost_min is not None and step.source.kind != Source.Kind.OFFICIAL:
            stage.cost_note = (
                f"“{step.title}”: only a career article gives a cost ({units.usd(step.cost_min)}, "
                f"{step.source.as_of}), not confirmed by the issuer"
            )
        stage.gives = {
            "education_rank": step.awards_education.rank if step.awards_education else None,
            "credentials": (step.awards_credential.slug,) if step.awards_credential else (),
        }
        return stage

    def _finish(self, plans, profile):
        unique = {}
        for plan in plans:
            unique.setdefault(plan.key, plan)
        finished = [self._add_jobs(plan, profile) for plan in unique.values()]
        return sorted(finished, key=Plan.sort_key)


def _best(plans):
    return min(plans, key=Plan.sort_key) if plans else None
