"""Advisor tools in the admin: export and import content, restore deleted content."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from . import content_io, recovery, registry
from .admin import json_download
from .models import ContentImport, DeletedContent


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Export file",
        help_text="A .json file exported from careerpath (one pathway, one credential… or all content). "
        "You will see what it would create, change and delete before anything changes.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            content_io.check_size(upload.size)
        except content_io.ContentImportError as error:
            raise forms.ValidationError(str(error)) from error
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError as error:
            raise forms.ValidationError("That file is not text: choose the .json file careerpath exported.") from error


def _require(request, *perms):
    if not request.user.has_perms(perms):
        raise PermissionDenied


def _view_permissions():
    return [f"{model._meta.app_label}.view_{model._meta.model_name}" for model in registry.content_models()]


def export_all_view(request):
    _require(request, *_view_permissions())
    return json_download(content_io.export_content(), "careerpath-content")


IMPORT_PERMISSION = "editorial.import_content"


def _render_import(request, context):
    context = {**admin.site.each_context(request), "title": "Import content", **context}
    return TemplateResponse(request, "admin/editorial/import_content.html", context)


def import_view(request):
    """Upload, then a preview of every creation, change and deletion; nothing changes until confirmed."""
    _require(request, IMPORT_PERMISSION)
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm_import(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = request.FILES["file"]
        try:
            plan = content_io.plan_import(form.cleaned_data["file"], file_name=upload.name)
        except content_io.ContentImportError as error:
            return _render_import(request, {"form": form, "error": error})
        pending = ContentImport.objects.create(
            file_name=plan.file_name[:255],
            sha256=plan.sha256,
            size=plan.size,
            imported_by=request.user,
            pending_text=plan.text,
        )
        return _render_import(request, {"plan": plan, "pending": pending})
    return _render_import(request, {"form": form})


def _confirm_import(request):
    pending = get_object_or_404(
        ContentImport, pk=request.POST.get("import"), imported_by=request.user, is_applied=False
    )
    try:
        plan = content_io.plan_import(pending.pending_text, file_name=pending.file_name)
    except content_io.ContentImportError as error:
        return _render_import(request, {"form": ImportForm(), "error": error})
    if plan.fingerprint != request.POST.get("fingerprint"):
        messages.warning(request, "Content changed since your preview. Here is what the import would do now.")
        return _render_import(request, {"plan": plan, "pending": pending})
    try:
        content_io.apply_import(plan, user=request.user)
    except content_io.ContentImportError as error:
        return _render_import(request, {"form": ImportForm(), "error": error})
    pending.created, pending.changed, pending.deleted = (plan.count(a) for a in ("create", "change", "delete"))
    pending.summary = "\n".join(f"{c.action}: {c.obj._meta.label} {c.obj}" for c in plan.changes)
    pending.is_applied, pending.pending_text = True, ""
    pending.save()
    messages.success(
        request,
        f"Imported {plan.file_name}: {pending.created} created, {pending.changed} changed, {pending.deleted} deleted. "
        "Each has a history entry naming the file.",
    )
    return redirect("admin:index")


def deleted_view(request):
    labels = [label for label in registry.labels() if request.user.has_perm(_perm(label, "add"))]
    if not labels:
        raise PermissionDenied
    context = {
        **admin.site.each_context(request),
        "title": "Deleted content",
        "records": recovery.deleted_records(labels),
    }
    return TemplateResponse(request, "admin/editorial/deleted_content.html", context)


def _perm(label, action):
    app_label, model_name = label.split(".")
    return f"{app_label}.{action}_{model_name.lower()}"


@require_POST
def restore_view(request, record_id):
    record = get_object_or_404(DeletedContent, pk=record_id, restored_at__isnull=True)
    if record.label not in registry.labels():
        raise PermissionDenied
    _require(request, _perm(record.label, "add"))
    try:
        restored = recovery.restore(record, user=request.user)
    except recovery.RestoreError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Restored “{restored}” with everything deleted alongside it and its links.")
    return redirect("editorial:deleted-content")
