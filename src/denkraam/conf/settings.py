"""The one settings module of denkraam, driven by environment variables (see docs/configuration.md).

Development is the default: SQLite in the data dir and a generated secret key kept there. With
DENKRAAM_ENVIRONMENT=production the app refuses to start without SECRET_KEY, ALLOWED_HOSTS and an https
DENKRAAM_SITE_URL.
"""

from __future__ import annotations

import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from denkraam.accounts.oidc.config import oidc_form_action_origins, oidc_providers_parse
from denkraam.conf.env import (
    env_bool,
    env_frog_server,
    env_int,
    env_ip_address,
    env_list,
    env_site_url,
    env_str,
    local_secret_key,
)

REPO_DIR = Path(__file__).resolve().parents[3]
PACKAGE_DIR = Path(__file__).resolve().parents[1]

ENVIRONMENT = env_str("DENKRAAM_ENVIRONMENT", "development")
if ENVIRONMENT not in {"development", "production", "test"}:
    raise ImproperlyConfigured("DENKRAAM_ENVIRONMENT must be development, production or test")
PRODUCTION = ENVIRONMENT == "production"
TESTING = ENVIRONMENT == "test" or "pytest" in sys.modules

DATA_DIR = Path(env_str("DENKRAAM_DATA_DIR", str(Path.cwd() / "var"))).resolve()
MEDIA_ROOT = DATA_DIR / "media"
ASSETS_DIR = Path(env_str("DENKRAAM_ASSETS_DIR", str(REPO_DIR / "node_modules"))).resolve()

DEBUG = env_bool("DENKRAAM_DEBUG", False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DENKRAAM_DEBUG must be off in production")

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY is required in production: set it to a long random value")
    SECRET_KEY = local_secret_key(DATA_DIR)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required in production (comma separated host names)")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# A refused form gets the Dutch page in the site's look, with the menu of the person who is logged in.
CSRF_FAILURE_VIEW = "denkraam.web.errors.csrf_failure"
# The public address: links in e-mails are built from it, never from the request's Host header.
SITE_URL = env_site_url("DENKRAAM_SITE_URL", "" if PRODUCTION else "http://127.0.0.1:8000")
if PRODUCTION and not SITE_URL.startswith("https://"):
    raise ImproperlyConfigured("DENKRAAM_SITE_URL is required in production: the public https address of denkraam")
# Single sign-on with OpenID Connect (docs/configuration.md): a JSON/YAML file or inline JSON, checked at start-up.
OIDC_PROVIDERS = oidc_providers_parse(env_str("DENKRAAM_OIDC_PROVIDERS"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "denkraam.web",
    "denkraam.accounts",
    "denkraam.initiatives",
    "denkraam.assessments",
    "denkraam.evidence",
    "denkraam.feedback",
    "denkraam.reports",
    "denkraam.organisations",
    "denkraam.notifications",
    "denkraam.invitations",
    "denkraam.housestyle",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "denkraam.accounts.idle.IdleSessionMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "denkraam.accounts.otp.AdminNeedsTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "denkraam.web.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "denkraam.conf.urls"
WSGI_APPLICATION = "denkraam.conf.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "denkraam.web.context_processors.site",
                "denkraam.accounts.oidc.context_processors.oidc_providers",
            ],
        },
    }
]

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60))}
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "denkraam.sqlite3"),
            # WAL and a busy timeout let the worker and the web server write to one SQLite file side by side.
            "OPTIONS": {
                "timeout": env_int("DENKRAAM_SQLITE_TIMEOUT", 20),
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
# After logging in, people land on their own tasks: questionnaires to finish, conversations they lead, actions.
LOGIN_REDIRECT_URL = "web:my_conversations"
LOGOUT_REDIRECT_URL = "web:home"
# django-axes first: it refuses a locked-out user name and address before any backend checks a password.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "nl"
# The interface is Dutch for everyone: no switching on the browser's Accept-Language (dates stayed English).
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [
    ("vendor/utrecht", ASSETS_DIR / "@utrecht" / "component-library-css" / "dist"),
    ("vendor/htmx", ASSETS_DIR / "htmx.org" / "dist"),
    ("vendor/utrecht-tokens", ASSETS_DIR / "@utrecht" / "design-tokens" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the finders: no collectstatic step for a local install.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

MEDIA_URL = "/media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DENKRAAM_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# E-mail (docs/configuration.md, "E-mail"): printed to the console in development; in production SMTP by default,
# so no password-reset or invitation link ends up in a log because the backend was forgotten.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Set EMAIL_USE_TLS (STARTTLS, port 587) or EMAIL_USE_SSL (port 465), not both")
# Seconds a mail task waits for the mail server: one that hangs must not hold a worker for ever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "denkraam <noreply@localhost>")

CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "denkraam_cache"}}
if TESTING:  # each test run starts with an empty cache (login rate limits) and needs no createcachetable
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "denkraam-tests"}}

TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TESTING and not env_bool("DENKRAAM_TASKS_IN_WORKER", False)
        else "django_tasks_db.DatabaseBackend"
    }
}
# A running task holds a lease its worker renews every heartbeat; a lease that runs out means the worker died, and
# another worker starts the task again (at most TASK_MAX_ATTEMPTS times, then it fails with a Dutch message).
TASK_HEARTBEAT_SECONDS = env_int("DENKRAAM_TASK_HEARTBEAT_SECONDS", 10)
TASK_LEASE_SECONDS = env_int("DENKRAAM_TASK_LEASE_SECONDS", 60)
if TASK_HEARTBEAT_SECONDS < 1 or TASK_LEASE_SECONDS < 2 * TASK_HEARTBEAT_SECONDS:
    raise ImproperlyConfigured(
        "DENKRAAM_TASK_LEASE_SECONDS must be at least twice DENKRAAM_TASK_HEARTBEAT_SECONDS (at least 1)"
    )
TASK_MAX_ATTEMPTS = env_int("DENKRAAM_TASK_MAX_ATTEMPTS", 3)
if not 1 <= TASK_MAX_ATTEMPTS <= 20:
    raise ImproperlyConfigured("DENKRAAM_TASK_MAX_ATTEMPTS must be between 1 and 20")
# The worker removes raw feedback uploads nobody uses any more (a killed upload, a worker that died) this often;
# an unfinished or unregistered upload is left alone for the grace period (it may still be coming in).
CLEANUP_INTERVAL_SECONDS = env_int("DENKRAAM_CLEANUP_INTERVAL_SECONDS", 600)
FEEDBACK_TMP_GRACE_SECONDS = env_int("DENKRAAM_FEEDBACK_TMP_GRACE_SECONDS", 900)

# Security: safe by default, stricter in production.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)

# The reverse proxy in front of the app (conf/proxy.py): only a request from this address may say, in forwarded
# headers, which client it came from and that it came in over https. From anyone else those headers are dropped,
# so no SECURE_PROXY_SSL_HEADER: the WSGI layer sets the scheme, and only for the trusted proxy.
TRUSTED_PROXY = env_ip_address("DENKRAAM_TRUSTED_PROXY", any_allowed=True)
TRUSTED_PROXY_HEADERS = [
    h.lower() for h in env_list("DENKRAAM_TRUSTED_PROXY_HEADERS", ["x-forwarded-proto", "x-forwarded-for"])
]
TRUSTED_PROXY_COUNT = env_int("DENKRAAM_TRUSTED_PROXY_COUNT", 1)
proxy_header_names = {"x-forwarded-proto", "x-forwarded-for", "x-forwarded-host", "x-forwarded-port", "x-forwarded-by"}
if not TRUSTED_PROXY_HEADERS or not (
    set(TRUSTED_PROXY_HEADERS) <= proxy_header_names or TRUSTED_PROXY_HEADERS == ["forwarded"]
):
    raise ImproperlyConfigured(
        "DENKRAAM_TRUSTED_PROXY_HEADERS must be 'forwarded' alone or a comma-separated choice of "
        f"{', '.join(sorted(proxy_header_names))}"
    )
