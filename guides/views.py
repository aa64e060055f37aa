from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.generic import DetailView, ListView

from credentials.models import Credential
from editorial.views import PreviewMixin
from editorial.workflow import published_prefetch
from sources.answers import STALE_AFTER_YEARS
from sources.formats import usd
from sources.meta import PageMetaMixin, page_meta, plain_text

from . import current, pages, start
from .changelog import pathway_changes
from .forms import MIN_COMPARE, CompareForm, parse_selection
from .models import Occupation, Pathway, Step
from .search import search

# Steps with what they award, for a pathway's totals and what a student holds at the end.
STEPS = (
    Step.objects.select_related("awards_education")
    .prefetch_related(published_prefetch("awards_credential", Credential))
    .order_by("position")
)


def home(request):
    """Start here: one recommended route, the planner for the unsure, then the rest from entry level up."""
    pathways = list(Pathway.objects.published().for_listing().prefetch_related(published_prefetch("steps", STEPS)))
    occupations = list(Occupation.objects.published().with_facts())
    pay = {occupation.pk: current.median_pay(occupation) for occupation in occupations}
    credentials = list(Credential.objects.published().with_issuer().prefetch_related(*current.credential_prefetches()))
    route = start.recommended_route(pathways, occupations)
    return render(
        request,
        "guides/home.html",
        {
            "route": route,
            "pathways": [
                (pathway, pathway.totals(), pay.get(pathway.occupation_id, current.Answer()))
                for pathway in pathways
                if route is None or pathway != route.pathway
            ],
            "all_pathways": pathways,
            "occupations": [
                (occupation, pay[occupation.pk]) for occupation in start.occupations_from_entry_up(occupations)
            ],
            "credentials": [
                (credential, current.exam_fee(credential))
                for credential in start.credentials_from_entry_up(credentials)
            ],
            "page": page_meta(request, title="Become a health information technician"),
        },
    )


class PathwayListView(PageMetaMixin, ListView):
    queryset = Pathway.objects.published().for_listing()
    extra_context = {"nav": "pathways"}

    def get_queryset(self):
        return super().get_queryset().prefetch_related(published_prefetch("steps", STEPS))

    def get_context_data(self, **kwargs):
        return super().get_context_data(guides=start.pathway_guide(self.object_list), **kwargs)

    def get_page_meta(self):
        return page_meta(
            self.request,
            title="Pathways",
            description="Step-by-step guides to becoming a health information technician: how they relate, "
            "which one to follow, and today's fees and figures beside each step.",
        )


def pathway_description(pathway, totals):
    """What a pathway's preview says: its summary, then the total cost as far as current figures go."""
    cost = f" Counted cost: {usd(totals.cost_min)}." if totals.cost_min is not None else ""
    return plain_text(pathway.summary) + cost


