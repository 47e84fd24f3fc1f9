"""Assessment pages that live under an initiative's address: /initiatieven/<id>/gesprekken/…"""

from __future__ import annotations

from django.urls import path

from denkraam.assessments.views import session

app_name = "initiative_assessments"

urlpatterns = [
    path("nieuw/", session.assessment_create, name="create"),
]
