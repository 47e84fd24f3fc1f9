"""Evidence attached to an initiative and the findings of its analysis."""
