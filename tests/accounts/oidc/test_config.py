"""The setting DENKRAAM_OIDC_PROVIDERS: a wrong file stops the start with a message naming provider and field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from denkraam.accounts.models import Membership, Organisation
from denkraam.accounts.oidc.checks import oidc_configuration_problems
from denkraam.accounts.oidc.config import ROLES, oidc_providers_parse

GOOD = {
    "id": "uwv",
    "name": "Inloggen met UWV (Entra ID)",
    "discovery_url": "https://login.microsoftonline.com/tenant/v2.0/.well-known/openid-configuration",
    "client_id": "app",
    "client_secret": "geheim",
    "organisations": [
        {"claim": "groups", "value": "denkraam-begeleiders", "organisation": "uwv", "role": "begeleider"}
    ],
}


def parse(**changes: Any) -> Any:
    provider = {**GOOD, **changes}
    return oidc_providers_parse(json.dumps([{k: v for k, v in provider.items() if v is not None}]))


def test_it_reads_a_provider_with_its_defaults() -> None:
    (provider,) = parse()
    assert provider.issuer == "https://login.microsoftonline.com/tenant/v2.0"
    assert provider.scopes == "openid email profile"
    assert (provider.email_claim, provider.name_claim) == ("email", "name")
    assert provider.organisation_slugs == ("uwv",)
    assert not provider.only_way_in


def test_it_reads_a_yaml_file_with_the_secret_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UWV_OIDC_SECRET", "uit-de-omgeving")
    path = tmp_path / "providers.yaml"
    path.write_text(
        "providers:\n  - id: uwv\n    name: UWV\n"
        "    discovery_url: https://sso.uwv.nl/realms/uwv/.well-known/openid-configuration\n"
        "    client_id: denkraam\n    client_secret_env: UWV_OIDC_SECRET\n",
        encoding="utf-8",
    )
    (provider,) = oidc_providers_parse(str(path))
    assert provider.client_secret == "uit-de-omgeving"
    assert provider.issuer == "https://sso.uwv.nl/realms/uwv"


def test_no_setting_means_no_sign_on() -> None:
    assert oidc_providers_parse("") == ()


def test_a_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "providers.json"
    path.write_text("[{'id': 'uwv'", encoding="utf-8")
    with pytest.raises(ImproperlyConfigured, match=r"providers.json is not valid JSON"):
        oidc_providers_parse(str(path))


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured, match=r"cannot read the file .*nergens.json"):
        oidc_providers_parse(str(tmp_path / "nergens.json"))


def test_an_unknown_role_names_the_provider_and_the_rule() -> None:
    rules = [{"claim": "groups", "value": "x", "organisation": "uwv", "role": "baas"}]
    with pytest.raises(ImproperlyConfigured, match=r"provider 'uwv', organisations rule 1: 'role' must be one of"):
        parse(organisations=rules)


def test_a_missing_field_names_the_provider_and_the_field() -> None:
    with pytest.raises(ImproperlyConfigured, match=r"provider 'uwv': 'client_id' is missing"):
        parse(client_id=None)


def test_a_misspelt_field_is_refused() -> None:
    with pytest.raises(ImproperlyConfigured, match=r"provider 'uwv': unknown field\(s\) 'only_way'"):
        parse(only_way=True)


def test_a_secret_variable_that_is_not_set_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NIET_GEZET", raising=False)
    with pytest.raises(ImproperlyConfigured, match=r"environment variable NIET_GEZET, which is not set"):
        parse(client_secret=None, client_secret_env="NIET_GEZET")


def test_a_discovery_url_without_the_well_known_path_is_refused() -> None:
    with pytest.raises(ImproperlyConfigured, match=r"provider 'uwv': 'discovery_url' must be an address ending in"):
        parse(discovery_url="https://login.microsoftonline.com/tenant/v2.0")


def test_two_providers_with_one_id_are_refused() -> None:
    with pytest.raises(ImproperlyConfigured, match=r"'id' is used by two providers"):
        oidc_providers_parse(json.dumps([GOOD, GOOD]))


def test_the_roles_are_the_roles_of_memberships() -> None:
    assert tuple(Membership.Role.values) == ROLES


@pytest.mark.django_db
def test_the_system_check_names_a_rule_whose_organisation_does_not_exist(settings: Any, uwv: Organisation) -> None:
    rules = [
        {"claim": "groups", "value": "a", "organisation": "uwv", "role": "lid"},
        {"claim": "groups", "value": "b", "organisation": "gemeente-utrecht", "role": "lid"},
    ]
    settings.OIDC_PROVIDERS = parse(organisations=rules)
    (problem,) = oidc_configuration_problems()
    assert problem.id == "denkraam.oidc.E001"
    assert "provider 'uwv', organisations rule 2: 'organisation' 'gemeente-utrecht' does not exist" in problem.msg
