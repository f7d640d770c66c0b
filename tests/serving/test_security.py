"""Safe to put online: no example secret key with debug off, no deploy-check warnings with
production settings, and a Content-Security-Policy with nothing inline that it would block."""

import os
import re
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import reverse

from advocacy_site.secret_key import EXAMPLE_KEYS, env_file_key_replace, new_key, unfit_reason

REAL_KEY = "0Wq8f3kq-Zb2sXo_8hUu4nY1rT6vLp9cJd5eMa7gKi3wBz0yHs_NxQe"
# What the README and .env.example tell an operator to set behind a proxy that speaks HTTPS.
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": REAL_KEY,
    "DJANGO_SECURE_PROXY_SSL_HEADER": "1",
    "DJANGO_SECURE_HSTS_PRELOAD": "1",
}
# JSON and JSON-LD data blocks are never executed, so the policy does not govern them.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.I)


def _manage(*args, **env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("key", "fit"),
    [
        ("dev-only-insecure-key-change-me", False),  # .env.example's
        ("dev-only-insecure-key", False),
        ("django-insecure-" + "a1b2c3d4e5" * 5, False),  # startproject's
        ("short-but-random-Q9x", False),
        ("x" * 60, False),
        ("", False),
        (REAL_KEY, True),
        (new_key(), True),
    ],
)
def test_which_secret_keys_are_fit_for_a_public_site(key, fit):
    assert (unfit_reason(key) is None) is fit


@pytest.mark.parametrize("key", [*sorted(EXAMPLE_KEYS), "too-short"])
def test_debug_off_refuses_to_start_with_an_unfit_key_and_says_how_to_make_one(key):
    result = _manage("check", DJANGO_DEBUG="0", DJANGO_SECRET_KEY=key)
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY" in result.stderr
    assert "secrets.token_urlsafe(50)" in result.stderr


def test_debug_on_still_starts_with_the_example_key():
    result = _manage("check", DJANGO_DEBUG="1", DJANGO_SECRET_KEY="dev-only-insecure-key-change-me")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("before", "replaced"),
    [
        ("DJANGO_DEBUG=1\nDJANGO_SECRET_KEY=dev-only-insecure-key-change-me\nX=1\n", True),
        ("DJANGO_DEBUG=1\n", True),  # no key at all
        ("", True),
        (f"DJANGO_SECRET_KEY={REAL_KEY}\n", False),
        (f"DJANGO_SECRET_KEY='{REAL_KEY}'\n", False),
    ],
)
def test_make_serve_gives_env_a_real_key_and_keeps_one_that_is(tmp_path, before, replaced):
    env_file = tmp_path / ".env"
    env_file.write_text(before)
    assert env_file_key_replace(env_file) is replaced
    after = env_file.read_text()
    keys = re.findall(r"^DJANGO_SECRET_KEY=(.*)$", after, re.M)
    assert len(keys) == 1 and unfit_reason(keys[0].strip("'")) is None
    assert [line for line in after.splitlines() if "SECRET_KEY" not in line] == [
        line for line in before.splitlines() if "SECRET_KEY" not in line
    ]


def test_deploy_checks_pass_with_the_documented_production_environment():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr


@pytest.mark.django_db
def test_deploy_checks_pass_with_production_like_settings(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = REAL_KEY
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    out = StringIO()
    call_command("check", "--deploy", fail_level="WARNING", stdout=out, stderr=out)
    assert "no issues" in out.getvalue()


def test_https_settings_come_from_the_environment():
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER)"
    )
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=REAL_KEY,
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_HSTS_SECONDS="60",
        DJANGO_SECURE_PROXY_SSL_HEADER="1",
    )
    assert result.stdout.split() == ["False", "60", "('HTTP_X_FORWARDED_PROTO',", "'https')"]


def _assert_strict_policy_and_nothing_inline(response):
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    html = response.content.decode()
    assert INLINE_SCRIPT.findall(html) == []
    assert INLINE_STYLE.findall(html) == []


@pytest.mark.django_db
def test_public_pages_send_the_policy_and_use_nothing_inline(client, graph):
    urls = [
        "/",
        graph["document"].get_absolute_url(),
        graph["event"].get_absolute_url(),
        graph["mfa"].get_absolute_url(),
        reverse("organizations:organization-list"),
        reverse("documents:search") + "?q=ATUC",
        "/no-such-page/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        _assert_strict_policy_and_nothing_inline(response)


@pytest.mark.django_db
def test_the_admin_works_under_the_policy(curator_client, graph):
    document = graph["document"]
    for url in [
        reverse("admin:index"),
        reverse("admin:documents_sourcedocument_changelist"),
        reverse("admin:documents_sourcedocument_change", args=[document.pk]),
        reverse("admin:documents_sourcedocument_upload"),
        reverse("admin:organizations_organization_change", args=[graph["mfa"].pk]),
    ]:
        response = curator_client.get(url)
        assert response.status_code == 200, url
        _assert_strict_policy_and_nothing_inline(response)
