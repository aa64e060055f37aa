from django import template
from django.urls import reverse

from credentials.models import Credential
from guides.models import Occupation, Pathway

from .. import jsonld
from ..qr import qr_svg

register = template.Library()

BUILDERS = {Pathway: jsonld.pathway_data, Occupation: jsonld.occupation_data, Credential: jsonld.credential_data}


def absolute_builder(context):
    request = context.get("request")
    return request.build_absolute_uri if request is not None else (lambda path: path)


@register.simple_tag(takes_context=True)
def absolute_url(context, path=None):
    """This page's address (or `path`) in full, without the query string unless `path` has one."""
    request = context.get("request")
    if request is None:
        return ""
    return request.build_absolute_uri(request.path if path is None else path)


@register.inclusion_tag("sharing/preview_image_tags.html", takes_context=True)
def preview_image(context, path=None, version=None, alt=""):
    """og:image and twitter:image tags for a generated 1200×630 preview (the site's own when no path).

    `version` (a datetime) goes into the address so that link-preview caches fetch a changed image again.
    """
    path = path or reverse("sharing:site-preview")
    if version is not None:
        path = f"{path}?v={int(version.timestamp())}"
    return {
        "image_url": absolute_url(context, path),
        "alt": alt or "careerpath: step-by-step guides to careers in health information",
    }


@register.simple_tag(takes_context=True)
def structured_data(context, obj):
    """JSON-LD for a pathway, occupation or credential, safe inside <script>."""
    return jsonld.script_tag(BUILDERS[type(obj)](obj, absolute_builder(context)))


@register.simple_tag
def qr_code(url, title="QR code"):
    return qr_svg(url, title)


@register.inclusion_tag("sharing/share_panel.html", takes_context=True)
def share_panel(context, path, title, noun="page", print_path=""):
    url = absolute_url(context, path)
    return {
        "url": url,
        "title": title,
        "noun": noun,
        "print_path": print_path,
        "qr": qr_svg(url, f"QR code for this {noun}'s address"),
    }
