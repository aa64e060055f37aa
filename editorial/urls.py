"""The advisor tools, inside the admin (careerpath.urls mounts them under the admin's address)."""

from django.contrib import admin
from django.urls import path

from . import admin_views

app_name = "editorial"

urlpatterns = [
    path("export/", admin.site.admin_view(admin_views.export_all_view), name="export-all"),
    path("import/", admin.site.admin_view(admin_views.import_view), name="import-content"),
    path("deleted/", admin.site.admin_view(admin_views.deleted_view), name="deleted-content"),
    path(
        "deleted/<int:record_id>/restore/",
        admin.site.admin_view(admin_views.restore_view),
        name="restore-deleted",
    ),
]
