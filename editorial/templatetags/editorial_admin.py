from django import template

from editorial import registry
from editorial.workflow import Reviewable

register = template.Library()

REVIEW_WINDOW_DAYS = 30


@register.inclusion_tag("admin/editorial/review_queue.html", takes_context=True)
def review_queue(context):
    """The admin front page: published content due for review within a month (or overdue), and the tools."""
    user = context["request"].user
    due = []
    for model in registry.content_models():
        opts = model._meta
        if issubclass(model, Reviewable) and user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            for item in model.objects.due_for_review(within_days=REVIEW_WINDOW_DAYS):
                item.kind = opts.verbose_name
                item.admin_url = f"admin:{opts.app_label}_{opts.model_name}_change"
                due.append(item)
    due.sort(key=lambda item: item.next_review_due)
    return {
        "due": due,
        "window": REVIEW_WINDOW_DAYS,
        "can_export": all(
            user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
            for model in registry.content_models()
        ),
        "can_import": user.has_perm("editorial.import_content"),
        "can_restore": any(
            user.has_perm(f"{label.split('.')[0]}.add_{label.split('.')[1].lower()}")
            for label in registry.recoverable_labels()
        ),
    }


@register.filter
def in_words(duration):
    """A timedelta as people say it: "15 minutes", "1 hour", "1 hour and 30 minutes"."""
    if duration is None:
        return ""
    minutes = round(duration.total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if minutes or not hours:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " and ".join(parts)
