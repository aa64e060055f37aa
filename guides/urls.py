from django.urls import path

from . import views

app_name = "guides"

urlpatterns = [
    path("", views.home, name="home"),
    path("pathways/", views.PathwayListView.as_view(), name="pathway-list"),
    path("pathways/<slug:slug>/", views.PathwayDetailView.as_view(), name="pathway-detail"),
    path("pathways/<slug:slug>/steps/<int:position>/", views.StepDetailView.as_view(), name="step-detail"),
    path("pathways/<slug:slug>/print/", views.PathwayPrintView.as_view(), name="pathway-print"),
    path("occupations/", views.OccupationListView.as_view(), name="occupation-list"),
    path("occupations/<slug:slug>/", views.OccupationDetailView.as_view(), name="occupation-detail"),
    path("compare/", views.compare, name="compare"),
    path("compare/credentials/", views.compare_credentials, name="compare-credentials"),
    path("compare/occupations/", views.compare_occupations, name="compare-occupations"),
    path("compare/pathways/", views.compare_pathways, name="compare-pathways"),
    path("search/", views.search_view, name="search"),
]
