from __future__ import annotations

from django.urls import path

from denkraam.assessments.views import actions, answers, present, session

app_name = "assessments"

urlpatterns = [
    path("deelnemen/", present.join, name="join"),
    path("<uuid:assessment_id>/", session.assessment_detail, name="detail"),
    path("<uuid:assessment_id>/voortgang/", session.assessment_progress_partial, name="progress"),
    path("<uuid:assessment_id>/deelnemers/", session.assessment_participants, name="participants"),
    path(
        "<uuid:assessment_id>/deelnemers/<int:participant_id>/verwijderen/",
        session.participant_remove,
        name="participant_remove",
    ),
    path("<uuid:assessment_id>/opzet/", session.assessment_setup, name="setup"),
    path("<uuid:assessment_id>/openen/", session.assessment_open, name="open"),
    path("<uuid:assessment_id>/herinneren/", session.assessment_remind, name="remind"),
    path("<uuid:assessment_id>/onthullen/", session.assessment_reveal, name="reveal"),
    path("<uuid:assessment_id>/sluiten/", session.assessment_close, name="close"),
    path("<uuid:assessment_id>/vragenlijst/", answers.questionnaire, name="questionnaire"),
    path("<uuid:assessment_id>/vragenlijst/wissen/", answers.answer_clear, name="answer_clear"),
    path("<uuid:assessment_id>/agenda/", answers.agenda, name="agenda"),
    path("<uuid:assessment_id>/vragen/<slug:question_id>/", answers.question_detail, name="question"),
    path("<uuid:assessment_id>/vergelijking/", answers.compare, name="compare"),
    path("<uuid:assessment_id>/acties/", actions.actions, name="actions"),
    path("<uuid:assessment_id>/acties/<uuid:action_id>/wijzigen/", actions.action_edit, name="action_edit"),
    path("<uuid:assessment_id>/acties/<uuid:action_id>/status/", actions.action_status, name="action_status"),
    path("<uuid:assessment_id>/acties/<uuid:action_id>/verwijderen/", actions.action_delete, name="action_delete"),
    # Workshop mode: the big screen and the live partials (views/present.py).
    path("<uuid:assessment_id>/scherm/", present.presentation, name="present"),
    path("<uuid:assessment_id>/scherm/live/", present.presentation_live, name="present_live"),
    path("<uuid:assessment_id>/scherm/starten/", present.presentation_begin, name="present_start"),
    path("<uuid:assessment_id>/scherm/stap/", present.presentation_move, name="present_move"),
    path("<uuid:assessment_id>/live/", present.assessment_live, name="live"),
]
