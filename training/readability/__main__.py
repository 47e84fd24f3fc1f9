"""`python -m training.readability [--deep] [--cv]`: fit and store the coefficients, or only cross-validate."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import denkraam.analysis.text.readability as readability

from .deep import cross_validate_deep, fit_deep_model
from .default import cross_validate_default, fit_default_model

MODELS_DIR = Path(readability.__file__).resolve().parent / "data"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m training.readability", description=__doc__)
    parser.add_argument("--deep", action="store_true", help="the frog-based deep tier (diep) instead of standaard")
    parser.add_argument("--cv", action="store_true", help="only 5-fold cross-validation on the calibration data")
    options = parser.parse_args()
    if options.cv:
        results = cross_validate_deep() if options.deep else cross_validate_default()
        for variant, figures in results.items():
            print(f"{variant}: sentence pairs {figures['sentence pairs']:.3f}, Spearman {figures['Spearman']:.3f}")
        return
    model = fit_deep_model() if options.deep else fit_default_model()
    target = MODELS_DIR / ("coefficients_deep.json" if options.deep else "coefficients.json")
    target.write_text(json.dumps(model.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{target}: {model.version}")


if __name__ == "__main__":
    main()
