"""Which Chromium the browser tests and benchmarks drive, and how (Debian's, never `playwright install`).

Kept apart from conftest.py so that a benchmark can launch the same browser without setting up Django.
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("DENKRAAM_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
