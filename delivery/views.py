import sys
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .failures import is_database_down, is_nul_in_query


@never_cache
@require_safe
def health(request):
    """For load balancers and monitors: 200 when the database and the cache answer, 503 otherwise."""
    checks = {"database": check_database(), "cache": check_cache()}
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse({"ok": healthy, "checks": checks}, status=200 if healthy else 503)


def timed(probe):
    started = time.perf_counter()
    try:
        ok = probe()
        error = None if ok else "did not answer"
    except Exception as exc:  # a health check reports every failure, whatever its kind
        ok, error = False, f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
    result = {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1)}
    if error:
        result["error"] = error
    return result


def check_database():
    def probe():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)

    # A connection that failed is closed at the end of the request (request_finished), like any other.
    return timed(probe)


def check_cache():
    def probe():
        if hasattr(cache, "is_available"):
            return cache.is_available()
        cache.set("delivery:health", "ok", 10)
        return cache.get("delivery:health") == "ok"

    return timed(probe)


def server_error(request):
    """The 500 page; the 503 page when the database is unreachable; the 400 page when a parameter held
    a NUL byte the database refused. None of them needs the database."""
    error = sys.exc_info()[1]
    if is_nul_in_query(error):
        return HttpResponse(loader.render_to_string("400.html"), status=400)
    if is_database_down(error):
        html = loader.render_to_string("503.html")
        response = HttpResponse(html, status=503)
        response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    html = loader.render_to_string("500.html", {"errors_emailed": bool(settings.ADMINS and settings.EMAIL_HOST)})
    return HttpResponse(html, status=500)
