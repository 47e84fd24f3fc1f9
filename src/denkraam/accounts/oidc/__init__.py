"""Single sign-on with OpenID Connect: several identity providers at once, each mapping its people to
organisations and roles (docs/configuration.md, "Inloggen met uw eigen organisatie")."""
