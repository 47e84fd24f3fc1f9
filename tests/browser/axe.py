"""Run axe-core (installed from npm into node_modules/, never committed) inside a Playwright page.

The page's context must be created with ``bypass_csp=True``: our Content-Security-Policy rightly forbids the
injected script, and the test should not weaken the policy the app sends.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# The rule sets of WCAG 2.1 level A and AA (axe's tags are cumulative per version, so both 2.0 and 2.1 are needed).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """The WCAG 2.1 A/AA violations axe-core finds on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_PATH))
    result = page.evaluate(
        "async (tags) => await window.axe.run(document,"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def format_violations(violations: list[dict[str, Any]], *, url: str) -> str:
    """A readable report: one block per rule with its impact, help link and the offending elements."""
    lines = [f"axe-core found {len(violations)} WCAG 2.1 A/AA violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- [{violation.get('impact')}] {violation['id']}: {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {' '.join(node['target'])}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:240]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more element(s)")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """Fail with a readable list when axe-core reports any WCAG 2.1 A/AA violation."""
    violations = axe_violations(page)
    assert not violations, format_violations(violations, url=page.url)
