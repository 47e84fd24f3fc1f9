"""An organisation's house style: its own words to avoid, terms that are fine for its readers, its abbreviations.

The text check takes one `HouseStyle` (from the organisation's list in the web app, or a `--woordenlijst` file)
and lets it win over denkraam's own lists: an allowed term is never flagged, an avoided word is flagged with the
organisation's replacement, and a known abbreviation counts as explained. Findings it causes carry its `label`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class HouseStyle:
    """One organisation's word list; every key is lower case.

    `avoid` maps a word or phrase to avoid to its replacement ("" when there is none to offer, only advice);
    `allowed` holds terms that are right for this organisation's readers; `abbreviations` maps an abbreviation
    to what it stands for. `label` is how findings name the list ("Huisstijl UWV, versie 3").
    """

    label: str
    avoid: dict[str, str] = field(default_factory=dict)
    allowed: frozenset[str] = frozenset()
    abbreviations: dict[str, str] = field(default_factory=dict)
