"""Settings shared by every environment. Everything a deployment changes comes from the
environment; dev.py, test.py and production.py only set what differs between them."""

import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Our apps, in the order of their layers (docs/DESIGN.md, "Architecture"): each imports only
# from those listed after it; import-linter holds them to it (.importlinter).
INSTALLED_APPS = [
    "demo",
    "portal",
    "public",
    "exports",
    "governance",
    "evaluations",
    "projects",
    "proposals",
    "programme",
    "core",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "programme.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
]

MIDDLEWARE = [
    "core.uploads.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "core.middleware.BackOfficeAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.sessions.IdleTimeoutMiddleware",
    "programme.sessions.SignedInSessionMiddleware",
    "core.twofactor.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.security.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "wagtail.contrib.settings.context_processors.settings",
                "programme.context_processors.programme",
                "core.security.csp_nonce",
            ],
        },
    },
]
# Select boxes' options are built in Python, not a template each (core.renderers).
FORM_RENDERER = "core.renderers.QuickSelectRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded demo database: readers never wait for a writer (WAL), a writer takes its
    # lock when its transaction begins and waits up to 20 s for another, so parallel votes
    # queue instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    # PostgreSQL's sorts and hash aggregates of a calendar's rows (800,000 for value for money
    # by project at national scale) spill to disk at its default 4 MB and take twice as long.
    work_mem = os.environ.get("DATABASE_WORK_MEM", "16MB")
    DATABASES["default"]["OPTIONS"] = {"options": f"-c work_mem={work_mem}"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "programme.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in lock-out (django-axes): five failures for one email address lock it for 30
# minutes, whoever and wherever they come from; signing in successfully clears the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "core.auth_backends.ModelBackendFewerQueries",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_CALLABLE = "core.security.login_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_ENABLE_ADMIN = False
# django-axes warns when the lock-out is not by IP address. It is deliberately by account:
# council staff share a few office addresses, and locking an address would lock out a
# building after five mistyped passwords; rotating browsers does not reset an account's count.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Installed by `npm ci` at set-up (make assets); never committed.
    ("govuk-frontend", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files that must never be reachable by URL (proposal attachments, imports) live here and are
# served only through views that check permission.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Families Programme <families.programme@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SESSION_COOKIE_AGE = 60 * 60 * 8
# Back-office roles are signed out after this long without a request (core/sessions.py).
BACK_OFFICE_IDLE_MINUTES = 30
# Two-factor sign-in (django-otp, an authenticator app, with recovery codes) for everyone who
# can reach the back office (core/twofactor.py). Production requires it; the demo does not,
# so its shared demo logins work without a phone.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED")
OTP_TOTP_ISSUER = os.environ.get("PROGRAMME_NAME", "Liverpool Families Programme")
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"
# Content Security Policy (core/security.py). Everything comes from this site; the
# portal's one inline script carries a per-request nonce. Wagtail's admin writes inline
# script in its widgets, so /admin/ allows inline script but nothing from elsewhere.
_CSP_COMMON = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "font-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
CONTENT_SECURITY_POLICY = {**_CSP_COMMON, "script-src": ["'self'", "'nonce-{nonce}'"]}
CONTENT_SECURITY_POLICY_ADMIN = {**_CSP_COMMON, "script-src": ["'self'", "'unsafe-inline'"]}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

WAGTAIL_SITE_NAME = os.environ.get("PROGRAMME_NAME", "Liverpool Families Programme")
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_BASE_URL", "http://127.0.0.1:8000")
# Documents are served only through Wagtail's view (which checks collection privacy), always as
# downloads with nosniff and a sandboxing CSP (core/security.py), and only office formats are
# accepted: an HTML or SVG document would otherwise run script on this site's origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "odp",
    "csv",
    "txt",
    "rtf",
]
# Wagtail's database search, ranked and stemmed on either database (core.search_backends).
# On PostgreSQL the text search configuration is named: a query's to_tsquery('english', ...) is
# then worked out once when the query is planned, not again for every entry it is tested on
# and ranked against (without one it depends on a setting, so is evaluated row by row).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "core.search_backends.sqlite"}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    else {"BACKEND": "core.search_backends.postgres", "SEARCH_CONFIG": "english"}
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars fetched from Gravatar: that would send a hash of each user's email elsewhere.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# The programme itself.
PROGRAMME_NAME = WAGTAIL_SITE_NAME
COUNCIL_NAME = os.environ.get("COUNCIL_NAME", "Liverpool City Council")
COUNCIL_ORG_IDENTIFIER = os.environ.get("COUNCIL_ORG_IDENTIFIER", "GB-LAE-LIV")
# Published files: the Transparency Code CSV of spend over the threshold, and 360Giving.
TRANSPARENCY_THRESHOLD = Decimal("500.00")
TRANSPARENCY_DEPARTMENT = os.environ.get(
    "TRANSPARENCY_DEPARTMENT", "Children and Young People's Services"
)
# Grant identifiers are 360G-<prefix>-<project reference>; the prefix is the council's own.
GRANTS_360G_PREFIX = os.environ.get("GRANTS_360G_PREFIX", "LiverpoolCC")
# Where the programme's families live: a name and an ONS local authority district code.
BENEFICIARY_AREA_NAME = os.environ.get("BENEFICIARY_AREA_NAME", "Liverpool")
BENEFICIARY_AREA_CODE = os.environ.get("BENEFICIARY_AREA_CODE", "E08000012")
# Project leads report on each quarter within this many days of its end.
PROGRESS_REPORT_DUE_DAYS = 20
# send_reminders: how many days before a report is due, or a condition is reviewed, its
# reminder goes.
REMINDER_DAYS_AHEAD = 10
# Families: case references are hashed with this key as they arrive (see
# evaluations/pseudonyms.py); production refuses to start without its own.
FAMILY_HASH_SECRET = os.environ.get("FAMILY_HASH_SECRET", "dev-only-family-hash-secret")
# Counts of families below this are shown as "<10" outside the programme team.
SMALL_NUMBER_THRESHOLD = int(os.environ.get("SMALL_NUMBER_THRESHOLD", 10))
# The results-based claim (evaluations.services.claims): the national programme's period (a
# family is claimed at most once in it), what it pays for each successful family outcome, and
# the share of each claim internal audit checks (never fewer than CLAIM_SAMPLE_MINIMUM).
PROGRAMME_PERIOD = os.environ.get("PROGRAMME_PERIOD", "2025-26 to 2027-28")
RESULTS_PAYMENT_PER_FAMILY = os.environ.get("RESULTS_PAYMENT_PER_FAMILY", "800.00")
CLAIM_SAMPLE_PERCENT = int(os.environ.get("CLAIM_SAMPLE_PERCENT", 10))
CLAIM_SAMPLE_MINIMUM = int(os.environ.get("CLAIM_SAMPLE_MINIMUM", 5))
# Variations (projects.services.variations): the programme team decides one on the group's
# behalf when it moves no more than this amount and this percentage of the project's approval,
# extends it by no more than this many months and leaves its scope as approved; anything larger
# goes on the group's next agenda.
VARIATION_DELEGATED_AMOUNT = os.environ.get("VARIATION_DELEGATED_AMOUNT", "10000.00")
VARIATION_DELEGATED_PERCENT = int(os.environ.get("VARIATION_DELEGATED_PERCENT", 10))
VARIATION_DELEGATED_MONTHS = int(os.environ.get("VARIATION_DELEGATED_MONTHS", 6))
# Who sees counts of families exact in the back office (core/admin/counts.py): the programme
# team, who may read family records.
EXACT_COUNTS_PERMISSION = "evaluations.view_family"
# The back office's sidebar in groups (core.admin.menu): label, icon, menu item names.
ADMIN_MENU_GROUPS = [
    ("Proposals and meetings", "doc-full", ["proposals", "meetings", "decisions"]),
    (
        "Projects and spend",
        "table",
        [
            "projects",
            "variations",
            "progress-reports",
            "overdue-reports",
            "budget-against-actual",
            "spend-ledger",
            "import-spend",
            "close-a-month",
        ],
    ),
    (
        "Results",
        "success",
        [
            "results-and-value",
            "families",
            "import-family-outcomes",
            "case-level-return",
            "project-results",
            "project-targets",
            "unit-costs",
            "evaluation-studies",
        ],
    ),
    ("Programme set-up", "cogs", ["programme-set-up", "headline-outcomes"]),
    ("Public site", "globe", ["explorer", "forms", "images", "documents"]),
]
# "Have your say": messages an address may send an hour, and (behind a proxy) the header
# carrying the sender's address, e.g. HTTP_X_FORWARDED_FOR.
FEEDBACK_PER_HOUR = int(os.environ.get("FEEDBACK_PER_HOUR", 5))
CLIENT_ADDRESS_HEADER = os.environ.get("CLIENT_ADDRESS_HEADER", "")
# Demo logins with published passwords may only be created where this is true.
DEMO_DATA_ALLOWED = False
# seed_demo writes the files the README asks a newcomer to import here, to fit its demo.
DEMO_FILES_DIR = BASE_DIR / "demo-files"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Backups (core/backups.py) count every table of these apps and total every money column;
# the backup command names these counts when it finishes.
BACKUP_APPS = ["programme", "proposals", "governance", "projects", "evaluations", "public"]
BACKUP_SUMMARY = [("projects.SpendLine", "ledger lines"), ("evaluations.Family", "families")]

# Meetings: working days (England's bank holidays excluded) before each meeting.
SUBMISSION_DEADLINE_WORKING_DAYS = 15
PAPERS_CLEAR_WORKING_DAYS = 5

PROPOSAL_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
# Background work (Django's task framework, the django-tasks backport): Wagtail's own tasks
# run at once ("default"); the back-office imports queue in the database ("imports") for the
# worker `manage.py db_worker --backend imports`, which `make run` starts beside the site.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "imports": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
# Both imports stream their files (projects.ledger_check, evaluations.family_plans), so the
# back office takes large exports.
IMPORT_UPLOAD_MAX_BYTES = 512 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# No request body may be larger than the largest upload plus its form (core/uploads.py).
MAX_REQUEST_BODY_BYTES = IMPORT_UPLOAD_MAX_BYTES + 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "core.uploads.BodyLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# The strategic group's bi-monthly pattern: the Nth weekday (0 = Monday) of these months.
MEETING_MONTHS = [5, 7, 9, 11, 1, 3]
MEETING_WEEKDAY = 2
MEETING_WEEK_OF_MONTH = 2
MEETING_START_TIME = "10:00"
MEETING_LOCATION = os.environ.get("MEETING_LOCATION", "Cunard Building, Water Street, Liverpool")
# Quorum: at least this share of the voting members, including the chair or vice-chair.
QUORUM_FRACTION = "0.5"
