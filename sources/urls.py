from django.urls import path

from . import views

app_name = "sources"

urlpatterns = [
    path("sources/", views.SourceListView.as_view(), name="source-list"),
]
