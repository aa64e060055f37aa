from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path(f"{settings.ADMIN_URL}tools/", include("editorial.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("credentials.urls")),
    path("", include("sources.urls")),
    path("", include("guides.urls")),
    path("", include("planner.urls")),
    path("", include("sharing.urls")),
]
