"""Where a new student starts: the route the home page recommends, and everything else from entry level up.

Works on prefetched rows (see `guides.views.home`): no queries of its own.
"""

from dataclasses import dataclass

from credentials.models import Credential

from . import current

LEVEL_ORDER = [
    Credential.Level.ENTRY,
    Credential.Level.PROFESSIONAL,
    Credential.Level.SPECIALTY,
    Credential.Level.ADVANCED,
]


@dataclass
class Route:
    pathway: object
    totals: object
    pay: object  # the current median pay (current.Answer) of the job the route leads to


def awards_entry_credential(pathway):
    return any(
        step.awards_credential is not None and step.awards_credential.level == Credential.Level.ENTRY
        for step in pathway.steps.all()
    )


def recommended_route(pathways, occupations):
    """The entry route: it ends in an entry-level credential, and its sources state the most about time and cost."""
    pay_by_occupation = {occupation.pk: current.median_pay(occupation) for occupation in occupations}

    def known(pathway):
        totals = pathway.totals()
        return (
            awards_entry_credential(pathway),
            totals.duration_min is not None,
            totals.cost_min is not None,
            -len(totals.untimed_steps) - len(totals.uncosted_steps),
            pathway.occupation_id in pay_by_occupation,
        )

    if not pathways:
        return None
    best = max(pathways, key=known)
    return Route(best, best.totals(), pay_by_occupation.get(best.occupation_id, current.Answer()))


def credentials_from_entry_up(credentials):
    return sorted(credentials, key=lambda credential: (LEVEL_ORDER.index(credential.level), credential.abbreviation))


def occupations_from_entry_up(occupations):
    """Jobs by the lowest education their sources say they start with (unstated last), then by title."""

    def entry_rank(occupation):
        ranks = [entry.education_level.rank for entry in occupation.entry_educations.all()]
        return (min(ranks) if ranks else float("inf"), occupation.title)

    return sorted(occupations, key=entry_rank)


@dataclass
class PathwayGuide:
    pathway: object
    totals: object
    starts_with: object  # the first step
    advice: str


def pathway_guide(pathways):
    """Each pathway with what sets it apart and when to follow it, the recommended route first."""
    route = recommended_route(pathways, [])
    guides = []
    for pathway in pathways:
        steps = list(pathway.steps.all())
        first = steps[0] if steps else None
        starts_at_school = (
            first is not None and first.awards_education is not None and first.awards_education.slug == "high-school"
        )
        if route is not None and pathway == route.pathway:
            advice = (
                "Follow this one if you know you want the credential and a first job: "
                "it states how long and what it costs."
            )
        elif starts_at_school:
            advice = (
                "Follow this one if you are still in high school: it starts there and goes on to advancing your career."
            )
        else:
            advice = "Read this one for a second view of the same route, in fewer, broader stages."
        guides.append(PathwayGuide(pathway, pathway.totals(), first, advice))
    return sorted(guides, key=lambda guide: route is None or guide.pathway != route.pathway)
