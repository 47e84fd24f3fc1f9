"""The accept page of an e-mail invitation, open to everyone who has the link (the token is the key)."""

from __future__ import annotations

from django.urls import path

from denkraam.invitations import views

app_name = "invitations"

urlpatterns = [
    path("<str:token>/", views.invitation_accept, name="accept"),
]
