"""Exports of reports: tables as CSV and XLSX, and a complete assessment as JSON (with its import and validator)."""
