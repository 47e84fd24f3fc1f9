from __future__ import annotations

from django.urls import path

from denkraam.organisations import views

app_name = "organisations"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/leden/<int:membership_id>/rol/", views.member_role, name="member_role"),
    path("<slug:slug>/leden/<int:membership_id>/verwijderen/", views.member_remove, name="member_remove"),
    path("<slug:slug>/uitnodigen/", views.organisation_invite, name="invite"),
    path(
        "<slug:slug>/uitnodigingen/<uuid:invitation_id>/opnieuw/",
        views.organisation_invitation_resend,
        name="invitation_resend",
    ),
    path(
        "<slug:slug>/uitnodigingen/<uuid:invitation_id>/intrekken/",
        views.organisation_invitation_withdraw,
        name="invitation_withdraw",
    ),
]
