"""`manage.py check` warns when the page cache is on without a cache that every process shares."""

from django.core.checks import run_checks


def ids(settings):
    return [message.id for message in run_checks(tags=["caches"])]


def test_the_page_cache_with_a_local_memory_cache_is_a_warning_in_production(settings):
    settings.DEBUG, settings.PAGE_CACHE = False, True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

    assert "delivery.W001" in ids(settings)


def test_the_page_cache_with_redis_is_fine(settings):
    settings.DEBUG, settings.PAGE_CACHE = False, True
    settings.CACHES = {
        "default": {"BACKEND": "delivery.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }

    assert "delivery.W001" not in ids(settings)
