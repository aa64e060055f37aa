"""Settings for careerpath, driven by environment variables.

Safe by default: with no variables set, debug is off and the site refuses to start without
DJANGO_SECRET_KEY. README's two commands (python3 dev.py serve / test) set DJANGO_DEBUG=1 for a
newcomer, who then runs on a SQLite file with nothing installed. Production sets DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS and DATABASE_URL (and CAREERPATH_TRUSTED_PROXIES behind a proxy).
"""

import datetime
import os
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Safe defaults (editorial, issue 12): debug only when asked for, never without a real secret key.
DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. In production set DJANGO_SECRET_KEY to a long random string; "
            "to run the site on your own machine use `python3 dev.py serve` (or set DJANGO_DEBUG=1)."
        )
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "csp",
    "simple_history",
    "axes",
    "crispy_forms",
    "crispy_bootstrap5",
    "editorial",
    "sources",
    "credentials",
    "guides",
    "planner",
    "sharing",
    "delivery",
]

MIDDLEWARE = [
    "delivery.middleware.AbandonedRequestMiddleware",  # first: no work for a client that has left
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "careerpath.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Right after WhiteNoise, before sessions and auth: a cached page costs about what a static file does.
    "delivery.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sharing.middleware.AdminNoIndexMiddleware",
    "sharing.middleware.SlugRedirectFallbackMiddleware",
    "sharing.middleware.ComparisonRedirectMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a clear "locked" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "careerpath.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sources.citations.citations",
                "sources.meta.default_page",
            ],
        },
    },
]

WSGI_APPLICATION = "careerpath.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable database answers "503, try again" within seconds instead of holding a worker.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # One client per process, and pages keep working (uncached) while Redis is down (delivery/cache.py).
            "BACKEND": "delivery.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Parts of pages that many pages or answers share ({% cache %} in templates), in each process's own memory, keyed by
