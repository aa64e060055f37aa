"""Route planner: from what a student has to a credential or a job, the alternative routes, each as stages.

Works on content already loaded (credentials with details, published pathways with steps, occupations with
entry education and preferred credentials); it runs no queries. Times are in months, costs in US dollars;
None means the sources do not state it, never zero.
"""

from dataclasses import dataclass, field, replace
from decimal import Decimal

from credentials.models import RequirementKind

from .eligibility import FULL_TIME_HOURS_PER_YEAR, MISSING, assess

MAX_DEPTH = 3


@dataclass
class Stage:
    title: str
    detail: str = ""
    duration_min: Decimal | None = None
    duration_max: Decimal | None = None
    cost_min: Decimal | None = None
    cost_max: Decimal | None = None
    time_basis: str = ""
    cost_basis: str = ""
    links: list = field(default_factory=list)
    awards_rank: int | None = None
    awards_credentials: tuple = ()
    is_issuer_check: bool = False
    jobs: list = field(default_factory=list)

    @property
    def is_timed(self):
        return self.duration_min is not None

    def apply(self, profile):
        return profile.with_awards(education_rank=self.awards_rank, credentials=self.awards_credentials)


@dataclass
class Plan:
    title: str
    stages: list
    starting_jobs: list = field(default_factory=list)
    route: object = None

    def _total(self, low, high):
        stated = [stage for stage in self.stages if getattr(stage, low) is not None]
        if not stated:
            return None, None
        return (
            sum((getattr(stage, low) for stage in stated), Decimal(0)),
            sum((getattr(stage, high) or getattr(stage, low) for stage in stated), Decimal(0)),
        )

    @property
    def duration(self):
        return self._total("duration_min", "duration_max")

    @property
    def cost(self):
        return self._total("cost_min", "cost_max")

    @property
    def untimed(self):
        return [stage for stage in self.stages if stage.duration_min is None]

    @property
    def uncosted(self):
        return [stage for stage in self.stages if stage.cost_min is None]

    @property
    def key(self):
        return tuple(stage.title for stage in self.stages)


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


def _span(values):
    """(lowest, highest) over (min, max) pairs the sources state, or (None, None)."""
    stated = [(low, high if high is not None else low) for low, high in values if low is not None]
    if not stated:
        return None, None
    return min(low for low, _ in stated), max(high for _, high in stated)


def _months(hours):
    return (Decimal(hours) * 12 / FULL_TIME_HOURS_PER_YEAR).quantize(Decimal("0.1"))


