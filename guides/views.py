from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.generic import DetailView, ListView

from credentials.models import Credential
from editorial.views import PreviewMixin
from editorial.workflow import published_prefetch

from . import charts, current, start
from .changelog import pathway_changes
from .forms import MIN_COMPARE, CompareForm, parse_selection
from .models import Figure, Occupation, Pathway, Step
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
        },
    )


class PathwayListView(ListView):
    queryset = Pathway.objects.published().for_listing()
    extra_context = {"nav": "pathways"}

    def get_queryset(self):
        return super().get_queryset().prefetch_related(published_prefetch("steps", STEPS))

    def get_context_data(self, **kwargs):
        return super().get_context_data(guides=start.pathway_guide(self.object_list), **kwargs)


class PathwayDetailView(PreviewMixin, DetailView):
    queryset = Pathway.objects.with_steps()
    extra_context = {"nav": "pathways"}

    def get_context_data(self, **kwargs):
        return super().get_context_data(changes=pathway_changes(self.object), **kwargs)


class StepDetailView(PreviewMixin, DetailView):
    """One step on a page of its own (its shareable permalink), with its pathway around it."""

    queryset = Pathway.objects.with_steps()
    template_name = "guides/step_detail.html"
    extra_context = {"nav": "pathways"}

    def get_object(self, queryset=None):
        pathway = super().get_object(queryset)
        steps = list(pathway.steps.all())
        index = next((i for i, step in enumerate(steps) if step.position == self.kwargs["position"]), None)
        if index is None:
            raise Http404("This pathway has no such step.")
        self.steps, self.index = steps, index
        return pathway

    def get_context_data(self, **kwargs):
        step = self.steps[self.index]
        return super().get_context_data(
            steps=self.steps,
            step=step,
            step_label=f"Step {step.position} of {len(self.steps)}: {step.title} ({self.object.title})",
            previous=self.steps[self.index - 1] if self.index > 0 else None,
            next=self.steps[self.index + 1] if self.index + 1 < len(self.steps) else None,
            **kwargs,
        )


class PathwayPrintView(PreviewMixin, DetailView):
    """Every step of a pathway in full, for paper: with its sources, their dates and the live page's address."""

    queryset = Pathway.objects.with_steps()
    template_name = "guides/pathway_print.html"
    extra_context = {"nav": "pathways"}


class OccupationListView(ListView):
    queryset = Occupation.objects.published().with_facts()
    extra_context = {"nav": "occupations"}


class OccupationDetailView(PreviewMixin, DetailView):
    model = Occupation
    extra_context = {"nav": "occupations"}

    def get_queryset(self):
        return super().get_queryset().with_connections()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pay = self.object.figures_by_measure()[Figure.Measure.MEDIAN_PAY]  # oldest first, undated last
        with_percentiles = [figure for figure in pay if len(figure.percentiles) > 1]
        context["pay_charts"] = [
            {
                "figure": figure,
                "chart": charts.bar_chart(figure.percentiles, highlight="Median"),
                "id": f"pay-chart-{figure.pk}",
                "title": f"Annual pay by percentile, {figure.as_of}",
            }
            for figure in with_percentiles
        ]
        yearly = [figure for figure in pay if figure.year and figure.unit == Figure.Unit.USD_YEAR]
        context["pay_history"] = yearly
        context["pay_history_chart"] = charts.history_chart([(figure.year, figure.value) for figure in yearly])
        return context


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
    )


def _compare(request, *, queryset, field, noun, template, load, label, rows=()):
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
            # The one address of this comparison (sorted, deduplicated): what the canonical link and share panel name.
            "canonical_path": f"{request.path}?{urlencode([(field, slug) for slug in slugs])}"
            if slugs
            else request.path,
            "preview_path": reverse("sharing:comparison-preview", args=[noun])
            + "?"
            + urlencode([(field, slug) for slug in slugs]),
        },
    )


def search_view(request):
    query = request.GET.get("q", "")
    results = search(query)
    return render(request, "guides/search.html", {"query": results.query, "results": results})
