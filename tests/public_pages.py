"""Every public page of the site, found from the published content: what the HTML and accessibility checks visit."""

from urllib.parse import urlencode

from credentials.models import Credential, Organization
from guides.models import Occupation, Pathway


def public_paths():
    paths = ["/", "/pathways/", "/occupations/", "/credentials/", "/organizations/", "/sources/", "/planner/"]
    pathways = list(Pathway.objects.published().prefetch_related("steps"))
    for pathway in pathways:
        paths += [pathway.get_absolute_url(), pathway.get_absolute_url() + "print/"]
        paths += [f"{pathway.get_absolute_url()}steps/{step.position}/" for step in pathway.steps.all()]
    occupations = list(Occupation.objects.published())
    credentials = list(Credential.objects.published())
    paths += [occupation.get_absolute_url() for occupation in occupations]
    paths += [credential.get_absolute_url() for credential in credentials]
    paths += [organization.get_absolute_url() for organization in Organization.objects.all()]
    paths += [
        "/compare/",
        "/compare/credentials/",
        "/compare/credentials/?" + urlencode([("c", credential.slug) for credential in credentials][:6]),
        "/compare/occupations/?" + urlencode([("o", occupation.slug) for occupation in occupations][:6]),
        "/compare/pathways/?" + urlencode([("p", pathway.slug) for pathway in pathways][:6]),
        "/search/",
        "/search/?q=rhit",
        "/search/?q=salary",
        "/search/?q=RHIT+vs+CCS",
        "/search/?q=astronaut",
        "/planner/?education=associate&target=credential-rhit&program=associate&accredited=cahiim&stage=finished"
        "&experience=none&practicum=0",
        "/this-page-does-not-exist/",
    ]
    return paths
