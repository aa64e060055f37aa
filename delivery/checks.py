from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.checks import Tags, Warning, register


@register(Tags.caches)
def page_cache_needs_a_shared_cache(app_configs, **kwargs):
    if settings.PAGE_CACHE and not settings.DEBUG and isinstance(caches["default"], LocMemCache):
        return [
            Warning(
                "The page cache is on with a local-memory cache.",
                hint="Each process then keeps its own content version, so an edit made in one gunicorn worker "
                "is not seen by the others. Set REDIS_URL, or CAREERPATH_PAGE_CACHE=0.",
                id="delivery.W001",
            )
        ]
    return []
