from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from delivery.views import health

urlpatterns = [
    path("health/", health, name="health"),
    path(f"{settings.ADMIN_URL}tools/", include("editorial.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("credentials.urls")),
    path("", include("sources.urls")),
    path("", include("guides.urls")),
    path("", include("planner.urls")),
    path("", include("sharing.urls")),
]

# A database outage gets the 503 page (rendered without the database), any other error the 500 page.
handler500 = "delivery.views.server_error"
