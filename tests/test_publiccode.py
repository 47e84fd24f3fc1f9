"""publiccode.yml follows the publiccode.yml standard (https://github.com/publiccodeyml/publiccode.yml).

The rules come from the standard's documents in docs/standard/ of that repository (schema.core.rst,
categories-list.rst, scope-list.rst, country.rst) and, where the standard leaves room, from how the official
validator (italia/publiccode-parser-go) reads it. No network, no Django: only files in this repository are read.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression

ROOT = Path(__file__).resolve().parents[1]
PUBLICCODE = ROOT / "publiccode.yml"
SETTINGS = ROOT / "src" / "denkraam" / "conf" / "settings.py"
# settings.LOCALE_PATHS: one Django catalogue per language, <lang>/LC_MESSAGES/django.po.
LOCALE_DIR = ROOT / "src" / "denkraam" / "locale"
# The catalogues that make the interface multilingual: Dutch (its own language) and English.
LOCALISATION_LANGUAGES = ("nl", "en")

# publiccode.yml 0.7 (schema.core.rst, key publiccodeYmlVersion; v0.7.0 is the current release).
CURRENT_VERSIONS = frozenset({"0.7", "0.7.0"})
# publiccode.yml 0.7, categories-list.rst.
CATEGORIES = frozenset(
    """
    accounting agile-project-management applicant-tracking application-development appointment-scheduling backup
    billing-and-invoicing blog budgeting business-intelligence business-process-management cad
    call-center-management cloud-management collaboration communications compliance-management contact-management
    content-management crm customer-service-and-support data-analytics data-collection data-visualization design
    design-system digital-asset-management digital-citizenship document-management donor-management e-commerce
    e-signature educational-content email-management email-marketing employee-management
    enterprise-project-management enterprise-social-networking erp event-management facility-management
    feedback-and-reviews-management financial-reporting fleet-management fundraising gamification
    geographic-information-systems grant-management graphic-design help-desk hr ide identity-management
    instant-messaging integrated-library-system inventory-management it-asset-management it-development
    it-management it-security it-service-management knowledge-management learning-management-system marketing
    mind-mapping mobile-marketing mobile-payment network-management office online-booking online-community
    payment-gateway payroll predictive-analysis procurement productivity-suite project-collaboration
    project-management property-management real-estate-management regulations-and-directives remote-support
    resource-management sales-management seo service-desk social-media-management survey talent-management
    task-management taxes-management test-management time-management time-tracking translation video-conferencing
    video-editing visitor-management voip warehouse-management web-collaboration web-conferencing website-builder
    whistleblowing workflow-management other
    """.split()
)
# publiccode.yml 0.7, schema.core.rst, key platforms (it allows other readable values; this file keeps to these).
PLATFORMS = frozenset({"web", "windows", "mac", "linux", "ios", "android"})
# publiccode.yml 0.7, schema.core.rst, key developmentStatus.
DEVELOPMENT_STATUSES = frozenset({"concept", "development", "beta", "stable", "obsolete"})
# publiccode.yml 0.7, schema.core.rst, key softwareType.
SOFTWARE_TYPES = frozenset(
    {
        "standalone/mobile",
        "standalone/iot",
        "standalone/desktop",
        "standalone/web",
        "standalone/backend",
        "standalone/other",
        "addon",
        "library",
        "configurationFiles",
    }
)
# publiccode.yml 0.7, schema.core.rst, key maintenance/type.
MAINTENANCE_TYPES = frozenset({"internal", "contract", "community", "none"})
# publiccode.yml 0.7, scope-list.rst.
SCOPES = frozenset(
    """
    agriculture culture defence education emergency-services employment energy environment
    finance-and-economic-development foreign-affairs government healthcare infrastructures justice local-authorities
    manufacturing research science-and-technology security society sport tourism transportation welfare
    """.split()
)
# publiccode.yml 0.7, schema.core.rst (and country.rst for IT/it): the keys of each section.
KEYS = {
    "": {
        "publiccodeYmlVersion",
        "name",
        "applicationSuite",
        "url",
        "landingURL",
        "isBasedOn",
        "softwareVersion",
        "releaseDate",
        "logo",
        "monochromeLogo",
        "inputTypes",
        "outputTypes",
        "platforms",
        "categories",
        "usedBy",
        "fundedBy",
        "roadmap",
        "developmentStatus",
        "softwareType",
        "supports",
        "organisation",
        "intendedAudience",
        "description",
        "legal",
        "maintenance",
        "localisation",
        "dependsOn",
        "IT",
        "it",
    },
    "organisation": {"uri", "name"},
    "intendedAudience": {"countries", "unsupportedCountries", "scope"},
    "description.<lang>": {
        "localisedName",
        "genericName",
        "shortDescription",
        "longDescription",
        "documentation",
        "apiDocumentation",
        "features",
        "screenshots",
        "videos",
        "awards",
    },
    "legal": {"license", "mainCopyrightOwner", "repoOwner", "authorsFile"},
    "maintenance": {"type", "contractors", "contacts"},
    "localisation": {"localisationReady", "availableLanguages"},
    "dependsOn": {"open", "proprietary", "hardware"},
}
# publiccode.yml 0.7, schema.core.rst, "Special data formats": Dependency, Contact, Contractor, Organisation.
DEPENDENCY_KEYS = frozenset({"name", "versionMin", "versionMax", "version", "optional"})
CONTACT_KEYS = frozenset({"name", "email", "phone", "affiliation"})
CONTRACTOR_KEYS = frozenset({"name", "until", "email", "website"})
# publiccode.yml 0.7, schema.core.rst and country.rst: keys marked deprecated (the validator warns on them).
DEPRECATED_KEYS = frozenset(
    {
        "monochromeLogo",
        "inputTypes",
        "outputTypes",
        "IT",
        "it",
        "description.<lang>.genericName",
        "legal.repoOwner",
        "legal.authorsFile",
    }
)
# publiccode.yml 0.7, schema.core.rst: the mandatory keys (Presence: mandatory), as paths.
MANDATORY_KEYS = (
    "publiccodeYmlVersion",
    "name",
    "url",
    "platforms",
    "developmentStatus",
    "softwareType",
    "description",
    "legal.license",
    "maintenance.type",
    "localisation.localisationReady",
    "localisation.availableLanguages",
)
# publiccode.yml 0.7, schema.core.rst: shortDescription max 150 characters, longDescription 150 to 10000.
SHORT_DESCRIPTION_MAX = 150
LONG_DESCRIPTION_MIN, LONG_DESCRIPTION_MAX = 150, 10_000
# IETF BCP 47 (RFC 5646) language tag: language[-extlang][-script][-region][-variant...]; the language is a 2-3
# letter ISO 639 code (the only length in the IANA registry), private-use-only and grandfathered tags are refused.
BCP47 = re.compile(
    r"^[a-z]{2,3}(-[a-z]{3}){0,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*$",
    re.IGNORECASE,
)
# publiccode.yml 0.7, schema.core.rst "Dates": YYYY-MM-DD only.
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def publiccode() -> dict[str, Any]:
    data = yaml.safe_load(PUBLICCODE.read_bytes().decode("utf-8"))
    assert isinstance(data, dict), "publiccode.yml must be a YAML mapping"
    return data


def _get(data: dict[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(path)
        value = value[part]
    return value


def _descriptions(publiccode: dict[str, Any]) -> dict[str, dict[str, Any]]:
    description = publiccode.get("description")
    assert isinstance(description, dict) and description, "description must map at least one language to its texts"
    assert all(isinstance(texts, dict) for texts in description.values()), "each description.<lang> must be a mapping"
    return description


def _length(text: str) -> int:
    # The official validator counts grapheme clusters; in NFC an accented letter such as é counts once too.
    return len(unicodedata.normalize("NFC", text))


def _catalogue(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def _source_language() -> str:
    match = re.search(r'^LANGUAGE_CODE\s*=\s*["\']([^"\']+)["\']', SETTINGS.read_text("utf-8"), re.MULTILINE)
    assert match, f"no LANGUAGE_CODE in {SETTINGS.relative_to(ROOT)}"
    return match.group(1)


def test_it_is_one_utf8_yaml_document() -> None:
    raw = PUBLICCODE.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        pytest.fail(f"publiccode.yml must be UTF-8 encoded: {exc}")
    documents = list(yaml.safe_load_all(text))
    assert len(documents) == 1, f"publiccode.yml must hold one YAML document, it holds {len(documents)}"


def test_it_declares_the_current_version_of_the_standard(publiccode: dict[str, Any]) -> None:
    version = publiccode.get("publiccodeYmlVersion")
    assert isinstance(version, str), f"publiccodeYmlVersion must be a quoted string, not {version!r}"
    assert version in CURRENT_VERSIONS, (
        f"publiccodeYmlVersion is {version!r}; the current version of the standard is "
        f"{' or '.join(sorted(CURRENT_VERSIONS))}"
    )


def test_it_has_every_mandatory_key(publiccode: dict[str, Any]) -> None:
    missing = []
    for path in MANDATORY_KEYS:
        try:
            value = _get(publiccode, path)
        except KeyError:
            missing.append(path)
            continue
        if value is None or value == "" or value == [] or value == {}:
            missing.append(f"{path} (empty)")
    assert not missing, f"publiccode.yml lacks mandatory keys: {', '.join(missing)}"
    maintenance = publiccode["maintenance"]
    if maintenance["type"] in {"internal", "community"}:
        assert maintenance.get("contacts"), f"maintenance.type {maintenance['type']} needs maintenance.contacts"


def test_it_uses_only_keys_the_standard_defines(publiccode: dict[str, Any]) -> None:
    problems = []

    def check(section: str, where: str, mapping: Any, allowed: set[str] | frozenset[str]) -> None:
        if not isinstance(mapping, dict):
            problems.append(f"{where or 'the file'} must be a mapping")
            return
        for key in mapping:
            path = f"{section}.{key}" if section else str(key)
            shown = f"{where}.{key}" if where else str(key)
            if key not in allowed:
                problems.append(f"{shown} is not a key of the standard")
            elif path in DEPRECATED_KEYS:
                problems.append(f"{shown} is deprecated in the standard")

    check("", "", publiccode, KEYS[""])
    for section in ("organisation", "intendedAudience", "legal", "maintenance", "localisation", "dependsOn"):
        if section in publiccode:
            check(section, section, publiccode[section], KEYS[section])
    for lang, texts in (publiccode.get("description") or {}).items():
        check("description.<lang>", f"description.{lang}", texts, KEYS["description.<lang>"])
    for kind, dependencies in (publiccode.get("dependsOn") or {}).items():
        for index, dependency in enumerate(dependencies or []):
            check("dependency", f"dependsOn.{kind}[{index}]", dependency, DEPENDENCY_KEYS)
    maintenance = publiccode.get("maintenance") or {}
    for index, contact in enumerate(maintenance.get("contacts") or []):
        check("contact", f"maintenance.contacts[{index}]", contact, CONTACT_KEYS)
    for index, contractor in enumerate(maintenance.get("contractors") or []):
        check("contractor", f"maintenance.contractors[{index}]", contractor, CONTRACTOR_KEYS)
    assert not problems, "publiccode.yml has keys outside the standard:\n" + "\n".join(problems)


def test_its_values_have_the_types_the_standard_gives(publiccode: dict[str, Any]) -> None:
    strings = ["name", "url", "developmentStatus", "softwareType", "legal.license", "maintenance.type"]
    strings += ["applicationSuite", "landingURL", "softwareVersion", "logo", "roadmap"]
    problems = []
    for path in strings:
        try:
            value = _get(publiccode, path)
        except KeyError:
            continue
        if not isinstance(value, str):
            problems.append(f"{path} must be a string, not {value!r}")
    for path in ("platforms", "categories", "usedBy", "localisation.availableLanguages"):
        try:
            value = _get(publiccode, path)
        except KeyError:
            continue
        if path == "platforms" and isinstance(value, str):  # the standard also allows a single platform
            continue
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            problems.append(f"{path} must be a list of non-empty strings, not {value!r}")
    ready = (publiccode.get("localisation") or {}).get("localisationReady")
    if not isinstance(ready, bool):
        problems.append(f"localisation.localisationReady must be true or false, not {ready!r}")
    for contact in (publiccode.get("maintenance") or {}).get("contacts") or []:
        if not isinstance(contact, dict) or not isinstance(contact.get("name"), str) or not contact["name"]:
            problems.append(f"every maintenance contact needs a name: {contact!r}")
        elif "phone" in contact and not isinstance(contact["phone"], str):
            problems.append(f"a contact's phone must be a string: {contact!r}")
    assert not problems, "\n".join(problems)


def test_its_categories_are_in_the_standard_vocabulary(publiccode: dict[str, Any]) -> None:
    categories = publiccode.get("categories", [])
    unknown = [category for category in categories if category not in CATEGORIES]
    assert not unknown, f"categories not in the standard's list (categories-list.rst): {', '.join(unknown)}"
    assert len(set(categories)) == len(categories), f"categories lists a category twice: {categories}"


def test_its_platforms_are_the_predefined_values(publiccode: dict[str, Any]) -> None:
    platforms = publiccode["platforms"]
    platforms = [platforms] if isinstance(platforms, str) else platforms
    unknown = [platform for platform in platforms if platform not in PLATFORMS]
    assert platforms, "platforms must name at least one platform"
    assert not unknown, f"platforms outside the standard's predefined values {sorted(PLATFORMS)}: {unknown}"


def test_its_development_status_is_an_allowed_value(publiccode: dict[str, Any]) -> None:
    status = publiccode["developmentStatus"]
    assert status in DEVELOPMENT_STATUSES, f"developmentStatus {status!r} is not one of {sorted(DEVELOPMENT_STATUSES)}"


def test_its_software_type_is_an_allowed_value(publiccode: dict[str, Any]) -> None:
    kind = publiccode["softwareType"]
    assert kind in SOFTWARE_TYPES, f"softwareType {kind!r} is not one of {sorted(SOFTWARE_TYPES)}"


def test_its_maintenance_is_an_allowed_type_with_who_maintains_it(publiccode: dict[str, Any]) -> None:
    maintenance = publiccode["maintenance"]
    kind = maintenance["type"]
    assert kind in MAINTENANCE_TYPES, f"maintenance.type {kind!r} is not one of {sorted(MAINTENANCE_TYPES)}"
    contractors = maintenance.get("contractors")
    if kind == "contract":
        assert contractors, "maintenance.type contract needs maintenance.contractors"
    else:
        assert contractors is None, f"maintenance.contractors must not be present when maintenance.type is {kind}"
    for contractor in contractors or []:
        until = str(contractor.get("until", ""))
        assert contractor.get("name"), f"every contractor needs a name: {contractor!r}"
        assert ISO_DATE.match(until), f"a contractor's until must be a YYYY-MM-DD date: {contractor!r}"


def test_its_intended_audience_uses_the_standard_scopes_and_country_codes(publiccode: dict[str, Any]) -> None:
    audience = publiccode.get("intendedAudience")
    if audience is None:
        return  # optional
    unknown = [scope for scope in audience.get("scope", []) if scope not in SCOPES]
    problems = [f"intendedAudience.scope: {scope!r} is not in scope-list.rst" for scope in unknown]
    for key in ("countries", "unsupportedCountries"):
        for country in audience.get(key, []):
            # Lowercase codes are deprecated since publiccode.yml 0.5.
            if not (isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country)):
                problems.append(f"intendedAudience.{key}: {country!r} is not an uppercase ISO 3166-1 alpha-2 code")
    assert not problems, "\n".join(problems)


def test_its_licence_is_a_valid_spdx_expression(publiccode: dict[str, Any]) -> None:
    licence = publiccode["legal"]["license"]
    try:
        canonical = canonicalize_license_expression(licence)
    except InvalidLicenseExpression as exc:
        pytest.fail(f"legal.license {licence!r} is not a valid SPDX expression: {exc}")
    assert canonical == licence, f"legal.license {licence!r} should be spelled as SPDX does: {canonical!r}"


def test_its_release_date_is_an_iso_date_not_in_the_future(publiccode: dict[str, Any]) -> None:
    if "releaseDate" not in publiccode:
        return  # optional since publiccode.yml 0.4
    released = publiccode["releaseDate"]
    assert isinstance(released, str) and ISO_DATE.match(released), (
        f"releaseDate must be a quoted YYYY-MM-DD string, not {released!r}"
    )
    try:
        day = dt.date.fromisoformat(released)
    except ValueError:
        pytest.fail(f"releaseDate {released!r} is not a real date")
    assert day <= dt.date.today(), f"releaseDate {released} is in the future; it is the date the version was released"


def test_its_descriptions_fit_the_length_limits(publiccode: dict[str, Any]) -> None:
    problems = []
    descriptions = _descriptions(publiccode)
    for lang, texts in descriptions.items():
        short = texts.get("shortDescription")
        long = texts.get("longDescription")
        # The standard makes shortDescription mandatory in every language; the official validator also
        # demands a longDescription in every language it finds.
        if not isinstance(short, str) or not short.strip():
            problems.append(f"description.{lang}.shortDescription is missing")
        elif _length(short) > SHORT_DESCRIPTION_MAX or "\n" in short.strip():
            problems.append(
                f"description.{lang}.shortDescription must be one line of at most {SHORT_DESCRIPTION_MAX} "
                f"characters, it has {_length(short)}"
            )
        if not isinstance(long, str) or not long.strip():
            problems.append(f"description.{lang}.longDescription is missing")
        elif not LONG_DESCRIPTION_MIN <= _length(long) <= LONG_DESCRIPTION_MAX:
            problems.append(
                f"description.{lang}.longDescription must have {LONG_DESCRIPTION_MIN} to {LONG_DESCRIPTION_MAX} "
                f"characters, it has {_length(long)}"
            )
        features = texts.get("features")
        if features is not None and (
            not isinstance(features, list) or not features or not all(isinstance(f, str) and f for f in features)
        ):
            problems.append(f"description.{lang}.features must be a non-empty list of strings")
    if not any(texts.get("features") for texts in descriptions.values()):
        problems.append("description.<lang>.features is mandatory for at least one language")
    assert not problems, "\n".join(problems)


def test_its_language_tags_are_bcp47(publiccode: dict[str, Any]) -> None:
    tags = [(f"description.{lang}", lang) for lang in _descriptions(publiccode)]
    tags += [("localisation.availableLanguages", lang) for lang in publiccode["localisation"]["availableLanguages"]]
    bad = [f"{where}: {lang!r}" for where, lang in tags if not (isinstance(lang, str) and BCP47.match(lang))]
    assert not bad, f"these are not IETF BCP 47 language tags with a primary language subtag: {', '.join(bad)}"


def test_it_claims_localisation_readiness_only_with_dutch_and_english_catalogues(
    publiccode: dict[str, Any],
) -> None:
    ready = publiccode["localisation"]["localisationReady"]
    catalogues = {lang: _catalogue(lang).is_file() for lang in LOCALISATION_LANGUAGES}
    have = ", ".join(f"{lang}: {'yes' if found else 'no'}" for lang, found in catalogues.items())
    expected = all(catalogues.values())
    assert ready is expected, (
        f"localisation.localisationReady is {ready}, but must be {expected}: it is true only when "
        f"{LOCALE_DIR.relative_to(ROOT)}/<lang>/LC_MESSAGES/django.po exists for each of "
        f"{', '.join(LOCALISATION_LANGUAGES)} ({have})"
    )


def test_it_lists_only_languages_the_interface_is_available_in(publiccode: dict[str, Any]) -> None:
    languages = publiccode["localisation"]["availableLanguages"]
    source = _source_language()
    assert source in languages, f"availableLanguages must list the interface's own language {source!r}: {languages}"
    untranslated = [lang for lang in languages if lang != source and not _catalogue(lang).is_file()]
    assert not untranslated, (
        f"availableLanguages lists {untranslated}, but the interface has no translation catalogue for them "
        f"({', '.join(str(_catalogue(lang).relative_to(ROOT)) for lang in untranslated)}); list only {source!r} "
        f"until translations land"
    )


def test_its_dependencies_have_the_structure_of_the_standard(publiccode: dict[str, Any]) -> None:
    depends_on = publiccode.get("dependsOn")
    if depends_on is None:
        return  # optional
    problems = []
    assert isinstance(depends_on, dict), "dependsOn must be a mapping of open, proprietary and hardware"
    for kind, dependencies in depends_on.items():
        if not isinstance(dependencies, list) or not dependencies:
            problems.append(f"dependsOn.{kind} must be a non-empty list of dependencies")
            continue
        for index, dependency in enumerate(dependencies):
            where = f"dependsOn.{kind}[{index}]"
            if not isinstance(dependency, dict):
                problems.append(f"{where} must be a mapping with at least a name")
                continue
            if not isinstance(dependency.get("name"), str) or not dependency["name"]:
                problems.append(f"{where} needs a name")
            for key in ("version", "versionMin", "versionMax"):
                if key in dependency and not isinstance(dependency[key], str):
                    problems.append(f"{where}.{key} must be a quoted string, not {dependency[key]!r}")
            if "optional" in dependency and not isinstance(dependency["optional"], bool):
                problems.append(f"{where}.optional must be true or false, not {dependency['optional']!r}")
    assert not problems, "\n".join(problems)


def test_its_url_points_to_a_source_code_repository(publiccode: dict[str, Any]) -> None:
    url = publiccode["url"]
    parts = urlsplit(url)
    assert parts.scheme == "https", f"url should be an https URL that needs no login, not {url!r}"
    assert parts.hostname and parts.username is None and parts.password is None, f"url {url!r} has no plain host"
    assert not parts.query and not parts.fragment, f"url {url!r} must be the repository itself, without ?query or #part"
    assert len([segment for segment in parts.path.split("/") if segment]) >= 2, (
        f"url {url!r} must point to the repository (owner and name), not to a site or an organisation"
    )
