from django.views.generic import ListView

from .models import Source
from .usage import facts_by_source


class SourceListView(ListView):
    """Every source, with the published facts taken from it."""

    queryset = Source.objects.all()
    template_name = "sources/source_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        facts = facts_by_source()
        for source in context["source_list"]:
            source.facts = facts.get(source.pk, [])
        return context
