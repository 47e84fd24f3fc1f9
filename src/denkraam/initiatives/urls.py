from __future__ import annotations

from django.urls import path

from denkraam.initiatives import views

app_name = "initiatives"

urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("nieuw/", views.initiative_new, name="create"),
    path("<uuid:initiative_id>/", views.initiative_detail, name="detail"),
    path("<uuid:initiative_id>/bewerken/", views.initiative_edit, name="edit"),
    path("<uuid:initiative_id>/logboek/", views.initiative_logbook, name="logbook"),
]
