from django.db.models import prefetch_related_objects
from django.shortcuts import redirect, render
from django.urls import reverse

from credentials.models import Credential, EducationLevel, recommendations_prefetch
from credentials.panels import Panel
from editorial import version
from guides.models import Occupation, Pathway
from sources.meta import page_meta

from . import charts, links
from .eligibility import assess
from .forms import Options, PlannerForm, fields_for, is_answered
from .routes import Planner
from .verdicts import explain, summary

DESCRIPTION = (
    "Check which health information credentials you can sit now, what is still missing, and the routes, "
    "time and cost to a credential or job."
)


def planner(request):
    """Eligibility for every credential and, for a chosen target, the routes there. Answers live in the URL only."""
    answered = is_answered(request.GET)
    # Every answer is planned over the same content: load it once per content version, not per visitor.
    credentials, occupations, options = version.memoize("planner", _content)
    if answered:
        upgraded = links.upgrade(request.GET, options)
        if upgraded is not None:
            return redirect(f"{reverse('planner:planner')}?{upgraded.urlencode()}", permanent=True)
    form = PlannerForm(request.GET if answered else None, options=options)
    context = {"nav": "planner", "form": form}
    target = None
    if answered and form.is_valid():
        profile = form.profile()
        assessments = [assess(credential, profile) for credential in credentials]
        context["verdicts"] = [(assessment, explain(assessment)) for assessment in assessments]
        context["summary"] = summary(assessments)
        context["share_url"] = request.build_absolute_uri(f"{reverse('planner:planner')}?{form.query_string()}")
        target = context["target"] = _plan(form.chosen_target(), profile, credentials, occupations)
    title = f"Routes to {target.name}" if target is not None else "Plan your route"
    context["page"] = page_meta(request, title=title, description=DESCRIPTION)
    return render(request, "planner/planner.html", context)


def _content():
    credentials = list(Credential.objects.published().with_details().with_recommendations())
    occupations = list(Occupation.objects.published().with_entry_and_credentials())
    options = Options.from_content(
        levels=EducationLevel.objects.all(), credentials=credentials, occupations=occupations
    )
    return credentials, occupations, options


def _plan(choice, profile, credentials, occupations):
    if choice is None:
        return None
    kind, slug = choice
    route_planner = version.memoize(
        "planner:routes",
        lambda: Planner(
            credentials=credentials, pathways=Pathway.objects.published().for_planning(), occupations=occupations
        ),
    )
    if kind == "credential":
        item = next(credential for credential in credentials if credential.slug == slug)
        target = route_planner.for_credential(item, profile)
    else:
        item = next(occupation for occupation in occupations if occupation.slug == slug)
        target = route_planner.for_occupation(item, profile)
    target.charts = [
        {"plan": plan, "chart": charts.timeline(plan), "id": f"plan-{index}"}
        for index, plan in enumerate(target.plans, start=1)
    ]
    return target


def eligibility_panel(request, credential):
    """The credential page's short check: only what this credential's routes ask, with the verdict once answered.

    Registered with credentials.panels, so the credential view prepares it without importing the planner.
    """
    prefetch_related_objects([credential], recommendations_prefetch())
    only = fields_for(credential)
    if not only:
        return None
    query = request.GET
    answered = any(name in query for name in [*only, "hours"])
    requirements = [req for route in credential.routes.all() for req in route.requirements.all()]
    recommendations = [rec for route in credential.routes.all() for rec in route.recommendations.all()]
    held = {c.slug: c for req in requirements for c in req.credentials.all()}
    held |= {c.slug: c for rec in recommendations for c in rec.credentials.all()}
    options = Options.from_content(levels=EducationLevel.objects.all(), credentials=[credential], held=held.values())
    if answered and links.is_legacy(query):
        query = links.upgrade_legacy(query, options)
    form = PlannerForm(query if answered else None, options=options, only=only, with_target=False)
    context = {"credential": credential, "form": form, "answered": answered}
    if answered and form.is_valid():
        assessment = assess(credential, form.profile())
        context["verdict"] = (assessment, explain(assessment))
        answers = form.query_string(answers_only=True)
        target = f"target=credential-{credential.slug}"
        context["planner_url"] = f"{reverse('planner:planner')}?{'&'.join(filter(None, [answers, target]))}"
    return Panel("planner/eligibility_check.html", context)
