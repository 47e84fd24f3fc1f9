"""Reading the setting DENKRAAM_OIDC_PROVIDERS: the path of a JSON or YAML file, or inline JSON.

Imports no models: settings.py calls this while Django is still starting. Every mistake stops the start with a
message that names the provider and the field, like the helpers in conf/env.py.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from django.core.exceptions import ImproperlyConfigured

SETTING = "DENKRAAM_OIDC_PROVIDERS"
# The roles of accounts.models.Membership.Role, lowest first (a test keeps the two the same; the model cannot be
# imported while the settings load).
ROLES: tuple[str, ...] = ("lezer", "lid", "begeleider", "beheerder")
DISCOVERY_SUFFIX = "/.well-known/openid-configuration"
PROVIDER_FIELDS = {
    "id",
    "name",
    "discovery_url",
    "issuer",
    "client_id",
    "client_secret",
    "client_secret_env",
    "scopes",
    "email_claim",
    "name_claim",
    "organisations",
    "only_way_in",
    "link_existing_by_email",
    "token_endpoint_auth_method",
}
RULE_FIELDS = {"claim", "value", "organisation", "role"}
AUTH_METHODS = {"client_secret_basic", "client_secret_post"}
SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$")


@dataclass(frozen=True)
class OrganisationRule:
    """Someone whose `claim` is (or, for a list, contains) `value` gets `role` in the organisation `organisation`."""

    claim: str
    value: str
    organisation: str
    role: str

    def matches(self, claims: dict[str, Any]) -> bool:
        found = claims.get(self.claim)
        if isinstance(found, list | tuple):
            return self.value in [str(item) for item in found]
        return found is not None and str(found) == self.value


@dataclass(frozen=True)
class OidcProvider:
    """One identity provider, as configured. Frozen and hashable, so its authlib client can be kept per provider."""

    id: str
    name: str
    discovery_url: str
    issuer: str
    client_id: str
    client_secret: str
    scopes: str = "openid email profile"
    email_claim: str = "email"
    name_claim: str = "name"
    organisations: tuple[OrganisationRule, ...] = ()
    only_way_in: bool = False
    link_existing_by_email: bool = False
    token_endpoint_auth_method: str = "client_secret_basic"

    @property
    def organisation_slugs(self) -> tuple[str, ...]:
        """The organisations this provider speaks for: its rules decide who is a member of them, with which role."""
        return tuple(dict.fromkeys(rule.organisation for rule in self.organisations))


def _fail(where: str, problem: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"{SETTING}: {where}: {problem}")


def _text(data: dict[str, Any], key: str, where: str, *, default: str | None = None) -> str:
    value = data.get(key, default)
    if value is None:
        raise _fail(where, f"'{key}' is missing")
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"'{key}' must be a non-empty text, not {value!r}")
    return value.strip()


def _flag(data: dict[str, Any], key: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise _fail(where, f"'{key}' must be true or false, not {value!r}")
    return value


def _rule(data: object, where: str) -> OrganisationRule:
    if not isinstance(data, dict):
        raise _fail(where, f"a rule must be an object with claim, value, organisation and role, not {data!r}")
    unknown = sorted(set(data) - RULE_FIELDS)
    if unknown:
        raise _fail(
            where, f"unknown field(s) {', '.join(map(repr, unknown))} (known: {', '.join(sorted(RULE_FIELDS))})"
        )
    value = data.get("value")
    if isinstance(value, bool) or not isinstance(value, str | int) or str(value).strip() == "":
        raise _fail(where, f"'value' must be a non-empty text, not {value!r}")
    organisation = _text(data, "organisation", where)
    if not SLUG.match(organisation):
        raise _fail(
            where, f"'organisation' must be an organisation's short name (slug) such as 'uwv', not {organisation!r}"
        )
    role = _text(data, "role", where)
    if role not in ROLES:
        raise _fail(where, f"'role' must be one of {', '.join(ROLES)}, not {role!r}")
    return OrganisationRule(
        claim=_text(data, "claim", where), value=str(value).strip(), organisation=organisation, role=role
    )


def _provider(data: object, index: int) -> OidcProvider:
    if not isinstance(data, dict):
        raise _fail(f"provider {index + 1}", f"must be an object, not {data!r}")
    where = f"provider {data['id']!r}" if isinstance(data.get("id"), str) else f"provider {index + 1}"
    unknown = sorted(set(data) - PROVIDER_FIELDS)
    if unknown:
        raise _fail(
            where, f"unknown field(s) {', '.join(map(repr, unknown))} (known: {', '.join(sorted(PROVIDER_FIELDS))})"
        )
    provider_id = _text(data, "id", where)
    if not SLUG.match(provider_id):
        raise _fail(where, "'id' is used in addresses: lower-case letters, digits and dashes only (such as 'uwv')")
    discovery_url = _text(data, "discovery_url", where)
    if not discovery_url.endswith(DISCOVERY_SUFFIX) or not discovery_url.startswith(("https://", "http://")):
        raise _fail(where, f"'discovery_url' must be an address ending in {DISCOVERY_SUFFIX}, not {discovery_url!r}")
    # OpenID Connect Discovery: the issuer is the discovery address without the suffix, unless said otherwise.
    issuer = _text(data, "issuer", where, default=discovery_url.removesuffix(DISCOVERY_SUFFIX))
    if "client_secret" in data and "client_secret_env" in data:
        raise _fail(where, "give 'client_secret' or 'client_secret_env', not both")
    if "client_secret_env" in data:
        variable = _text(data, "client_secret_env", where)
        secret = os.environ.get(variable, "").strip()
        if not secret:
            raise _fail(where, f"'client_secret_env' names the environment variable {variable}, which is not set")
    elif "client_secret" in data:
        secret = _text(data, "client_secret", where)
    else:
        raise _fail(where, "'client_secret' (or 'client_secret_env', the name of a variable holding it) is missing")
    scopes = " ".join(_text(data, "scopes", where, default="openid email profile").split())
    if "openid" not in scopes.split():
        raise _fail(where, f"'scopes' must contain 'openid', not {scopes!r}")
    rules_data = data.get("organisations", [])
    if not isinstance(rules_data, list):
        raise _fail(where, f"'organisations' must be a list of rules, not {rules_data!r}")
    rules = tuple(_rule(rule, f"{where}, organisations rule {n + 1}") for n, rule in enumerate(rules_data))
    only_way_in = _flag(data, "only_way_in", where)
    if only_way_in and not rules:
        raise _fail(where, "'only_way_in' needs at least one rule in 'organisations' (whose passwords to switch off)")
    auth_method = _text(data, "token_endpoint_auth_method", where, default="client_secret_basic")
    if auth_method not in AUTH_METHODS:
        raise _fail(where, f"'token_endpoint_auth_method' must be one of {', '.join(sorted(AUTH_METHODS))}")
    return OidcProvider(
        id=provider_id,
        name=_text(data, "name", where),
        discovery_url=discovery_url,
        issuer=issuer,
        client_id=_text(data, "client_id", where),
        client_secret=secret,
        scopes=scopes,
        email_claim=_text(data, "email_claim", where, default="email"),
        name_claim=_text(data, "name_claim", where, default="name"),
        organisations=rules,
        only_way_in=only_way_in,
        link_existing_by_email=_flag(data, "link_existing_by_email", where),
        token_endpoint_auth_method=auth_method,
    )


def oidc_providers_parse(raw: str) -> tuple[OidcProvider, ...]:
    """The providers in `raw`: inline JSON (starting with `[` or `{`), or the path of a .json, .yaml or .yml file
    holding a list of providers (or an object with the list under `providers`). Empty: no sign-on."""
    raw = raw.strip()
    if not raw:
        return ()
    if raw.startswith(("[", "{")):
        source, text, use_yaml = "inline JSON", raw, False
    else:
        path = Path(raw)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ImproperlyConfigured(f"{SETTING}: cannot read the file {raw}: {exc.strerror or exc}") from exc
        source, use_yaml = raw, path.suffix.lower() in {".yaml", ".yml"}
    try:
        data = yaml.safe_load(text) if use_yaml else json.loads(text)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise ImproperlyConfigured(f"{SETTING}: {source} is not valid {'YAML' if use_yaml else 'JSON'}: {exc}") from exc
    if isinstance(data, dict) and set(data) == {"providers"}:
        data = data["providers"]
    if not isinstance(data, list):
        raise ImproperlyConfigured(f"{SETTING}: {source} must hold a list of providers")
    providers = tuple(_provider(item, n) for n, item in enumerate(data))
    seen: set[str] = set()
    for provider in providers:
        if provider.id in seen:
            raise _fail(f"provider {provider.id!r}", "'id' is used by two providers")
        seen.add(provider.id)
    return providers


def url_origin(url: str) -> str:
    """`https://host:port` of an address, lower case."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def oidc_form_action_origins(providers: tuple[OidcProvider, ...]) -> list[str]:
    """The origins the logout form may lead to: browsers apply CSP form-action also to the redirect that follows
    the form, here the one to the provider's end_session_endpoint (expected on the discovery document's origin)."""
    return list(dict.fromkeys(url_origin(provider.discovery_url) for provider in providers))
