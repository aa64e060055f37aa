"""Admin pieces every kind of content shares: history, the publishing workflow, review dates, export.

Content apps build their ModelAdmins on HistoryAdmin (or WorkflowAdmin for content with a workflow).
"""

import datetime

from axes.utils import reset
from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from . import content_io, locking
from .workflow import Status

WORKFLOW_FIELDS = ("status", "last_reviewed", "next_review_due")
EDIT_VERSION = "_edit_version"


class ReviewDueFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("soon", "Due in the next 30 days"), ("never", "Never reviewed")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.published().filter(next_review_due__lt=today)
        if self.value() == "soon":
            return queryset.published().filter(
                next_review_due__gte=today, next_review_due__lte=today + datetime.timedelta(days=30)
            )
        if self.value() == "never":
            return queryset.filter(last_reviewed__isnull=True)
        return queryset


def json_download(text, name):
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate():%Y-%m-%d}.json"'
    return response


@admin.action(description="Export selected as JSON (a backup or review copy)")
def export_selected(modeladmin, request, queryset):
    objects = list(queryset)
    name = objects[0].slug if len(objects) == 1 and hasattr(objects[0], "slug") else "careerpath-content"
    return json_download(content_io.export_objects(objects), name)


class MakeRoomForm(forms.ModelForm):
    """A numbered row (a step, a route…) may take a number another row holds: that row moves to make room
    (see make_room), so reverting a step to its old number works instead of "already exists"."""

    def _get_validation_exclusions(self):
        return {*super()._get_validation_exclusions(), "position"}

    def clean_position(self):
        position = self.cleaned_data.get("position")
        if position is not None and position < 1:
            raise forms.ValidationError("Numbers start at 1.")
        return position


def make_room(obj, *, reason):
    """If another row of the same owner holds obj's position, give it obj's old position (or the next free one)."""
    scope = content_io.position_scope(type(obj))
    if scope is None:
        return
    model = type(obj)
    owner = model._meta.get_field(scope).attname
    siblings = model._default_manager.filter(**{owner: getattr(obj, owner)})
    other = siblings.filter(position=obj.position).exclude(pk=obj.pk).first()
    if other is None:
        return
    old = siblings.filter(pk=obj.pk).values_list("position", flat=True).first() if obj.pk else None
    if old is None:
        old = (siblings.aggregate(models.Max("position"))["position__max"] or 0) + 1
    if obj.pk:
        siblings.filter(pk=obj.pk).update(position=models.F("position") + 10000)
    other.position = old
    other._change_reason = reason
    other.save()


def revert_owned(obj, when, user):
    """Put what `obj` owns (steps, tips, routes…) back as it was at `when`: edits undone, later additions
    removed, later removals restored, numbers as they were."""
    reason = f"Reverted with its {obj._meta.verbose_name} to {timezone.localtime(when):%d %b %Y %H:%M}"
    for relation in content_io.owned_relations(type(obj)):
        model, owner = relation.related_model, relation.field.attname
        if not hasattr(model, "history"):
            continue
        then = {}
        for record in model.history.filter(**{owner: obj.pk}, history_date__lte=when).order_by("history_date"):
            then[record.id] = record
        wanted = {pk: record for pk, record in then.items() if record.history_type != "-"}
        current = model._default_manager.filter(**{owner: obj.pk})
        for child in current.exclude(pk__in=list(wanted)):
            child._change_reason, child._history_user = reason, user
            child.delete()
        if content_io.position_scope(model) is not None:
            current.update(position=models.F("position") + 10000)
        now = {child.pk: child for child in model._default_manager.filter(pk__in=list(wanted))}
        for record in wanted.values():
            child = record.instance
            if child.pk in now:  # what no one edits by hand (a step's link number) stays as it is
                for field in model._meta.concrete_fields:
                    if not field.editable and not field.primary_key:
                        setattr(child, field.attname, getattr(now[child.pk], field.attname))
            child._change_reason, child._history_user = reason, user
            child.save()


