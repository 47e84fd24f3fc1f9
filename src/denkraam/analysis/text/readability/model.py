"""The linear readability model: coefficients stored as data, applied to a feature vector.

The coefficients are fitted offline by `calibration.py` and stored in `data/coefficients*.json`, so importing
the package never fits anything and every result can say which model version produced it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["LinearModel", "load_model"]


@dataclass(frozen=True, slots=True)
class LinearModel:
    """score = intercept + sum(coefficient * (value - mean) / scale), clamped to 0-100."""

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
        """The score on LiNT-II's scale: 0-100, higher is harder."""
        raw = self.raw(features)
        if raw != raw:  # NaN from a pathological input: treat as the easiest score rather than crash
            return 0.0
        return min(100.0, max(0.0, raw))

    def to_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "intercept": self.intercept,
            "coefficients": self.coefficients,
            "means": self.means,
            "scales": self.scales,
        }


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
