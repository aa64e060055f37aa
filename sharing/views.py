import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from credentials.models import Credential
from editorial.workflow import Status, published_prefetch
from guides import current
from guides.forms import MAX_COMPARE, MAX_SLUG_LENGTH
from guides.models import EntryEducation, Figure, Occupation, Pathway, Step
from guides.templatetags.guide_format import usd

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


def pathway_image(request, slug, position=None):
    pathway = get_object_or_404(Pathway.objects.visible_to(request.user), slug=slug)
    # Steps are edited on their own too, so the key covers what is drawn, not only pathway.updated_at.
    steps = list(pathway.steps.order_by("position").values_list("position", "title"))
    if position is not None and position not in {number for number, _title in steps}:
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
def step_preview(request, slug, position):
    return pathway_image(request, slug, position)


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


# ------------------------------------------------------------ occupations, credentials and comparisons


def pay_text(answer):
    if answer.current is None:
        return "no official figure yet"
    return f"{usd(answer.current.value)} a year ({answer.year})"


def fee_text(answer):
    fee = answer.current
    if fee is None:
        return "not confirmed by the issuer"
    amount = fee.nonmember_amount if fee.nonmember_amount is not None else fee.member_amount
    return f"{usd(amount)} ({answer.year})"


def occupation_facts(occupation):
    entry = next(iter(occupation.entry_educations.all()), None)
    credentials = ", ".join(credential.abbreviation for credential in occupation.preferred_credentials.all())
    return [
        ("Median pay", pay_text(current.median_pay(occupation))),
        ("Entry education", entry.wording if entry else "not stated"),
        ("Credentials", credentials or "none named"),
    ]


def credential_facts(credential):
    renewal = current.renewal(credential).current
    return [
        ("Level", credential.get_level_display()),
        ("Exam fee", fee_text(current.exam_fee(credential))),
        ("Renewal", renewal.rule_display if renewal and renewal.rule_display else "not stated"),
    ]


def facts_png(request, key, *, kicker, title, facts, path, cacheable):
    domain = site_domain(request)
    png = cached_png(
        (key, kicker, title, facts, domain, path),
        lambda: images.draw_facts_card(kicker=kicker, title=title, facts=facts, footer=domain + path),
    )
    return png_response(png, cacheable=cacheable)


@require_safe
def occupation_preview(request, slug):
    occupations = Occupation.objects.visible_to(request.user).prefetch_related(
        published_prefetch("figures", Figure.objects.select_related("source")),
        published_prefetch("entry_educations", EntryEducation.objects.select_related("source")),
        published_prefetch("preferred_credentials", Credential),
    )
    occupation = get_object_or_404(occupations, slug=slug)
    return facts_png(
        request,
        "occupation",
        kicker="Job",
        title=occupation.title,
        facts=occupation_facts(occupation),
        path=occupation.get_absolute_url(),
        cacheable=occupation.is_published,
    )


def credentials_with_answers():
    return Credential.objects.select_related("issuer").prefetch_related(*current.credential_prefetches())


@require_safe
def credential_preview(request, slug):
    credential = get_object_or_404(credentials_with_answers().visible_to(request.user), slug=slug)
    return facts_png(
        request,
        "credential",
        kicker=f"Credential from {credential.issuer.abbreviation}",
        title=f"{credential.abbreviation}: {credential.name}",
        facts=credential_facts(credential),
        path=credential.get_absolute_url(),
        cacheable=credential.is_published,
    )


@require_safe
def comparison_preview(request, kind):
    """The preview of a shared comparison: what is compared, with one key figure each."""
    if kind == "credentials":
        queryset, field = credentials_with_answers().published(), "c"
        describe = lambda item: (item.abbreviation, f"exam fee {fee_text(current.exam_fee(item))}")  # noqa: E731
    elif kind == "occupations":
        queryset, field = (
            Occupation.objects.published().prefetch_related(
                published_prefetch("figures", Figure.objects.select_related("source"))
            ),
            "o",
        )
        describe = lambda item: (item.title, f"median pay {pay_text(current.median_pay(item))}")  # noqa: E731
    elif kind == "pathways":
        queryset, field = Pathway.objects.published().prefetch_related(published_prefetch("steps", Step)), "p"
        describe = lambda item: (item.title, f"{len(item.steps.all())} steps")  # noqa: E731
    else:
        raise Http404("Nothing of that kind is compared.")
    slugs = sorted({value.strip().lower()[:MAX_SLUG_LENGTH] for value in request.GET.getlist(field)})[:MAX_COMPARE]
    items = list(queryset.filter(slug__in=slugs).order_by("slug"))
    if not items:
        raise Http404("Nothing to compare.")
    names = [describe(item)[0] for item in items]
    title = " vs ".join(names) if kind == "credentials" else f"{len(items)} {kind} compared"
    path = reverse(f"guides:compare-{kind}") + "?" + "&".join(f"{field}={item.slug}" for item in items)
    return facts_png(
        request,
        "comparison",
        kicker="Comparison",
        title=title,
        facts=[describe(item) for item in items],
        path=path,
        cacheable=True,
    )
