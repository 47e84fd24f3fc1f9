"""Assessments (gesprekken): blind answers, reveal, consensus, agenda and actions."""
