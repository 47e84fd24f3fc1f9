from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHECK = (
    "import django; django.setup(); from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
)


def _run(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"}}
    base.update({"DJANGO_SETTINGS_MODULE": "denkraam.conf.settings", "DENKRAAM_DATA_DIR": str(tmp_path), **env})
    return subprocess.run([sys.executable, "-c", CHECK], env=base, capture_output=True, text=True, timeout=60)


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    result = _run({"DENKRAAM_ENVIRONMENT": "production", "ALLOWED_HOSTS": "denkraam.example.nl"}, tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY is required in production" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path: Path) -> None:
    result = _run({"DENKRAAM_ENVIRONMENT": "production", "SECRET_KEY": "x" * 50}, tmp_path)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is required" in result.stderr


def test_development_keeps_a_generated_secret_key_in_the_data_dir(tmp_path: Path) -> None:
    result = _run({"DENKRAAM_ENVIRONMENT": "development"}, tmp_path)
    assert result.returncode == 0, result.stderr
    key_file = tmp_path / "secret_key"
    assert len(key_file.read_text()) >= 50
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_a_database_url_selects_postgresql(tmp_path: Path) -> None:
    result = _run({"DATABASE_URL": "postgres://u:p@127.0.0.1:5432/denkraam"}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_a_bad_boolean_fails_loudly(tmp_path: Path) -> None:
    result = _run({"DENKRAAM_DEBUG": "misschien"}, tmp_path)
    assert result.returncode != 0
    assert "DENKRAAM_DEBUG must be true or false" in result.stderr


PRODUCTION = {"DENKRAAM_ENVIRONMENT": "production", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "denkraam.example.nl"}


def test_production_refuses_to_start_without_an_https_site_url(tmp_path: Path) -> None:
    for site_url in ["", "http://denkraam.example.nl"]:
        result = _run({**PRODUCTION, "DENKRAAM_SITE_URL": site_url}, tmp_path)
        assert result.returncode != 0
        assert "DENKRAAM_SITE_URL is required in production" in result.stderr


def test_production_starts_with_an_https_site_url(tmp_path: Path) -> None:
    result = _run({**PRODUCTION, "DENKRAAM_SITE_URL": "https://denkraam.example.nl/"}, tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_site_url_with_a_path_or_without_a_host_fails_loudly(tmp_path: Path) -> None:
    for site_url in ["https://denkraam.example.nl/app", "denkraam.example.nl", "https://:443"]:
        result = _run({"DENKRAAM_SITE_URL": site_url}, tmp_path)
        assert result.returncode != 0, site_url
        assert "DENKRAAM_SITE_URL must be" in result.stderr


def test_a_trusted_proxy_that_is_not_an_ip_address_fails_loudly(tmp_path: Path) -> None:
    for value in ["proxy.example.nl", "127.0.0.1,127.0.0.2", "10.0.0.0/8"]:
        result = _run({"DENKRAAM_TRUSTED_PROXY": value}, tmp_path)
        assert result.returncode != 0, value
        assert "DENKRAAM_TRUSTED_PROXY must be one IP address" in result.stderr


def test_unknown_or_mixed_trusted_proxy_headers_fail_loudly(tmp_path: Path) -> None:
    for value in ["x-real-ip", "forwarded,x-forwarded-for", ""]:
        result = _run({"DENKRAAM_TRUSTED_PROXY": "127.0.0.1", "DENKRAAM_TRUSTED_PROXY_HEADERS": value}, tmp_path)
        assert result.returncode != 0, value
        assert "DENKRAAM_TRUSTED_PROXY_HEADERS must be" in result.stderr


def test_a_frog_server_that_is_not_auto_off_or_host_and_port_fails_loudly(tmp_path: Path) -> None:
    result = _run({"DENKRAAM_FROG_SERVER": "aan"}, tmp_path)
    assert result.returncode != 0
    assert "DENKRAAM_FROG_SERVER must be auto, off or host:port" in result.stderr
