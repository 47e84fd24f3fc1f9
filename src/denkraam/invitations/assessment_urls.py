"""Resend and withdraw an e-mail invitation from a session's participants page: /gesprekken/<id>/uitnodigingen/…"""

from __future__ import annotations

from django.urls import path

from denkraam.invitations import views

app_name = "assessment_invitations"

urlpatterns = [
    path("<uuid:invitation_id>/opnieuw/", views.invitation_resend, name="resend"),
    path("<uuid:invitation_id>/intrekken/", views.invitation_withdraw, name="withdraw"),
]
