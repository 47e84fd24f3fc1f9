"""Evidence URLs: adding under the initiative, the evidence itself under /bewijs/, the
Tekstcheck (nothing stored) at /tekstcheck/."""

from __future__ import annotations

from django.urls import path

from denkraam.evidence import views

app_name = "evidence"

urlpatterns = [
    path("initiatieven/<uuid:initiative_id>/bewijs/nieuw/", views.evidence_add, name="add"),
    path("bewijs/<uuid:item_id>/", views.evidence_detail, name="detail"),
    path("bewijs/<uuid:item_id>/voortgang/", views.evidence_status, name="status"),
    path("bewijs/<uuid:item_id>/opnieuw/", views.evidence_reanalyse, name="reanalyse"),
    path("bewijs/<uuid:item_id>/origineel/", views.evidence_download, name="download"),
    path("bewijs/<uuid:item_id>/word/", views.evidence_word, name="word"),
    path("tekstcheck/", views.text_check, name="text_check"),
    path("tekstcheck/word/", views.text_check_word, name="text_check_word"),
]
