from django import template
from django.urls import reverse

from credentials.models import EducationLevel, RequirementKind
from planner.eligibility import assess
from planner.forms import Options, PlannerForm, fields_for

register = template.Library()


@register.inclusion_tag("planner/eligibility_check.html", takes_context=True)
def eligibility_check(context, credential):
    """A short form asking only what this credential's routes depend on, with the verdict when answered."""
    only = fields_for(credential)
    if not only:
        return {"credential": credential, "form": None}
    query = context["request"].GET
    answered = any(name in query for name in only)
    requirements = [req for route in credential.routes.all() for req in route.requirements.all()]
    held = {c.slug: c for req in requirements if req.kind == RequirementKind.CREDENTIAL for c in req.credentials.all()}
    options = Options.from_content(levels=EducationLevel.objects.all(), credentials=[credential], held=held.values())
    form = PlannerForm(query if answered else None, options=options, only=only, with_target=False)
    result = {"credential": credential, "form": form, "answered": answered}
    if answered and form.is_valid():
        result["assessment"] = assess(credential, form.profile())
        answers = form.query_string(answers_only=True)
        target = f"target=credential-{credential.slug}"
        result["planner_url"] = f"{reverse('planner:planner')}?{'&'.join(filter(None, [answers, target]))}"
    return result
