"""Feedback pages, mounted under /initiatieven/<uuid>/feedback/."""

from __future__ import annotations

from django.urls import path

from denkraam.feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("importeren/", views.upload, name="upload"),
    path("importeren/<uuid:import_id>/", views.import_detail, name="import"),
    path("importeren/<uuid:import_id>/voortgang/", views.import_progress, name="progress"),
    path("importeren/<uuid:import_id>/annuleren/", views.import_cancel, name="cancel"),
    path("importeren/<uuid:import_id>/verwijderen/", views.import_delete, name="delete"),
]
