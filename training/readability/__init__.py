"""Fitting the reading-level models of the text check (`src/denkraam/analysis/text/readability/data/`).

    .venv/bin/python -m training.readability [--deep] [--cv]

`common` holds the data, the split and the shared statistics; `default` fits standaard-5, `deep` fits diep-5.
"""
