"""What a page says about itself to browsers, search engines and chat apps: its metadata, prepared by the view.

A view gives its page a `PageMeta` (title, description, canonical address, preview image); the base
template puts the same text in <title>, the description, Open Graph and Twitter tags. The values are
plain text, escaped once, by the template. Advisor-written Markdown becomes plain text with
`plain_text()`, which also turns the entities Markdown produces back into characters, so that
"Tom &amp; Jerry" is never escaped a second time.
"""

import html
from dataclasses import dataclass
from functools import lru_cache

from django.core.exceptions import DisallowedHost
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.text import Truncator

from .markup import render_markdown

SITE_TITLE = "Careers in health information"
SITE_DESCRIPTION = (
    "Step-by-step guides to becoming a medical records and health information technician, and the "
    "credentials (RHIT, RHIA, CCS, CHPS, ODS) that lead further, with current, dated figures."
)
DESCRIPTION_LENGTH = 200


@lru_cache(maxsize=4096)
def plain_text(markdown_text, limit=None):
    """Advisor-written Markdown as one line of plain text (characters, not HTML entities)."""
    text = " ".join(html.unescape(strip_tags(render_markdown(markdown_text))).split())
    return Truncator(text).chars(limit) if limit else text


@lru_cache(maxsize=4096)
def shortened(description):
    """A description cut to what search results and chat previews show (the same few texts on every page)."""
    return Truncator(description).chars(DESCRIPTION_LENGTH)


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str
    url: str
    image: str
    image_alt: str
    type: str = "website"


def absolute(request, path):
    """`path` as a full address on this site; as it is when the request's host is not one we serve (an error page)."""
    try:
        return request.build_absolute_uri(path)
    except DisallowedHost:
        return path


def page_meta(
    request, *, title, description="", path=None, image_path=None, image_version=None, image_alt="", type="website"
):
    """This page's metadata, with absolute addresses. `image_version` (a datetime) renews chat apps' caches."""
    image_path = image_path or reverse("sharing:site-preview")
    if image_version is not None:
        image_path = f"{image_path}?v={int(image_version.timestamp())}"
    return PageMeta(
        title=title,
        description=shortened(description or SITE_DESCRIPTION),
        url=absolute(request, path or request.path),
        image=absolute(request, image_path),
        image_alt=image_alt or "careerpath: step-by-step guides to careers in health information",
        type=type,
    )


def default_page(request):
    """Context processor: the site's own metadata, for any page whose view prepares none of its own.

    Lazy, so that a page whose view prepares its own (and an error page) never builds this one.
    """
    return {"page": SimpleLazyObject(lambda: page_meta(request, title=SITE_TITLE))}


class PageMetaMixin:
    """For class-based views: put `get_page_meta()` in the context as `page`."""

    def get_page_meta(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.get_page_meta()
        return context
