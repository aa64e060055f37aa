"""Advisor tools in the admin: export and import content, restore deleted content."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from . import content_io, recovery, registry
from .admin import json_download
from .models import DeletedContent


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Export file",
        help_text="A .json file exported from careerpath (one pathway or all content). "
        "Objects in the file are created or updated; a pathway's steps become exactly the file's.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError("That file is larger than 20 MB; an export of all content is far smaller.")
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


def import_view(request):
    _require(request, "guides.add_pathway", "guides.change_pathway", "guides.add_step", "guides.change_step")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = content_io.import_content(form.cleaned_data["file"])
        except content_io.ContentImportError as error:
            form.add_error("file", str(error))
        except Exception as error:  # a constraint or a missing reference: nothing was saved
            form.add_error("file", f"Nothing was imported: {error}")
        else:
            messages.success(request, f"Imported {count} objects.")
            return redirect("admin:index")
    context = {**admin.site.each_context(request), "title": "Import content", "form": form}
    return TemplateResponse(request, "admin/editorial/import_content.html", context)


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
