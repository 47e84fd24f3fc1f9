"""Demo evidence: a realistic letter with known problems and a pasted web text, analysed right away."""

from __future__ import annotations

from importlib.resources import files

from denkraam.accounts.models import User
from denkraam.evidence.models import EvidenceItem
from denkraam.initiatives.models import Initiative

DEMO_TEXTS: tuple[tuple[str, str], ...] = (
    ("Brief herbeoordeling WW (versie maart)", "brief_herbeoordeling.txt"),
    ("Webtekst 'WW aanvragen'", "webtekst_aanvragen.txt"),
)


def demo_text(name: str) -> str:
    """One of the demo texts bundled with the package."""
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def demo_evidence_load(*, initiative: Initiative, actor: User) -> list[EvidenceItem]:
    """Add the demo texts to `initiative` (once) and analyse them now: the demo has no worker running yet."""
    from denkraam.evidence.services import analysis_run_now, evidence_add_text

    items = []
    for title, name in DEMO_TEXTS:
        item = EvidenceItem.objects.filter(initiative=initiative, title=title).first()
        if item is None:
            item, _ = evidence_add_text(
                initiative=initiative, actor=actor, title=title, text=demo_text(name), queue_analysis=False
            )
            analysis_run_now(item=item, actor=actor)
        items.append(item)
    return items
