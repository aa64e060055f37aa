from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import views
from .sitemaps import SITEMAPS

app_name = "sharing"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("preview.png", views.site_preview, name="site-preview"),
    path("pathways/<slug:slug>/preview.png", views.pathway_preview, name="pathway-preview"),
    path("pathways/<slug:slug>/steps/<int:position>/preview.png", views.step_preview, name="step-preview"),
    path("occupations/<slug:slug>/preview.png", views.occupation_preview, name="occupation-preview"),
    path("credentials/<slug:slug>/preview.png", views.credential_preview, name="credential-preview"),
    path("compare/<str:kind>/preview.png", views.comparison_preview, name="comparison-preview"),
]
