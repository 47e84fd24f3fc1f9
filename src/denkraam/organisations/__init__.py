"""Organisation administration in the app: members, roles and invitations, for beheerders and site administrators."""
