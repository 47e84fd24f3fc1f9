"""The linear readability model: coefficients stored as data, applied to a feature vector.

The coefficients are fitted offline by `training/readability` (in the repository, not installed) and stored in
`data/coefficients*.json`, so importing the package never fits anything and every result can say which model
version produced it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["LinearModel", "bounded", "load_model"]


@dataclass(frozen=True, slots=True)
class LinearModel:
    """score = intercept + sum(coefficient * (value - mean) / scale), kept within 0-100 by `bounded`."""

    version: str
    intercept: float
    coefficients: dict[str, float]
    means: dict[str, float]
    scales: dict[str, float]

    def raw(self, features: dict[str, float]) -> float:
        """The unclamped score."""
        total = self.intercept
        for name, coefficient in self.coefficients.items():
            value = features.get(name, self.means.get(name, 0.0))
            total += coefficient * (value - self.means.get(name, 0.0)) / (self.scales.get(name, 1.0) or 1.0)
        return total

    def score(self, features: dict[str, float]) -> float:
        """The score on LiNT-II's scale: 0-100, higher is harder (see `bounded`)."""
        return bounded(self.raw(features))

    def to_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "intercept": self.intercept,
            "coefficients": self.coefficients,
            "means": self.means,
            "scales": self.scales,
        }


_EDGE = 10.0


def bounded(raw: float) -> float:
    """Map a raw score into 0-100 without flattening the ends.

    Between 10 and 90 the score is the raw score. Beyond, it approaches 0 or 100 along a hyperbola (same value
    and slope at 10 and 90) instead of being cut off, so two very easy (or very hard) sentences keep their order:
    a hard clamp would make them tie, and a tie hides that a rewrite made a very hard sentence less hard. The
    LiNT-II level bands (34, 46, 58) lie well inside the unchanged middle, so levels are as with a hard clamp.
    """
    if raw != raw:  # NaN from a pathological input: treat as the easiest score rather than crash
        return 0.0
    if raw < _EDGE:
        return _EDGE / (1.0 + (_EDGE - raw) / _EDGE)
    if raw > 100.0 - _EDGE:
        return 100.0 - _EDGE / (1.0 + (raw - 100.0 + _EDGE) / _EDGE)
    return raw


@lru_cache(maxsize=4)
def load_model(name: str = "coefficients") -> LinearModel:
    """Load `data/<name>.json` from this package."""
    text = resources.files(__package__).joinpath("data", f"{name}.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return LinearModel(
        version=str(data["version"]),
        intercept=float(data["intercept"]),
        coefficients={key: float(value) for key, value in data["coefficients"].items()},
        means={key: float(value) for key, value in data.get("means", {}).items()},
        scales={key: float(value) for key, value in data.get("scales", {}).items()},
    )
