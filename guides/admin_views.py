"""Advisor tools in the admin: export and import content, restore deleted content."""

from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from editorial import registry

from . import content_io, recovery


def json_download(text, name):
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate():%Y-%m-%d}.json"'
    return response


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


def export_all_view(request):
    _require(request, "guides.view_pathway", "credentials.view_credential", "sources.view_source")
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
    return TemplateResponse(request, "admin/guides/import_content.html", context)


def deleted_view(request):
    _require(request, "guides.view_pathway")
    context = {
        **admin.site.each_context(request),
        "title": "Deleted content",
        "records": recovery.deleted_records(),
    }
    return TemplateResponse(request, "admin/guides/deleted_content.html", context)


@require_POST
def restore_view(request, label, history_id):
    if label not in registry.recoverable_labels():
        raise PermissionDenied
    app_label, model_name = label.split(".")
    _require(request, f"{app_label}.add_{model_name.lower()}")
    record = apps.get_model(label).history.filter(history_id=history_id, history_type="-").first()
    if record is None:
        messages.error(request, "That deletion record no longer exists.")
    else:
        restored = recovery.restore(record)
        messages.success(request, f"Restored “{restored}” with what was deleted alongside it.")
    return redirect("admin:guides_deleted_content")
