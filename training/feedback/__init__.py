"""Training the feedback classifier: `.venv/bin/python -m training.feedback [--check]` (needs the `train` extra)."""
