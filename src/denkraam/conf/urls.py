"""URL configuration: Dutch paths, one include per app, Dutch error pages."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from denkraam.accounts.views import AdminLoginView

urlpatterns = [
    path("", include("denkraam.web.urls")),
    path("", include("denkraam.accounts.urls")),
    path("initiatieven/", include("denkraam.initiatives.urls")),
    path("initiatieven/<uuid:initiative_id>/gesprekken/", include("denkraam.assessments.initiative_urls")),
    path("gesprekken/", include("denkraam.assessments.urls")),
    path("initiatieven/<uuid:initiative_id>/feedback/", include("denkraam.feedback.urls")),
    path("rapportages/", include("denkraam.reports.urls")),
    path("", include("denkraam.evidence.urls")),
    path("uitnodiging/", include("denkraam.invitations.urls")),
    path("gesprekken/<uuid:assessment_id>/uitnodigingen/", include("denkraam.invitations.assessment_urls")),
    path("organisaties/", include("denkraam.organisations.urls")),
    path("organisaties/<slug:slug>/huisstijl/", include("denkraam.housestyle.urls")),
    # Before the admin's own URLs: its login has no rate limit, this one has the app's.
    path("beheer/login/", AdminLoginView.as_view(), name="admin_login"),
    path("beheer/", admin.site.urls),
]

# Dutch error pages in the site's look (web/errors.py), instead of Django's English ones.
handler400 = "denkraam.web.errors.bad_request"
handler403 = "denkraam.web.errors.permission_denied"
handler404 = "denkraam.web.errors.page_not_found"
handler500 = "denkraam.web.errors.server_error"
