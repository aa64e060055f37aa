from django import template

from credentials.models import Credential

from ..models import Occupation, Pathway

register = template.Library()

REVIEW_WINDOW_DAYS = 30


@register.inclusion_tag("admin/guides/review_queue.html", takes_context=True)
def review_queue(context):
    """Published content due for review within a month, or overdue, for the admin's front page."""
    user = context["request"].user
    due = []
    for model in (Pathway, Occupation, Credential):
        if user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
            for item in model.objects.due_for_review(within_days=REVIEW_WINDOW_DAYS):
                item.kind = model._meta.verbose_name
                item.admin_url = f"admin:{model._meta.app_label}_{model._meta.model_name}_change"
                due.append(item)
    due.sort(key=lambda item: item.next_review_due)
    return {"due": due, "window": REVIEW_WINDOW_DAYS, "can_edit": user.has_perm("guides.change_pathway")}
