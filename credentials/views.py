from django.urls import reverse
from django.views.generic import DetailView, ListView

from editorial.views import PreviewMixin
from editorial.workflow import published_prefetch
from sources.meta import PageMetaMixin, page_meta

from . import panels
from .models import Credential, Fee, Organization


class CredentialListView(PageMetaMixin, ListView):
    extra_context = {"nav": "credentials"}

    def get_queryset(self):
        # Each card says who can sit the exam, what it costs now and where it leads: details in a fixed few queries.
        occupation_model = Credential._meta.get_field("occupations").related_model
        return (
            Credential.objects.published()
            .with_details()
            .prefetch_related(published_prefetch("occupations", occupation_model))
        )

    def get_page_meta(self):
        return page_meta(
            self.request,
            title="Credentials",
            description="Health information credentials (RHIT, RHIA, CCS, CCS-P, CHPS, ODS): who issues them, "
            "who can sit the exam, and what it costs today.",
        )


class CredentialDetailView(PreviewMixin, PageMetaMixin, DetailView):
    """A credential as a student asks about it: who can sit it, the exam, its fee and how to keep it."""

    model = Credential
    extra_context = {"nav": "credentials"}

    def get_page_meta(self):
        credential, answers = self.object, self.object.answers()
        fee = f" Exam fee {answers.exam_fee.text} ({answers.exam_fee.as_of})." if answers.exam_fee else ""
        return page_meta(
            self.request,
            title=f"{credential.abbreviation}: {credential.name}",
            description=f"{credential.name} ({credential.abbreviation}) from {credential.issuer.abbreviation}. "
            f"{credential.eligibility_summary}{fee}".strip(),
            image_path=reverse("sharing:credential-preview", args=[credential.slug]),
            image_version=credential.updated_at,
            image_alt=f"{credential.abbreviation}: {credential.name}",
        )

    def get_queryset(self):
        # Occupations live in guides, which depends on this app: reach them through the reverse relation.
        occupation_model = Credential._meta.get_field("occupations").related_model
        return (
            super().get_queryset().with_details().prefetch_related(published_prefetch("occupations", occupation_model))
        )

    def get_context_data(self, **kwargs):
        # Sections other apps prepare for this page (the planner's eligibility check), in their own code.
        return super().get_context_data(
            panels=panels.for_credential(self.request, self.object),
            answers=self.object.answers(),
            other_fees=[fee for fee in self.object.fees.all() if fee.kind == Fee.Kind.RESCHEDULE],
            **kwargs,
        )


class OrganizationListView(PageMetaMixin, ListView):
    queryset = Organization.objects.all()
    extra_context = {"nav": "credentials"}

    def get_page_meta(self):
        return page_meta(self.request, title="Organizations")


class OrganizationDetailView(PageMetaMixin, DetailView):
    queryset = Organization.objects.with_credentials().select_related("source")
    extra_context = {"nav": "credentials"}

    def get_page_meta(self):
        organization = self.object
        return page_meta(
            self.request,
            title=f"{organization.abbreviation}: {organization.name}",
            description=organization.description or organization.get_role_display(),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        credentials = {req.route.credential for req in self.object.requirements_accredited.all()}
        context["accredits_for"] = sorted(credentials, key=lambda credential: credential.abbreviation)
        return context
