"""Reports for teams and steering groups."""
