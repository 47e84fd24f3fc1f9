"""Offline model fitting for denkraam. Runs from a checkout (it reads `benchmarks/data/`), never at run time; the
installed package holds only the fitted models. Run from the repository root with `.venv/bin/python -m training...`."""
