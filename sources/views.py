from django.utils.cache import add_never_cache_headers
from django.views.generic import ListView

from editorial.workflow import Status

from .meta import PageMetaMixin, page_meta
from .models import Source
from .usage import facts_by_source


class PreviewMixin:
    """Staff may preview content that is not published yet; visitors get a 404. Previews are never cached."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.object.status != Status.PUBLISHED:
            add_never_cache_headers(response)
        return response


class SourceListView(PageMetaMixin, ListView):
    """Every source, with the facts taken from it."""

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