if TRUSTED_PROXY_COUNT < 1:
    raise ImproperlyConfigured("DENKRAAM_TRUSTED_PROXY_COUNT must be 1 or more (proxies in front of each other)")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The providers' origins: logging out leads on to the provider's own logout (accounts/oidc).
        "form-action": ["'self'", *oidc_form_action_origins(OIDC_PROVIDERS)],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Login security (accounts/lockout.py, docs/configuration.md): django-axes counts failed logins (a wrong password or
# a wrong two-factor code, on every login form) in the database, per user name and address and per address alone.
LOGIN_FAILURE_LIMIT = env_int("DENKRAAM_LOGIN_FAILURE_LIMIT", env_int("DENKRAAM_LOGIN_RATE_LIMIT", 10))
# ... and per IP for all user names together (password spraying); an office behind one address shares it.
LOGIN_FAILURE_LIMIT_PER_ADDRESS = env_int(
    "DENKRAAM_LOGIN_FAILURE_LIMIT_PER_ADDRESS", env_int("DENKRAAM_LOGIN_RATE_LIMIT_PER_ADDRESS", 50)
)
LOGIN_LOCKOUT_MINUTES = env_int("DENKRAAM_LOGIN_LOCKOUT_MINUTES", 15)
if LOGIN_FAILURE_LIMIT < 1 or LOGIN_FAILURE_LIMIT_PER_ADDRESS < 1 or not 1 <= LOGIN_LOCKOUT_MINUTES <= 24 * 60:
    raise ImproperlyConfigured(
        "DENKRAAM_LOGIN_FAILURE_LIMIT(_PER_ADDRESS) must be 1 or more, DENKRAAM_LOGIN_LOCKOUT_MINUTES 1 to 1440"
    )
AXES_HANDLER = "denkraam.accounts.lockout.LoginFailureHandler"
AXES_FAILURE_LIMIT = "denkraam.accounts.lockout.login_failure_limit"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_COOLOFF_TIME = "denkraam.accounts.lockout.login_lockout_time"
# A try during the lock does not make it longer: "wait 15 minutes" stays true, and the right password typed while
# locked out does not start the wait again.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True  # only this user name from this address (LoginFailureHandler.reset_user_attempts)
AXES_USERNAME_CALLABLE = "denkraam.accounts.lockout.login_username"
AXES_CLIENT_IP_CALLABLE = "denkraam.accounts.ratelimit.client_ip_address"  # REMOTE_ADDR, set by the trusted proxy only
AXES_LOCKOUT_CALLABLE = "denkraam.accounts.lockout.lockout_response"
# Axes keeps the failed attempts' form data: never a password, code or token.
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token", "csrfmiddlewaretoken"]
# Successful logins and logouts are in denkraam's own audit log (accounts/audit.py); no second copy in axes.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = True  # /beheer/ lists attempts; deleting an attempt lifts its lock (or `denkraam unlock`)
AXES_VERBOSE = False
# Two-factor codes (accounts/otp.py): required for administrators with a password, optional for everyone else.
OTP_TOTP_ISSUER = env_str("DENKRAAM_OTP_ISSUER", "denkraam")
# Sessions end after this many minutes without a request of the person (htmx polling does not count), and in any
# case this many hours after logging in (accounts/idle.py).
SESSION_IDLE_MINUTES = env_int("DENKRAAM_SESSION_IDLE_MINUTES", 60)
SESSION_MAX_HOURS = env_int("DENKRAAM_SESSION_MAX_HOURS", 12)
if not 1 <= SESSION_IDLE_MINUTES <= SESSION_MAX_HOURS * 60:
    raise ImproperlyConfigured("DENKRAAM_SESSION_IDLE_MINUTES must be 1 or more and within DENKRAAM_SESSION_MAX_HOURS")
SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 3600
# Days an e-mail invitation (to a session or an organisation) stays valid; resending starts the days again.
INVITATION_DAYS = env_int("DENKRAAM_INVITATION_DAYS", 14)
if not 1 <= INVITATION_DAYS <= 365:
    raise ImproperlyConfigured("DENKRAAM_INVITATION_DAYS must be 1 to 365")
# Password-reset mails per 15 minutes for one e-mail address, and requests from one network address for any.
PASSWORD_RESET_RATE_LIMIT = env_int("DENKRAAM_PASSWORD_RESET_RATE_LIMIT", 3)
PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS = env_int("DENKRAAM_PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS", 10)
# Characters one user may have checked per minute on the Tekstcheck page (ten texts of the maximum size).
TEXT_CHECK_CHARACTERS_PER_MINUTE = env_int("DENKRAAM_TEXT_CHECK_CHARACTERS_PER_MINUTE", 500_000)
# The deep tier (frog): "auto" keeps one frog loaded in each process (web app, worker), "off" starts frog for every
# deep check and hides the option on the Tekstcheck page, "host:port" uses a frog in server mode shared by all.
FROG_SERVER = env_frog_server("DENKRAAM_FROG_SERVER", "auto")
# Seconds frog may take for one sentence before it is restarted (once) and the check fails with a Dutch message.
FROG_TIMEOUT_SECONDS = env_int("DENKRAAM_FROG_TIMEOUT_SECONDS", 30)
if not 1 <= FROG_TIMEOUT_SECONDS <= 600:
    raise ImproperlyConfigured("DENKRAAM_FROG_TIMEOUT_SECONDS must be between 1 and 600 seconds")
# Evidence analyses (the worker) measure the reading level with frog: opt in, frog takes ~1 GB of memory.
EVIDENCE_DEEP = env_bool("DENKRAAM_EVIDENCE_DEEP", False)
# Characters one user may have checked per minute with the deep analysis (frog needs ~0.5 s of CPU per letter).
TEXT_CHECK_DEEP_CHARACTERS_PER_MINUTE = env_int("DENKRAAM_TEXT_CHECK_DEEP_CHARACTERS_PER_MINUTE", 60_000)
# Seconds one web page may take to fetch (evidence), from connecting to the last byte, redirects included.
FETCH_TIMEOUT = env_int("DENKRAAM_FETCH_TIMEOUT", 10)
if not 1 <= FETCH_TIMEOUT <= 300:
    raise ImproperlyConfigured("DENKRAAM_FETCH_TIMEOUT must be between 1 and 300 seconds")
# Seconds reading one uploaded file (its text) may take before it is refused; the library's default is the same.
EXTRACT_SECONDS = env_int("DENKRAAM_EXTRACT_SECONDS", 20)
if not 1 <= EXTRACT_SECONDS <= 300:
    raise ImproperlyConfigured("DENKRAAM_EXTRACT_SECONDS must be between 1 and 300 seconds")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DENKRAAM_LOG_LEVEL", "WARNING" if TESTING else "INFO")},
    # WeasyPrint logs every layout step at INFO; users of `denkraam report` should only see real problems.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