# the content version (delivery/fragments.py). At about 1 KB each, 20,000 of them take some 20 MB per process.
CACHES["template_fragments"] = {
    "BACKEND": "delivery.fragments.ContentFragmentCache",
    "OPTIONS": {"MAX_ENTRIES": 20_000},
}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# --- The login boundary (editorial, issue 12).
# Repeated failed sign-ins lock one username from one client address (django-axes): made-up usernames
# lock nobody else out, and nobody can lock a named advisor out from elsewhere.
AXES_FAILURE_LIMIT = int(os.environ.get("CAREERPATH_LOGIN_ATTEMPTS", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("CAREERPATH_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# How many reverse proxies in front of the site append to X-Forwarded-For. 0 (the default): the client
# is the connection's address and forwarded headers are ignored, since anyone can send them.
TRUSTED_PROXIES = int(os.environ.get("CAREERPATH_TRUSTED_PROXIES", "0"))
AXES_CLIENT_IP_CALLABLE = "careerpath.client_ip.client_ip"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
# The site is written in English only: without translation machinery every page renders about 9% faster
# (fewer instructions per planner answer, measured with callgrind). Dates and numbers keep English formats.
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The admin lives at a configurable address so that it is not where bots look first.
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"

# Where the source documents live, for the content tests and the sources page.
SHARED_DIR = Path(os.environ.get("CAREERPATH_SHARED_DIR", BASE_DIR.parent / "shared"))

SITE_NAME = "careerpath"

# Publishing content schedules its next review this many days ahead.
CONTENT_REVIEW_INTERVAL_DAYS = int(os.environ.get("CAREERPATH_REVIEW_INTERVAL_DAYS", "365"))

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# --- HTTPS and security headers (editorial, issue 12).
if TRUSTED_PROXIES:
    # Only a trusted proxy may say the request came over HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    # One-way doors: every subdomain must serve HTTPS, and browsers' preload lists are slow to leave.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The deploy check asks for both; they stay the operator's choice (README, Deploying).
    SILENCED_SYSTEM_CHECKS = [
        *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
        *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
    ]
SESSION_COOKIE_HTTPONLY = True
# The main occupation's admin form (figures, entry education, statements and key points inline) posts
# about 1,500 fields; Django's default of 1,000 would refuse an advisor's save. Still a bound on a POST.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): the site's own files only, no inline script or style, no framing.
# JSON-LD (<script type="application/ld+json">) is data, not script: CSP does not apply to it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
# Features the site never uses, switched off for it and anything it could embed.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=()"
)

# --- Delivery (issue 13): page cache, failures, error reports, logging ---------------------------------

# Pages for anonymous visitors come from the shared cache, keyed by the content version (delivery/pages.py).
# On by default only where the cache is shared by every process (Redis) and templates do not change under
# it (DEBUG off): with a local-memory cache, each gunicorn worker would keep its own content version.
PAGE_CACHE = env_bool("CAREERPATH_PAGE_CACHE", bool(REDIS_URL) and not DEBUG)
PAGE_CACHE_SECONDS = 24 * 60 * 60
# A page with a query string is stored when it is asked for again within this long (delivery/pages.py): the marker
# of a first request is a few dozen bytes, and a flood of made-up addresses can keep no more of them than this allows.
PAGE_CACHE_SEEN_SECONDS = 10 * 60
PAGE_CACHE_LOCAL_BYTES = 32 * 1024 * 1024  # each process's own copy of recent pages
# Compressed once per page and content version, on the request that renders it: quality 5 takes 0.1-2 ms
# for our pages; 9 is no smaller and takes 5-15 ms; 11 is 13% smaller and takes 10-160 ms.
PAGE_CACHE_BROTLI_QUALITY = 5
# A page compressed for one visitor and not stored (a first search or planner answer): 3 takes a third of 5's time
# for about 14% more bytes (delivery/pages.py, compressed).
PAGE_CACHE_BROTLI_QUALITY_ONCE = 3
# Browsers revalidate after a minute (a 304 when nothing changed); a CDN keeps pages longer and may serve a
# stale page while it refetches, or while the site is down.
PAGE_CACHE_CONTROL = (
    f"public, max-age=60, s-maxage={int(os.environ.get('CAREERPATH_CDN_MAX_AGE', '300'))}, "
    "stale-while-revalidate=60, stale-if-error=86400"
)
# How often each process re-reads the content version from the shared cache (editorial/version.py).
CONTENT_VERSION_CHECK_SECONDS = float(os.environ.get("CAREERPATH_VERSION_CHECK_SECONDS", "1"))

# While the database does not answer, pages not in the cache get a 503 page asking to retry after this long.
DATABASE_RETRY_AFTER_SECONDS = 30
# Load balancers probe /health/ over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]

# Error reports: every 500 is logged; with DJANGO_ADMINS and DJANGO_EMAIL_URL set it is also emailed.
ADMINS = [parseaddr(address) for address in env_list("DJANGO_ADMINS")]
EMAIL_URL = urlsplit(os.environ.get("DJANGO_EMAIL_URL", ""))
if EMAIL_URL.scheme in {"smtp", "smtp+tls", "smtp+ssl"}:
    EMAIL_HOST = EMAIL_URL.hostname or "localhost"
    EMAIL_PORT = EMAIL_URL.port or {"smtp": 25, "smtp+tls": 587, "smtp+ssl": 465}[EMAIL_URL.scheme]
    EMAIL_HOST_USER = unquote(EMAIL_URL.username or "")
    EMAIL_HOST_PASSWORD = unquote(EMAIL_URL.password or "")
    EMAIL_USE_TLS = EMAIL_URL.scheme == "smtp+tls"
    EMAIL_USE_SSL = EMAIL_URL.scheme == "smtp+ssl"
    EMAIL_TIMEOUT = 10
elif EMAIL_URL.scheme:
    raise ImproperlyConfigured("DJANGO_EMAIL_URL must start with smtp://, smtp+tls:// or smtp+ssl://.")
else:
    EMAIL_HOST = ""  # no mail server: nothing is emailed, and the 500 page does not say it was
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", "careerpath@localhost")

LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO" if not DEBUG else "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        # A database outage or a bad Host header is one line per request, not a traceback.
        "one_line_for_expected_failures": {"()": "delivery.logs.OneLineForExpectedFailures"},
        "one_email_per_outage": {"()": "delivery.logs.OneEmailPerOutage"},
    },
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["one_line_for_expected_failures"],
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "one_email_per_outage"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": LOG_LEVEL},
        # Bots send any Host header; one line each, and no email.
        "django.security.DisallowedHost": {"handlers": ["console"], "propagate": False},
    },
}
