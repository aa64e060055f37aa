import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from editorial.workflow import Status
from guides.models import Pathway

from . import images

PREVIEW_MAX_AGE = 24 * 60 * 60
PREVIEW_CACHE_SECONDS = 7 * 24 * 60 * 60


def png_response(png, *, cacheable):
    response = HttpResponse(png, content_type="image/png")
    if cacheable:
        patch_cache_control(response, public=True, max_age=PREVIEW_MAX_AGE)
    else:
        add_never_cache_headers(response)
    return response


def cached_png(key_parts, draw):
    """A drawn PNG from Django's cache, keyed by what it shows, drawn only on a miss."""
    key = "sharing:preview:" + hashlib.sha256(repr(key_parts).encode()).hexdigest()
    png = cache.get(key)
    if png is None:
        png = draw()
        cache.set(key, png, PREVIEW_CACHE_SECONDS)
    return png


@require_safe
def site_preview(request):
    png = cached_png(
        ("site", settings.SITE_NAME),
        lambda: images.draw_card(
            kicker="Careers in health information",
            title="Step-by-step guides to health information careers: RHIT, RHIA, CCS, CHPS, CTR",
            footer="Every fact with its source and year",
        ),
    )
    return png_response(png, cacheable=True)


def site_domain(request):
    """The host a visitor sees, without a port: proxies and CDNs may or may not pass one on."""
    domain, _port = split_domain_port(request.get_host())
    return domain


def pathway_image(request, slug, key=None):
    pathway = get_object_or_404(Pathway.objects.visible_to(request.user), slug=slug)
    # Steps are edited on their own too, so the key covers what is drawn, not only pathway.updated_at.
    rows = list(pathway.steps.order_by("position").values_list("position", "title", "key"))
    steps = [(number, title) for number, title, _key in rows]
    position = None
    if key is not None:
        # The link names the step by its key; the image shows where that step is now.
        position = next((number for number, _title, step_key in rows if step_key == key), None)
        if position is None:
            raise Http404("No such step.")
    kicker = f"Step {position} of {len(steps)}" if position else f"{len(steps)} step{'s' if len(steps) != 1 else ''}"
    domain = site_domain(request)
    png = cached_png(
        ("pathway", pathway.pk, pathway.updated_at.isoformat(), position, pathway.title, steps, domain),
        lambda: images.draw_card(
            kicker=kicker,
            title=pathway.title,
            steps=steps,
            highlight=position,
            footer=domain + reverse("guides:pathway-detail", args=[pathway.slug]),
        ),
    )
    return png_response(png, cacheable=pathway.status == Status.PUBLISHED)


@require_safe
def pathway_preview(request, slug):
    return pathway_image(request, slug)


@require_safe
def step_preview(request, slug, key):
    return pathway_image(request, slug, key)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        # A custom admin address is not named here (that would publish it); it answers X-Robots-Tag: noindex.
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sharing:sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
