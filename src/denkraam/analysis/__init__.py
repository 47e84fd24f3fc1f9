"""denkraam's analysers: pure Python, no Django. The public API is listed in __all__."""

from __future__ import annotations

__all__: list[str] = []
