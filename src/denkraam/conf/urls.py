"""URL configuration: Dutch paths, one include per app."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("denkraam.web.urls")),
    path("", include("denkraam.accounts.urls")),
    path("initiatieven/", include("denkraam.initiatives.urls")),
    path("initiatieven/<uuid:initiative_id>/gesprekken/", include("denkraam.assessments.initiative_urls")),
    path("gesprekken/", include("denkraam.assessments.urls")),
    path("initiatieven/<uuid:initiative_id>/feedback/", include("denkraam.feedback.urls")),
    path("rapportages/", include("denkraam.reports.urls")),
    path("", include("denkraam.evidence.urls")),
    path("beheer/", admin.site.urls),
]