class Planner:
    def __init__(self, *, credentials, pathways, occupations):
        self.credentials = {credential.slug: credential for credential in credentials}
        self.pathways = list(pathways)
        self.occupations = list(occupations)
        self.steps = [step for pathway in self.pathways for step in pathway.steps.all()]

    # Jobs along the way ---------------------------------------------------------------------------

    def open_jobs(self, profile):
        """Occupations whose entry education the student has, or whose preferred credentials they hold."""
        jobs = []
        for occupation in self.occupations:
            ranks = [entry.education_level.rank for entry in occupation.entry_educations.all()]
            wanted = [cred for cred in occupation.preferred_credentials.all() if cred.slug in profile.credentials]
            if wanted:
                jobs.append((occupation, "employers prefer " + ", ".join(cred.abbreviation for cred in wanted)))
            elif ranks and profile.education_rank is not None and profile.education_rank >= min(ranks):
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

    def _from_steps(self, stage, steps):
        """Fill a stage's time and cost from the pathway steps that describe the same thing."""
        stage.duration_min, stage.duration_max = _span((s.duration_min_months, s.duration_max_months) for s in steps)
        stage.cost_min, stage.cost_max = _span((s.cost_min, s.cost_max) for s in steps)
        stage.links = [self._step_link(step) for step in steps if step.duration_min_months or step.cost_min]
        return stage

    def education_stage(self, level, title=None, detail=""):
        steps = [step for step in self.steps if step.awards_education and step.awards_education.rank == level.rank]
        stage = Stage(title=title or f"Earn: {level.name}", detail=detail, awards_rank=level.rank)
        return self._from_steps(stage, steps)

    def exam_stage(self, credential):
        steps = [s for s in self.steps if s.awards_credential_id == credential.pk and s.awards_education_id is None]
        stage = self._from_steps(Stage(title=f"Pass the {credential.abbreviation} exam"), steps)
        fees = [fee for fee in credential.fees.all() if fee.kind == fee.Kind.EXAM]
        amounts = [amount for fee in fees for amount in (fee.member_amount, fee.nonmember_amount) if amount is not None]
        if amounts:
            low, high = _span([(stage.cost_min, stage.cost_max), (min(amounts), max(amounts))])
            stage.cost_min, stage.cost_max = low, high
            stage.cost_basis = "from the exam fees on the credential page"
        stage.links.append((f"{credential.abbreviation}: exam and fees", credential.get_absolute_url()))
        stage.awards_credentials = (credential.slug,)
        return stage

    def _program_stage(self, requirement, education):
        level = requirement.education_level
        # One degree program gives both the degree and the accreditation (CTR route A1).
        is_degree = requirement.program_type != requirement.ProgramType.CERTIFICATE
        if education is not None and is_degree and (level is None or level.rank < education.education_level.rank):
            level = education.education_level
        kind = requirement.get_program_type_display().lower() if requirement.program_type else "program"
        title = f"Complete a {requirement.accreditor.abbreviation}-accredited {kind}"
        if level is not None:
            return self.education_stage(level, title=title, detail=requirement.detail)
        return Stage(title=title, detail=requirement.detail)

    def _requirement_stages(self, check, profile, depth, merged_education):
        requirement = check.requirement
        kind = requirement.kind
        if kind == RequirementKind.EDUCATION:
            return [] if merged_education else [self.education_stage(requirement.education_level)]
        if kind == RequirementKind.PROGRAM:
            return [self._program_stage(requirement, merged_education)]
        if kind == RequirementKind.EXPERIENCE:
            return [self._experience_stage(requirement, profile.experience_years, profile.experience_hours)]
        if kind == RequirementKind.PRACTICUM:
            return [self._experience_stage(requirement, None, profile.practicum_hours)]
        if kind == RequirementKind.CREDENTIAL:
            options = [self.credentials[c.slug] for c in requirement.credentials.all() if c.slug in self.credentials]
            plans = [plan for option in options for plan in self.plans_for_credential(option, profile, depth + 1)]
            return list(min(plans, key=_plan_rank).stages) if plans else [Stage(title=requirement.detail)]
        return [Stage(title=requirement.detail)]

    def _experience_stage(self, requirement, have_years, have_hours):
        stage = Stage(title=requirement.detail, time_basis="the time this requirement states")
        if requirement.experience_years is not None:
            months = max(Decimal(str(requirement.experience_years)) - (have_years or 0), Decimal(0)) * 12
            stage.duration_min = stage.duration_max = months
        elif requirement.experience_hours is not None:
            stage.duration_min = stage.duration_max = _months(max(requirement.experience_hours - have_hours, 0))
            stage.time_basis = f"at full time ({FULL_TIME_HOURS_PER_YEAR:,} hours a year)"
        return stage

    # Plans ----------------------------------------------------------------------------------------

    def route_plan(self, credential, result, profile, depth=0):
        """Stages for what a route still needs, then the exam; None when the issuer must judge part of it."""
        unmet = result.unmet
        if not result.checks or any(check.status != MISSING for check in unmet) or depth > MAX_DEPTH:
            return None
        education = next((c.requirement for c in unmet if c.requirement.kind == RequirementKind.EDUCATION), None)
        programs = [c.requirement for c in unmet if c.requirement.kind == RequirementKind.PROGRAM]
        merge = education if any(p.program_type != p.ProgramType.CERTIFICATE for p in programs) else None
        stages = []
        for check in unmet:
            for stage in self._requirement_stages(check, profile, depth, merge):
                stages.append(stage)
                profile = stage.apply(profile)
        stages.append(self.exam_stage(credential))
        return Plan(title=f"{credential.abbreviation} through {result.route.name}", stages=stages, route=result.route)

    def plans_for_credential(self, credential, profile, depth=0):
        assessment = assess(credential, profile)
        plans = [self.route_plan(credential, result, profile, depth) for result in assessment.routes]
        return [plan for plan in plans if plan is not None]

    def for_credential(self, credential, profile):
        if credential.slug in profile.credentials:
            return Target("credential", credential, [], already_held=True)
        assessment = assess(credential, profile)
        plans = self.plans_for_credential(credential, profile)
        unplanned = [r.route for r in assessment.routes if self.route_plan(credential, r, profile) is None]
        for before in credential.leads_from.all():
            before = self.credentials.get(before.slug)
            if before is None or before.slug in profile.credentials:
                continue
            first = _best(self.plans_for_credential(before, profile))
            if first is None:
                continue
            after = profile
            for stage in first.stages:
                after = stage.apply(after)
            then = _best(self.plans_for_credential(credential, after))
            if then is not None:
                plans.append(
                    Plan(f"Through {before.abbreviation}, then {credential.abbreviation}", first.stages + then.stages)
                )
        return Target("credential", credential, self._finish(plans, profile), unplanned=unplanned)

    def for_occupation(self, occupation, profile):
        plans = [
            self.pathway_plan(pathway, profile) for pathway in self.pathways if pathway.occupation_id == occupation.pk
        ]
        for preferred in occupation.preferred_credentials.all():
            credential = self.credentials.get(preferred.slug)
            if credential is not None and credential.slug not in profile.credentials:
                best = _best(self.plans_for_credential(credential, profile))
                if best is not None:
                    plans.append(replace(best, title=f"Through the {credential.abbreviation} credential"))
        return Target("occupation", occupation, self._finish(plans, profile))

    def pathway_plan(self, pathway, profile):
        """A pathway's steps, leaving out those that only award what the student already has."""
        stages = []
        for step in pathway.steps.all():
            has_education = step.awards_education and (profile.education_rank or 0) >= step.awards_education.rank
            has_credential = step.awards_credential and step.awards_credential.slug in profile.credentials
            awards = [award for award in (step.awards_education, step.awards_credential) if award is not None]
            if awards and len(awards) == bool(has_education) + bool(has_credential):
                continue
            stage = self._from_steps(Stage(title=step.title), [step])
            stage.links = [self._step_link(step)]
            stage.awards_rank = step.awards_education.rank if step.awards_education else None
            stage.awards_credentials = (step.awards_credential.slug,) if step.awards_credential else ()
            stages.append(stage)
        return Plan(title=f"Pathway: {pathway.title}", stages=stages)

    def _finish(self, plans, profile):
        unique = {}
        for plan in plans:
            unique.setdefault(plan.key, plan)
        return [self._add_jobs(plan, profile) for plan in unique.values()]


def _plan_rank(plan):
    return (len(plan.stages), len(plan.untimed), plan.route.position if plan.route else 0)


def _best(plans):
    return min(plans, key=_plan_rank) if plans else None
