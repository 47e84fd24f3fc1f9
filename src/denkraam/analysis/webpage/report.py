"""What the page check returns, and the error it raises for input it will not check."""

from __future__ import annotations

from dataclasses import dataclass, field

from denkraam.analysis.findings import Finding, NeedId, Severity

ANALYSER_VERSION = "page-1.1.0"


class PageCheckError(ValueError):
    """The page cannot be checked (empty, too big); the message is Dutch and meant for the user."""


@dataclass(slots=True)
class PageReport:
    """The result of checking one web page.

    `findings` are placed on the frame; structural findings use start/end 0 and carry a raw HTML snippet
    (at most 120 characters) as excerpt, which consumers must escape. `contact_options` tells which ways to get in
    touch were found (telefoon, email, contactformulier, chat, balie, adres, contactpagina). `visible_text` is all
    the text a reader sees; `main_text` is the main content the text check measures, without menus, cookie
    banners and footers, and `measured` says which part that is ("<main>", "role=main",
    "grootste tekstblok (div.content)" or "hele pagina"; see `main_content`).
    """

    url: str | None
    title: str | None
    lang: str | None
    findings: list[Finding]
    contact_options: dict[str, bool]
    has_privacy_statement: bool
    has_accessibility_statement: bool
    visible_text: str
    counts: dict[str, int] = field(default_factory=dict)
    main_text: str = ""
    measured: str = "hele pagina"
    versions: dict[str, str] = field(default_factory=lambda: {"analyser": ANALYSER_VERSION})

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (findings as dicts)."""
        return {
            "url": self.url,
            "title": self.title,
            "lang": self.lang,
            "findings": [finding.to_dict() for finding in self.findings],
            "contact_options": dict(self.contact_options),
            "has_privacy_statement": self.has_privacy_statement,
            "has_accessibility_statement": self.has_accessibility_statement,
            "visible_text": self.visible_text,
            "main_text": self.main_text,
            "measured": self.measured,
            "counts": dict(self.counts),
            "versions": dict(self.versions),
        }


def page_finding(
    rule: str,
    *,
    need: NeedId,
    principle: str,
    severity: Severity,
    message: str,
    suggestion: str,
    excerpt: str = "",
) -> Finding:
    """A structural finding: no text span (0/0), the offending HTML snippet as excerpt."""
    return Finding(
        rule=rule,
        need=need,
        principle=principle,
        severity=severity,
        start=0,
        end=0,
        excerpt=excerpt,
        message=message,
        suggestion=suggestion,
    )
