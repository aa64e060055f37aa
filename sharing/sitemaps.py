from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.urls import reverse

from credentials.models import Credential, Organization
from editorial.workflow import Status
from guides.models import Occupation, Pathway, Step


def latest_change():
    """When any published guide content last changed: the lastmod of pages that list it."""
    dates = [
        Pathway.objects.published().aggregate(latest=Max("updated_at"))["latest"],
        Occupation.objects.published().aggregate(latest=Max("updated_at"))["latest"],
        Credential.objects.published().aggregate(latest=Max("updated_at"))["latest"],
    ]
    return max((date for date in dates if date is not None), default=None)


class StaticPageSitemap(Sitemap):
    names = [
        "guides:home",
        "guides:pathway-list",
        "guides:occupation-list",
        "credentials:credential-list",
        "credentials:organization-list",
        "guides:compare-credentials",
        "guides:compare-occupations",
        "guides:compare-pathways",
        "sources:source-list",
        "guides:freshness",
    ]

    def items(self):
        self.latest = latest_change()
        return self.names

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return self.latest


class PathwaySitemap(Sitemap):
    def items(self):
        return Pathway.objects.published().order_by("slug")

    def lastmod(self, pathway):
        return pathway.updated_at


class StepSitemap(Sitemap):
    def items(self):
        return Step.objects.published().select_related("pathway").order_by("pathway__slug", "position")

    def location(self, step):
        return reverse("guides:step-detail", args=[step.pathway.slug, step.key])

    def lastmod(self, step):
        return step.pathway.updated_at


class OccupationSitemap(Sitemap):
    def items(self):
        return Occupation.objects.published().order_by("slug")

    def lastmod(self, occupation):
        return occupation.updated_at


class CredentialSitemap(Sitemap):
    def items(self):
        return Credential.objects.published().order_by("slug")

    def lastmod(self, credential):
        return credential.updated_at


class OrganizationSitemap(Sitemap):
    """An organization page lists the credentials it issues: it changes when they do."""

    def items(self):
        self.latest = latest_change()
        published = Status.PUBLISHED
        return Organization.objects.annotate(
            lastmod=Coalesce(
                Max("credentials_issued__updated_at", filter=Q(credentials_issued__status=published)),
                Max(
                    "requirements_accredited__route__credential__updated_at",
                    filter=Q(requirements_accredited__route__credential__status=published),
                ),
            )
        ).order_by("slug")

    def lastmod(self, organization):
        return organization.lastmod or self.latest


SITEMAPS = {
    "pages": StaticPageSitemap,
    "pathways": PathwaySitemap,
    "steps": StepSitemap,
    "occupations": OccupationSitemap,
    "credentials": CredentialSitemap,
    "organizations": OrganizationSitemap,
}
