"""Settings for the migrant-labour advocacy archive.

Every deploy-specific value comes from an environment variable (or a `.env` file beside
manage.py, which real environment variables override). See `.env.example`.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from advocacy_site.log_format import json_lines_to_stdout
from advocacy_site.secret_key import HOW_TO_MAKE_ONE, unfit_reason

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not DEBUG and (why := unfit_reason(SECRET_KEY)):
    # A published key lets anyone forge sessions and password-reset links.
    raise ImproperlyConfigured(
        f"DJANGO_SECRET_KEY {why}; a site with DJANGO_DEBUG off needs a key of its own. Make "
        f"one with `{HOW_TO_MAKE_ONE}` and put it in the environment or in .env (`make serve` "
        "does this for you), or set DJANGO_DEBUG=1 for development."
    )
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key"

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "taggit",
    "simple_history",
    "axes",
    "csp",
    # The API's browsable docs load Swagger UI from its static files, not a CDN (the CSP).
    "ninja",
    "organizations",
    "documents",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # A view or template meeting a database outage answers 503 with Retry-After, not 500.
    "advocacy_site.health.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last: it throttles failed logins (see AXES_* below).
    "axes.middleware.AxesMiddleware",
    # Last: a cached page still passes through the others (security headers). Issue 12.
    "documents.page_cache.PublicPageCacheMiddleware",
]
# Anonymous visitors' pages: cached under the archive's version, max-age for browsers (0: off).
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=60)

ROOT_URLCONF = "advocacy_site.urls"

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
            ],
        },
    },
]

WSGI_APPLICATION = "advocacy_site.wsgi.application"

# No DATABASE_URL: the embedded SQLite file, so a fresh machine needs nothing else installed.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while the importer writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # JIT off: the archive's large cost estimates switch it on and it made home 18x slower (#12).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

# Redis when REDIS_URL is set (shared by every worker); else each process's own memory.
REDIS_URL = env.str("REDIS_URL", default="")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Failed admin logins: five tries per username and address, then an hour's lock-out.
AXES_ENABLED = env.bool("DJANGO_AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

# Characters of text shown either side of a passage, on record pages and in the review queue.
PASSAGE_CONTEXT_CHARS = 90

# Where `make run` and the ingest command find the archive's source texts.
ARCHIVE_SOURCES_DIR = BASE_DIR / "data" / "sources"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
# HTTPS: on by default once debug is off; `make serve` (plain HTTP on this machine) turns the
# redirect and secure cookies off unless run with HTTPS=1.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
# A load balancer's health check may ask over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Preloading is hard to undo (browsers ship the list), so it is the operator's explicit choice.
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
if env.bool("DJANGO_SECURE_PROXY_SSL_HEADER", default=False):
    # Only behind a proxy that sets X-Forwarded-Proto and drops what clients send.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# No inline script or style anywhere: templates load static files only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Uploads of source texts: a request over this is refused before its body is read
# (documents/uploads.py); the importer itself takes files of up to 5 MB.
UPLOAD_MAX_REQUEST_BYTES = env.int("DJANGO_UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)

# One JSON object a line on stdout: log collectors parse it without a pattern, and a traceback
# stays inside its record instead of spilling over lines.
LOG_LEVEL = env.str("DJANGO_LOG_LEVEL", default="WARNING")
LOGGING = json_lines_to_stdout(
    level=LOG_LEVEL,
    # Django's own console handler dropped: its records reach stdout once, through the root.
    loggers={"django": {"handlers": [], "level": LOG_LEVEL, "propagate": True}},
)

# Open data: OAI-PMH (documents/oai/). The host in record identifiers (oai:<host>:document/<slug>)
# should stay the same for good; unset, it is the host the request named.
OAI_REPOSITORY_HOST = env.str("OAI_REPOSITORY_HOST", default="")
OAI_REPOSITORY_NAME = "Migrant-labour advocacy archive"
OAI_ADMIN_EMAIL = env.str("OAI_ADMIN_EMAIL", default="archive@example.org")
OAI_PAGE_SIZE = env.int("OAI_PAGE_SIZE", default=100)  # records per ListRecords answer
OAI_TOKEN_MAX_AGE = env.int("OAI_TOKEN_MAX_AGE", default=24 * 60 * 60)  # seconds
