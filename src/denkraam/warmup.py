"""Prepare slow-to-build caches at install time so the first real use is fast (`python -m denkraam.warmup`)."""

from __future__ import annotations

import importlib
import time

# Each entry: a module with a `warm_up()` function. Missing modules are skipped: parts land at different times.
WARMERS: tuple[str, ...] = ("denkraam.analysis.feedback",)


def main() -> None:
    for name in WARMERS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        warm_up = getattr(module, "warm_up", None)
        if warm_up is None:
            continue
        started = time.perf_counter()
        print(f"Voorbereiden: {name} ...", flush=True)
        warm_up()
        print(f"  klaar in {time.perf_counter() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
