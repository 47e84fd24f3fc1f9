"""Thin views over the assessment services and selectors, split by stage of the conversation."""
