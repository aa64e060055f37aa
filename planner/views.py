from django.shortcuts import render
from django.urls import reverse

from credentials.models import Credential, EducationLevel
from guides.models import Occupation, Pathway
from sources.meta import page_meta

from . import charts
from .eligibility import assess
from .forms import Options, PlannerForm, is_answered
from .routes import Planner

DESCRIPTION = (
    "Check which health information credentials you can sit now, what is still missing, and the routes, "
    "time and cost to a credential or job."
)


def planner(request):
    """Eligibility for every credential and, for a chosen target, the routes there. Answers live in the URL only."""
    answered = is_answered(request.GET)
    credentials = list(Credential.objects.published().with_details())
    occupations = list(Occupation.objects.published().with_entry_and_credentials())
    options = Options.from_content(
        levels=EducationLevel.objects.all(), credentials=credentials, occupations=occupations
    )
    form = PlannerForm(request.GET if answered else None, options=options)
    context = {
        "nav": "planner",
        "form": form,
        "page": page_meta(request, title="Plan your route", description=DESCRIPTION),
    }
    if answered and form.is_valid():
        profile = form.profile()
        context["assessments"] = [assess(credential, profile) for credential in credentials]
        context["share_url"] = request.build_absolute_uri(f"{reverse('planner:planner')}?{form.query_string()}")
        context["target"] = _plan(form.chosen_target(), profile, credentials, occupations)
        if context["target"] is not None:
            context["page"] = page_meta(request, title=f"Routes to {context['target'].name}", description=DESCRIPTION)
    return render(request, "planner/planner.html", context)


def _plan(choice, profile, credentials, occupations):
    if choice is None:
        return None
    kind, slug = choice
    route_planner = Planner(
        credentials=credentials, pathways=Pathway.objects.published().with_steps(), occupations=occupations
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
