from __future__ import annotations

from django.urls import path

from denkraam.reports import views

app_name = "reports"

urlpatterns = [
    path("portfolio/", views.portfolio_page, name="portfolio"),
    path("portfolio/export.<str:fmt>", views.portfolio_download, name="portfolio_export"),
    path("portfolio/te-late-acties.<str:fmt>", views.overdue_download, name="overdue_export"),
    path("gesprekken/<uuid:assessment_id>/", views.assessment_page, name="assessment"),
    path("gesprekken/<uuid:assessment_id>/rapport.pdf", views.assessment_pdf_download, name="assessment_pdf"),
    path("gesprekken/<uuid:assessment_id>/gesprek.json", views.assessment_json_download, name="assessment_json"),
    path("gesprekken/<uuid:assessment_id>/antwoorden.<str:fmt>", views.answers_download, name="answers_export"),
    path("gesprekken/<uuid:assessment_id>/acties.<str:fmt>", views.actions_download, name="actions_export"),
    path("initiatieven/<uuid:initiative_id>/", views.initiative_page, name="initiative"),
    path("inlezen/", views.import_page, name="import"),
]
