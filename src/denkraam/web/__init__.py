"""Site-wide pages: the start page, the base template and shared static files."""
