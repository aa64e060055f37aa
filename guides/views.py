from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.views.generic import DetailView, ListView

from credentials.models import Credential
from editorial.views import PreviewMixin
from editorial.workflow import published_prefetch

from . import charts
from .changelog import pathway_changes
from .forms import MIN_COMPARE, CompareForm, parse_selection
from .models import Figure, Occupation, Pathway
from .search import search


def home(request):
    return render(
        request,
        "guides/home.html",
        {
            "pathways": Pathway.objects.published().for_listing(),
            "occupations": Occupation.objects.published(),
            "credentials": Credential.objects.published().with_issuer(),
        },
    )


class PathwayListView(ListView):
    queryset = Pathway.objects.published().for_listing()
    extra_context = {"nav": "pathways"}


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
        # By the step's link number, which reorders never change: a shared link opens the step it meant.
        index = next((i for i, step in enumerate(steps) if step.key == self.kwargs["key"]), None)
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


def compare_credentials(request):
    return _compare(
        request,
        queryset=Credential.objects.published(),
        field="c",
        noun="credentials",
        template="guides/compare_credentials.html",
        load=lambda slugs: (
            Credential.objects.published()
            .with_details()
            .prefetch_related(published_prefetch("occupations", Occupation))
            .filter(slug__in=slugs)
            .order_by("slug")
        ),
        label=lambda item: f"{item.abbreviation} — {item.name}",
    )


def compare_occupations(request):
    return _compare(
        request,
        queryset=Occupation.objects.published(),
        field="o",
        noun="occupations",
        template="guides/compare_occupations.html",
        load=lambda slugs: Occupation.objects.published().with_facts().filter(slug__in=slugs).order_by("slug"),
        label=lambda item: item.title,
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
    )


def _compare(request, *, queryset, field, noun, template, load, label):
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
            # The one address of this comparison (sorted, deduplicated): what the canonical link and share panel name.
            "canonical_path": f"{request.path}?{urlencode([(field, slug) for slug in slugs])}"
            if slugs
            else request.path,
        },
    )


def search_view(request):
    query = request.GET.get("q", "")
    results = search(query)
    return render(request, "guides/search.html", {"query": results.query, "results": results})
