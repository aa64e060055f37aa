from django.views.generic import DetailView, ListView

from editorial.views import PreviewMixin
from editorial.workflow import published_prefetch

from . import panels
from .models import Credential, Organization


class CredentialListView(ListView):
    extra_context = {"nav": "credentials"}

    def get_queryset(self):
        # Each card says who can sit the exam, what it costs now and where it leads: details in a fixed few queries.
        occupation_model = Credential._meta.get_field("occupations").related_model
        return (
            Credential.objects.published()
            .with_details()
            .prefetch_related(published_prefetch("occupations", occupation_model))
        )


class CredentialDetailView(PreviewMixin, DetailView):
    model = Credential
    extra_context = {"nav": "credentials"}

    def get_queryset(self):
        # Occupations live in guides, which depends on this app: reach them through the reverse relation.
        occupation_model = Credential._meta.get_field("occupations").related_model
        return (
            super().get_queryset().with_details().prefetch_related(published_prefetch("occupations", occupation_model))
        )

    def get_context_data(self, **kwargs):
        # Sections other apps prepare for this page (the planner's eligibility check), in their own code.
        return super().get_context_data(panels=panels.for_credential(self.request, self.object), **kwargs)


class OrganizationListView(ListView):
    queryset = Organization.objects.all()
    extra_context = {"nav": "credentials"}


class OrganizationDetailView(DetailView):
    queryset = Organization.objects.with_credentials()
    extra_context = {"nav": "credentials"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        credentials = {req.route.credential for req in self.object.requirements_accredited.all()}
        context["accredits_for"] = sorted(credentials, key=lambda credential: credential.abbreviation)
        return context
