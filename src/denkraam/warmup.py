"""Prepare slow-to-build caches so the first real use is fast.

`python -m denkraam.warmup` runs at install (`make`) and builds what can be kept on disk; `denkraam serve` and
`denkraam worker` call `warm_up_in_background()` at start, so what lives only in memory (deduce's name lists for the
personal-data scrubber, tens of seconds to load) is ready before the first upload instead of inside it.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading
import time
from collections.abc import Callable

# Each entry: a module with a `warm_up()` function. Missing modules are skipped: parts land at different times.
WARMERS: tuple[str, ...] = ("denkraam.analysis.feedback",)

logger = logging.getLogger(__name__)


def _warmers() -> list[tuple[str, Callable[[], None]]]:
    found = []
    for name in WARMERS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        warm_up = getattr(module, "warm_up", None)
        if warm_up is not None:
            found.append((name, warm_up))
    return found


def warm_up_all(*, say: Callable[[str], None] = lambda line: None) -> None:
    """Run every warmer in turn; `say` gets a Dutch progress line before and after each."""
    for name, warm_up in _warmers():
        started = time.perf_counter()
        say(f"Voorbereiden: {name} ...")
        warm_up()
        say(f"  klaar in {time.perf_counter() - started:.0f} s")


def _warm_up_quietly() -> None:
    try:
        warm_up_all()
    except Exception:  # a failed warm-up only makes the first use slow; the use itself reports real errors
        logger.exception("voorbereiden op de achtergrond mislukt")
    # What the warmers loaded lives as long as the process (deduce's name lists alone are 4.5 million objects).
    # Frozen, the cyclic garbage collector no longer walks them: before, a request that allocates a lot (reading a
    # PDF) set off full collections of several seconds, in which no other request of the server ran.
    gc.freeze()


def warm_up_in_background() -> threading.Thread:
    """Start the warmers in a daemon thread (they are safe to call while requests already use them) and return it."""
    thread = threading.Thread(target=_warm_up_quietly, name="denkraam-warmup", daemon=True)
    thread.start()
    return thread


def main() -> None:
    warm_up_all(say=lambda line: print(line, flush=True))


if __name__ == "__main__":
    main()