class HistoryAdmin(SimpleHistoryAdmin):
    """Every change is recorded: who, when, what changed; advisors compare versions and revert.

    A change form saved from an outdated version is refused (editorial.locking): nobody loses an edit.
    """

    history_list_display = ["what_changed", "history_change_reason"]
    actions = [export_selected]
    change_form_template = "admin/editorial/change_form.html"
    object_history_template = "admin/editorial/object_history.html"

    def what_changed(self, record):
        return locking.describe(record, with_who=False)

    def history_view(self, request, object_id, extra_context=None):
        """The object's own versions, and (below) every change to what it owns: a pathway's steps and tips."""
        obj = self.get_object(request, object_id)
        if obj is not None:
            records = locking.owned_records(obj)[-200:]
            owned = [(record, locking.describe(record)) for record in reversed(records)]
            extra_context = {**(extra_context or {}), "owned_changes": owned}
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Reverting puts back what the object owned at that time too: a pathway's steps as they were."""
        response = super().history_form_view(request, object_id, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302 and "_continue" not in request.POST:
            record = self.model.history.filter(history_id=version_id).first()
            if record is not None:
                revert_owned(self.model._default_manager.get(pk=record.id), record.history_date, request.user)
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None:
            token = request.POST.get(EDIT_VERSION) or locking.version_token(obj)
            extra_context = {**(extra_context or {}), "edit_version": token, "edit_version_name": EDIT_VERSION}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if content_io.position_scope(self.model) is not None and "position" in form.base_fields:
            form = type(form.__name__, (MakeRoomForm, form), {})
        token = request.POST.get(EDIT_VERSION) if request.method == "POST" else None
        if obj is None or obj.pk is None or not token:
            return form

        class EditLockForm(form):
            def clean(self):
                cleaned_data = super().clean()
                # Hold the row until this save commits (PostgreSQL), so two saves cannot both pass the check.
                type(obj)._default_manager.select_for_update().filter(pk=obj.pk).exists()
                message = locking.conflict(obj, token)
                if message:
                    raise forms.ValidationError(message, code="edit_conflict")
                return cleaned_data

        EditLockForm.__name__ = form.__name__
        return EditLockForm

    def save_model(self, request, obj, form, change):
        make_room(obj, reason=f"Moved to make room for “{obj}”")
        super().save_model(request, obj, form, change)


@admin.action(description="Publish selected (records today as reviewed)")
def publish(modeladmin, request, queryset):
    for obj in queryset:
        obj.mark_published()
        obj._change_reason = "Published"
        obj.save()
    modeladmin.message_user(request, f"Published {len(queryset)} item(s); next review due in a year.", messages.SUCCESS)


def _move_to(status, *, name, description, reason, outcome):
    """An admin action that moves the selected content back out of view (to review or to draft)."""

    @admin.action(description=description)
    def action(modeladmin, request, queryset):
        for obj in queryset:
            obj.status = status
            obj._change_reason = reason
            obj.save()
        modeladmin.message_user(request, f"{len(queryset)} item(s) {outcome} and hidden from visitors.")

    action.__name__ = name
    return action


send_to_review = _move_to(
    Status.REVIEW,
    name="send_to_review",
    description="Send selected to review (hidden from visitors)",
    reason="Sent to review",
    outcome="are now in review",
)
return_to_draft = _move_to(
    Status.DRAFT,
    name="return_to_draft",
    description="Return selected to draft (hidden from visitors)",
    reason="Returned to draft",
    outcome="are now drafts",
)


class WorkflowAdmin(HistoryAdmin):
    """Draft → in review → published. Publishing records the review and schedules the next one."""

    actions = [publish, send_to_review, return_to_draft, export_selected]
    workflow_fieldset = (
        "Publishing",
        {
            "fields": WORKFLOW_FIELDS,
            "description": "Only published content is visible to visitors. Publishing sets “last reviewed” to "
            "today and the next review a year ahead.",
        },
    )

    @admin.display(description="Next review", ordering="next_review_due")
    def review_due(self, obj):
        if obj.next_review_due is None:
            return "—"
        if obj.is_review_overdue:
            return format_html('<strong class="review-overdue">Overdue since {}</strong>', obj.next_review_due)
        return obj.next_review_due

    def save_model(self, request, obj, form, change):
        became_published = obj.status == Status.PUBLISHED and (
            not change or form.initial.get("status") != Status.PUBLISHED
        )
        if became_published and "next_review_due" not in form.changed_data:
            obj.mark_published()
        super().save_model(request, obj, form, change)


@admin.action(description="Unlock sign-in for the selected users (after too many failed attempts)")
def unlock_sign_in(modeladmin, request, queryset):
    cleared = sum(reset(username=user.get_username()) for user in queryset)
    modeladmin.message_user(request, f"Unlocked {len(queryset)} user(s); {cleared} lock record(s) cleared.")


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class AccountAdmin(UserAdmin):
    """Django's user admin, plus unlocking an account that repeated failed sign-ins locked."""

    actions = [unlock_sign_in]
