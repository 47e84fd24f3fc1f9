"""LiNT-II's word lists, read from the installed lint-ii package (make run / make test install it)."""

from __future__ import annotations

import pytest

from denkraam.analysis.text.readability import lint_lexicon as module
from denkraam.analysis.text.readability.lint_lexicon import LintLexiconMissing, lint_lexicon


def test_the_word_lists_hold_frequencies_and_noun_types() -> None:
    lexicon = lint_lexicon()
    assert len(lexicon.frequencies) > 400_000
    assert lexicon.zipf("huis") > lexicon.zipf("inzage") > lexicon.zipf("qwxzv")
    assert lexicon.noun_types["huis"] == "concrete"
    assert lexicon.noun_types["vrijheid"] == "abstract"
    assert "km" in lexicon.units


def test_without_the_package_the_message_is_dutch_and_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "lint_lexicon_folder", lambda: None)
    lint_lexicon.cache_clear()
    try:
        with pytest.raises(LintLexiconMissing, match="pip install --no-deps lint-ii"):
            lint_lexicon()
    finally:
        lint_lexicon.cache_clear()
