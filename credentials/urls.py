from django.urls import path

from . import views

app_name = "credentials"

urlpatterns = [
    path("credentials/", views.CredentialListView.as_view(), name="credential-list"),
    path("credentials/<slug:slug>/", views.CredentialDetailView.as_view(), name="credential-detail"),
    path("organizations/", views.OrganizationListView.as_view(), name="organization-list"),
    path("organizations/<slug:slug>/", views.OrganizationDetailView.as_view(), name="organization-detail"),
]
