from django.views.generic import ListView

from .meta import PageMetaMixin, page_meta
from .models import Source
from .usage import facts_by_source


class SourceListView(PageMetaMixin, ListView):
    """Every source, with the published facts taken from it."""

    queryset = Source.objects.all()
    template_name = "sources/source_list.html"

    def get_page_meta(self):
        return page_meta(
            self.request,
            title="Sources",
            description="Every source of the facts on careerpath, with what was taken from each and its date.",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        facts = facts_by_source()
        for source in context["source_list"]:
            source.facts = facts.get(source.pk, [])
        return context
