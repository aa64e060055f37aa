from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from sources.views import PreviewMixin

from .models import Credential, EligibilityRoute, Organization


class CredentialListView(ListView):
    extra_context = {"nav": "credentials"}

    def get_queryset(self):
        # Each card says who can sit the exam, what it costs now and where it leads: details in a fixed few queries.
        occupation_model = Credential._meta.get_field("occupations").related_model
        return (
            Credential.objects.published()
            .with_details()
            .prefetch_related(Prefetch("occupations", queryset=occupation_model.objects.published()))
        )


class CredentialDetailView(PreviewMixin, DetailView):
    model = Credential
    extra_context = {"nav": "credentials"}

    def get_queryset(self):
        # Occupations live in guides, which depends on this app: reach them through the reverse relation.
        occupation_model = Credential._meta.get_field("occupations").related_model
        return (
            super()
            .get_queryset()
            .with_details()
            .prefetch_related(Prefetch("occupations", queryset=occupation_model.objects.published()))
        )


class OrganizationListView(ListView):
    queryset = Organization.objects.all()
    extra_context = {"nav": "credentials"}


class OrganizationDetailView(DetailView):
    extra_context = {"nav": "credentials"}

    def get_queryset(self):
        accredited_routes = EligibilityRoute.objects.select_related("credential").order_by(
            "credential__abbreviation", "position"
        )
        return Organization.objects.prefetch_related(
            "credentials_issued",
            Prefetch("requirements_accredited__route", queryset=accredited_routes),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        credentials = {req.route.credential for req in self.object.requirements_accredited.all()}
        context["accredits_for"] = sorted(credentials, key=lambda credential: credential.abbreviation)
        return context