class PathwayDetailView(PreviewMixin, PageMetaMixin, DetailView):
    queryset = Pathway.objects.with_steps()
    extra_context = {"nav": "pathways"}

    def get_page_meta(self):
        pathway = self.object
        return page_meta(
            self.request,
            title=pathway.title,
            description=pathway_description(pathway, pathway.totals()),
            image_path=reverse("sharing:pathway-preview", args=[pathway.slug]),
            image_version=pathway.updated_at,
            image_alt=pathway.title,
            type="article",
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(changes=pathway_changes(self.object), **kwargs)


class StepDetailView(PreviewMixin, PageMetaMixin, DetailView):
    """One step on a page of its own (its shareable permalink), with its pathway around it."""

    queryset = Pathway.objects.with_steps()
    template_name = "guides/step_detail.html"
    extra_context = {"nav": "pathways"}

    def get_object(self, queryset=None):
        pathway = super().get_object(queryset)
        steps = list(pathway.steps.all())
        # By the step's link number, which reorders never change: a shared link opens the step it meant.
        index = next((i for i, step in enumerate(steps) if step.key == self.kwargs["key"]), None)
        if index is None:
            raise Http404("This pathway has no such step.")
        self.steps, self.index = steps, index
        return pathway

    def get_page_meta(self):
        pathway, step = self.object, self.steps[self.index]
        path = reverse("guides:step-detail", args=[pathway.slug, step.key])
        facts = " ".join(
            f"{question}: {answer.text} ({answer.as_of})." for question, answer in step.answers_shown() if answer
        )
        return page_meta(
            self.request,
            title=f"Step {step.position} of {len(self.steps)}: {step.title} ({pathway.title})",
            description=f"{plain_text(step.body)} {facts}".strip(),
            path=path,
            image_path=reverse("sharing:step-preview", args=[pathway.slug, step.key]),
            image_version=pathway.updated_at,
            image_alt=f"Step {step.position} of {len(self.steps)}: {step.title}",
            type="article",
        )

    def get_context_data(self, **kwargs):
        step = self.steps[self.index]
        return super().get_context_data(
            steps=self.steps,
            step=step,
            previous=self.steps[self.index - 1] if self.index > 0 else None,
            next=self.steps[self.index + 1] if self.index + 1 < len(self.steps) else None,
            **kwargs,
        )


class PathwayPrintView(PreviewMixin, PageMetaMixin, DetailView):
    """Every step of a pathway in full, for paper: with its sources, their dates and the live page's address."""

    queryset = Pathway.objects.with_steps()
    template_name = "guides/pathway_print.html"
    extra_context = {"nav": "pathways"}

    def get_page_meta(self):
        pathway = self.object
        return page_meta(
            self.request,
            title=f"{pathway.title} (printable)",
            description=f"Every step of “{pathway.title}” in full, with requirements, time, today's fees and "
            "dated sources: a handout for students and advisors.",
            image_path=reverse("sharing:pathway-preview", args=[pathway.slug]),
            image_version=pathway.updated_at,
            image_alt=pathway.title,
            type="article",
        )


class OccupationListView(PageMetaMixin, ListView):
    queryset = Occupation.objects.published().with_facts()
    extra_context = {"nav": "occupations"}

    def get_page_meta(self):
        return page_meta(
            self.request,
            title="Occupations",
            description="Health information occupations: what they do, current pay and outlook, each figure "
            "with its source and year.",
        )


class OccupationDetailView(PreviewMixin, PageMetaMixin, DetailView):
    """An occupation as a student asks about it: quick facts first, then what the job is, pay and outlook."""

    model = Occupation
    extra_context = {"nav": "occupations"}

    def get_queryset(self):
        return super().get_queryset().with_connections()

    def get_page_meta(self):
        occupation = self.object
        pay = occupation.answers()["median_pay"]
        lead = f"Median pay {pay.text} ({pay.as_of}). " if pay else ""
        return page_meta(
            self.request,
            title=occupation.title,
            description=lead + plain_text(occupation.summary),
            image_path=reverse("sharing:occupation-preview", args=[occupation.slug]),
            image_version=occupation.updated_at,
            image_alt=f"{occupation.title}: what the job is, pay and outlook",
        )

    def get_context_data(self, **kwargs):
        answers = self.object.answers()
        facts = pages.quick_facts(answers)
        return super().get_context_data(
            answers=answers,
            facts=facts,
            fact_sources=pages.fact_sources(facts),
            sections=self.object.page_sections(),
            pay=pages.pay_overview(answers),
            **kwargs,
        )


def compare(request):
    """The comparisons hub: what can be compared, with the comparisons students ask for most."""
    credentials = list(Credential.objects.published())
    occupations = list(Occupation.objects.published())
    pathways = list(Pathway.objects.published())
    by_slug = {credential.slug: credential for credential in credentials}
    popular = [
        [by_slug[slug] for slug in pair]
        for pair in (("rhia", "rhit"), ("ccs", "rhit"), ("ctr", "rhit"), ("ccs", "ccs-p"))
        if all(slug in by_slug for slug in pair)
    ]
    return render(
        request,
        "guides/compare_index.html",
        {
            "credentials": credentials,
            "occupations": occupations,
            "pathways": pathways,
            "popular": popular,
            "nav": "compare",
            "page": page_meta(
                request,
                title="Compare credentials, jobs and pathways",
                description="Put health information credentials, jobs or step-by-step pathways side by side: "
                "eligibility, exam, fees, pay and time, each with its source and year.",
            ),
        },
    )


CREDENTIAL_ROWS = [
    ("for", "Who it’s for"),
    ("eligibility", "Who can sit the exam"),
    ("exam", "The exam"),
    ("fee", "Exam fee"),
    ("renewal", "Keeping it"),
    ("leads", "Where it leads"),
    ("jobs", "Jobs and their pay"),
]


def compare_credentials(request):
    jobs = Occupation.objects.with_facts()

    def load(slugs):
        credentials = list(
            Credential.objects.published()
            .with_details()
            .prefetch_related(published_prefetch("occupations", jobs))
            .filter(slug__in=slugs)
            .order_by("slug")
        )
        for credential in credentials:
            credential.current = {
                "exam": current.exam_length(credential),
                "fee": current.exam_fee(credential),
                "renewal": current.renewal(credential),
                "recertification_fee": current.recertification_fee(credential),
                "jobs": [(job, current.median_pay(job)) for job in credential.occupations.all()],
            }
            credential.current["exam_older"] = current.latest_other(credential.current["exam"])[0]
        return credentials

    return _compare(
        request,
        queryset=Credential.objects.published(),
        field="c",
        noun="credentials",
        template="guides/compare_credentials.html",
        load=load,
        label=lambda item: f"{item.abbreviation} — {item.name}",
        rows=CREDENTIAL_ROWS,
        name=lambda item: item.abbreviation,
        description="Health information credentials side by side: who can sit them, the exam, today's fee "
        "and renewal, each with its source and year.",
    )


def compare_occupations(request):
    def load(slugs):
        occupations = list(Occupation.objects.published().with_facts().filter(slug__in=slugs).order_by("slug"))
        for occupation in occupations:
            occupation.current_pay = current.median_pay(occupation)
        return occupations

    return _compare(
        request,
        queryset=Occupation.objects.published(),
        field="o",
        noun="occupations",
        template="guides/compare_occupations.html",
        load=load,
        label=lambda item: item.title,
        rows=[
            ("pay", "Median pay"),
            ("education", "Typical entry-level education"),
            ("employment", "Number of jobs"),
            ("growth", "Projected growth"),
        ],
        description="Health information occupations side by side: current pay, entry education, jobs and growth, "
        "each with its source and year.",
    )


def compare_pathways(request):
    return _compare(
        request,
        queryset=Pathway.objects.published(),
        field="p",
        noun="pathways",
        template="guides/compare_pathways.html",
        load=lambda slugs: Pathway.objects.published().with_steps().filter(slug__in=slugs).order_by("slug"),
        label=lambda item: item.title,
        rows=[
            ("leads", "Leads to"),
            ("steps", "Steps"),
            ("time", "Typical total time"),
            ("cost", "Typical total cost"),
            ("held", "You hold at the end"),
            ("source", "Source"),
        ],
        description="Step-by-step pathways into health information side by side, with total time and the "
        "cost of what current figures cover.",
    )


def _compare(request, *, queryset, field, noun, template, load, label, description, rows=(), name=None):
    options = list(queryset)
    known = {item.slug for item in options}
    slugs, notices = parse_selection(request.GET.getlist(field), known)
    form = CompareForm(
        {field: slugs},
        field_name=field,
        label=f"Choose {noun} to compare",
        choices=[(item.slug, label(item)) for item in options],
    )
    items = list(load(slugs)) if len(slugs) >= MIN_COMPARE else []
    # The one address of this comparison (sorted, deduplicated): what the canonical link and share panel name.
    canonical_path = f"{request.path}?{urlencode([(field, slug) for slug in slugs])}" if slugs else request.path
    names = ", ".join((name or label)(item) for item in items)
    title = f"Compare {names}" if items else f"Compare {noun}"
    preview_path = (
        reverse("sharing:comparison-preview", args=[noun]) + "?" + urlencode([(field, slug) for slug in slugs])
    )
    return render(
        request,
        template,
        {
            "form": form,
            "items": items,
            "notices": notices,
            "nav": "compare",
            "noun": noun,
            "rows": [{"key": key, "label": row_label} for key, row_label in rows],
            "canonical_path": canonical_path,
            "preview_path": preview_path,
            "page": page_meta(
                request,
                title=title,
                description=description,
                path=canonical_path,
                image_path=preview_path if items else None,
                image_alt="What is compared, with one key figure each" if items else "",
            ),
        },
    )


def search_view(request):
    query = request.GET.get("q", "")
    results = search(query)
    title = f"Search: {results.query}" if results.query else "Search"
    return render(
        request,
        "guides/search.html",
        {"query": results.query, "results": results, "page": page_meta(request, title=title)},
    )


OCCUPATION_QUESTIONS = [
    ("median_pay", "Median pay"),
    ("employment", "Number of jobs"),
    ("growth", "Projected growth"),
    ("entry_education", "Entry-level education"),
]
CREDENTIAL_QUESTIONS = [
    ("exam", "The exam"),
    ("exam_length", "Exam questions and time"),
    ("exam_fee", "Exam fee"),
    ("renewal", "Renewal rule"),
    ("renewal_fee", "Renewal fee"),
]


def freshness(request):
    """How current the figures are: the rule, the review schedule, and every current answer with its age."""
    rows = []
    for occupation in Occupation.objects.published().with_facts():
        answers = occupation.answers()
        rows += [(occupation, label, answers[key]) for key, label in OCCUPATION_QUESTIONS if answers[key].rows]
    for credential in Credential.objects.published().with_answers():
        answers = credential.answers()
        questions = [(label, getattr(answers, key)) for key, label in CREDENTIAL_QUESTIONS]
        rows += [(credential, label, answer) for label, answer in questions if answer.rows]
    return render(
        request,
        "guides/freshness.html",
        {
            "current": [row for row in rows if row[2]],
            "missing": [row for row in rows if not row[2]],
            "stale_after": STALE_AFTER_YEARS,
            "review_every": "year"
            if settings.CONTENT_REVIEW_INTERVAL_DAYS == 365
            else f"{settings.CONTENT_REVIEW_INTERVAL_DAYS} days",
            "page": page_meta(
                request,
                title="How current are the figures?",
                description="Which figure careerpath shows as today's answer, how old each one is, where to "
                "check for newer ones, and how advisors review them.",
            ),
        },
    )
