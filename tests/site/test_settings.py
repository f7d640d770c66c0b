import os
import subprocess
import sys

from django.conf import settings


def _import_settings(**env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", "import advocacy_site.settings"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_missing_secret_key_with_debug_off_is_a_clear_error():
    result = _import_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_debug_without_secret_key_starts():
    assert _import_settings(DJANGO_DEBUG="1", DJANGO_SECRET_KEY="").returncode == 0


def test_production_settings_with_a_secret_key_start():
    result = _import_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
