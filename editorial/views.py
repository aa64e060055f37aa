from django.utils.cache import add_never_cache_headers

from .workflow import Status


class PreviewMixin:
    """Staff may preview content that is not published yet; visitors get a 404. Previews are never cached."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.object.status != Status.PUBLISHED:
            add_never_cache_headers(response)
        return response
