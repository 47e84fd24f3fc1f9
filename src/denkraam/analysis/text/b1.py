"""Is a text at B1, said the way writers say it.

Writers of government letters aim at taalniveau B1 and talk about it in counts: long sentences, difficult words,
passives. LiNT-II's reading level (`TextReport.readability`) measures the same thing on a 0-100 scale; levels 1
and 2 correspond roughly to B1 (level 2: "te lezen voor de meeste lezers"), 3 and 4 are above it.

The verdict (`b1_verdict`):

- **op B1-niveau** when the reading level is 1 or 2 *and* none of the counts below is over its limit:
  - long sentences (the `lange-zin` findings, more words than the check's threshold, default 20): at most one in
    ten body sentences, and at least one is always allowed;
  - difficult words (officialese, abbreviations without explanation, domain terms without explanation): at most
    one per 100 words, and at least two are always allowed;
  - passives (`lijdende-vorm`): at most one in five sentences, and at least one is always allowed.
- **niet op B1-niveau** otherwise. The reasons name every count over its limit, and the reading level when it is
  3 or 4, in that order, with up to three example words.

A text at B1 with some counts above zero gets "Let nog op: ..." with those counts, so the writer sees what is left.
The limits are the rules of thumb of B1 writing guides (short sentences, few unexplained words, active verbs) put
in numbers; they are deliberately loose, so that a level 1-2 text with one slip is still called B1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from denkraam.analysis.findings import Finding

# Rules whose findings are "moeilijke woorden" for a writer (ids of other rule families included when present).
HARD_WORD_RULES = frozenset({"ambtelijk-woord", "afkorting", "vakterm", "domeinterm", "huisstijl-woord"})
LONG_SENTENCE_SHARE = 0.10
HARD_WORDS_PER_100 = 1.0
PASSIVE_SHARE = 0.20
B1_LEVELS = (1, 2)
_EXAMPLES = 3


@dataclass(frozen=True, slots=True)
class B1Verdict:
    """Whether a text is at B1 (`at_b1`), the verdict as one Dutch sentence, and the reasons behind it."""

    at_b1: bool
    verdict: str
    reasons: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {"at_b1": self.at_b1, "verdict": self.verdict, "reasons": list(self.reasons)}


def b1_verdict(
    *, level: int, words: int, sentences: int, findings: Sequence[Finding], text: str, max_sentence_words: int = 20
) -> B1Verdict:
    """The B1 verdict for a text with LiNT `level` (1-4), `words` and `sentences` (the body, not a letter's
    salutation), the check's `findings` and the analysed `text` (for example words)."""
    long_count = sum(1 for item in findings if item.rule == "lange-zin")
    passive_count = sum(1 for item in findings if item.rule == "lijdende-vorm")
    hard = [item for item in findings if item.rule in HARD_WORD_RULES and item.end > item.start]
    examples: list[str] = []
    for item in hard:
        word = text[item.start : item.end].strip()
        if word and word.lower() not in {example.lower() for example in examples}:
            examples.append(word)
    limits = {
        "long": max(1, int(LONG_SENTENCE_SHARE * sentences)),
        "hard": max(2, int(HARD_WORDS_PER_100 * words / 100)),
        "passive": max(1, int(PASSIVE_SHARE * sentences)),
    }
    counts = {"long": long_count, "hard": len(hard), "passive": passive_count}
    phrases = {
        "long": _long_phrase(long_count, max_sentence_words),
        "hard": _hard_phrase(len(hard), examples[:_EXAMPLES]),
        "passive": f"{passive_count} keer lijdende vorm",
    }
    over = [phrases[key] for key in counts if counts[key] > limits[key]]
    level_ok = level in B1_LEVELS
    if not level_ok:
        over.append(f"het leesniveau is {level} van 4 (B1 is niveau 1 of 2)")
    if not over:
        left = [phrases[key] for key in counts if counts[key]]
        verdict = "Deze tekst is op B1-niveau."
        if left:
            verdict += f" Let nog op: {_join(left)}."
        return B1Verdict(at_b1=True, verdict=verdict, reasons=tuple(left))
    return B1Verdict(at_b1=False, verdict=f"Deze tekst is niet op B1-niveau: {_join(over)}.", reasons=tuple(over))


def _long_phrase(count: int, limit: int) -> str:
    if count == 1:
        return f"1 zin is langer dan {limit} woorden"
    return f"{count} zinnen zijn langer dan {limit} woorden"


def _hard_phrase(count: int, examples: list[str]) -> str:
    noun = "moeilijk woord" if count == 1 else "moeilijke woorden"
    verb = "staat" if count == 1 else "staan"
    shown = f" (zoals {', '.join(examples)})" if examples and count > 1 else f" ({examples[0]})" if examples else ""
    return f"er {verb} {count} {noun} in{shown}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]
