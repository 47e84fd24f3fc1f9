from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from denkraam.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.RateLimitedLoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", views.password_reset, name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", views.password_reset_done, name="password_reset_done"),
    path("wachtwoord-herstellen/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("wachtwoord-herstellen/klaar/", views.password_reset_complete, name="password_reset_complete"),
    path("mijn-organisaties/", views.my_organisations, name="my_organisations"),
]
