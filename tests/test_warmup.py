from __future__ import annotations

from denkraam.analysis.feedback import scrub
from denkraam.warmup import warm_up_all, warm_up_in_background


def test_warming_up_in_the_background_leaves_the_scrubber_ready() -> None:
    warm_up_in_background().join(timeout=300)
    assert scrub._deduce_instance is not None
    assert "[NAAM]" in scrub.scrub_text("Mijn buurman Pieter de Vries belde gisteren.").text


def test_the_install_step_says_what_it_prepares_in_dutch() -> None:
    lines: list[str] = []
    warm_up_all(say=lines.append)
    assert lines[0] == "Voorbereiden: denkraam.analysis.feedback ..."
    assert lines[1].startswith("  klaar in ")
