"""Users, organisations and memberships with roles."""
