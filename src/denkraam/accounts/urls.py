from __future__ import annotations

from django.urls import path

from denkraam.accounts import otp_views, views
from denkraam.accounts.oidc import views as oidc_views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.RateLimitedLoginView.as_view(), name="login"),
    path("inloggen/oidc/<slug:provider_id>/", oidc_views.oidc_start, name="oidc_start"),
    path("inloggen/oidc/<slug:provider_id>/terug/", oidc_views.oidc_callback, name="oidc_callback"),
    path("inloggen/code/", otp_views.otp_verify, name="otp_verify"),
    path("tweestapsverificatie/", otp_views.otp_setup, name="otp_setup"),
    # Also ends the session at the identity provider when the person signed on there.
    path("uitloggen/", oidc_views.logout, name="logout"),
    path("wachtwoord-vergeten/", views.password_reset, name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", views.password_reset_done, name="password_reset_done"),
    path("wachtwoord-herstellen/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("wachtwoord-herstellen/klaar/", views.password_reset_complete, name="password_reset_complete"),
    path("mijn-organisaties/", views.my_organisations, name="my_organisations"),
]
