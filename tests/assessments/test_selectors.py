"""Reading results: blindness, agenda order, scores per need and comparison with the previous assessment."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from denkraam.accounts.models import Membership, Organisation, User
from denkraam.assessments import services
from denkraam.assessments.models import Assessment
from denkraam.assessments.selectors import (
    agenda_for_assessment,
    answer_list_visible,
    assessment_access,
    assessment_comparison,
    assessment_need_results_bulk,
    assessment_previous,
    assessment_progress,
    assessment_results,
    question_reveal,
)
from tests.assessments.factories import answers_set
from tests.factories import MembershipFactory, UserFactory


def test_before_the_reveal_a_participant_reads_only_their_own_answers(
    assessment: Assessment, alice: User, bob: User
) -> None:
    answers_set(assessment=assessment, user=alice, ratings={"betrouwbaar-afspraken": "goed"})
    answers_set(assessment=assessment, user=bob, ratings={"betrouwbaar-afspraken": "slecht"})
    assert [a.rating for a in answer_list_visible(user=bob, assessment=assessment)] == ["slecht"]
    assert [a.rating for a in answer_list_visible(user=alice, assessment=assessment)] == ["goed"]
    for read in (
        lambda: question_reveal(assessment=assessment, question_id="betrouwbaar-afspraken"),
        lambda: agenda_for_assessment(assessment=assessment),
        lambda: assessment_results(assessment=assessment),
        lambda: assessment_need_results_bulk(assessments=[assessment]),
    ):
        with pytest.raises(PermissionDenied):
            read()
    services.assessment_reveal(assessment=assessment, actor=alice)
    assert sorted(a.rating for a in answer_list_visible(user=bob, assessment=assessment)) == ["goed", "slecht"]
    bulk = assessment_need_results_bulk(assessments=[assessment])
    assert bulk[assessment.pk] == assessment_results(assessment=assessment).needs


def test_progress_counts_answers_per_participant(assessment: Assessment, alice: User, bob: User) -> None:
    answers_set(assessment=assessment, user=bob, ratings={"betrouwbaar-afspraken": "goed", "proactief-rechten": "nvt"})
    progress = {
        row.participant.user.username: (row.answered, row.total) for row in assessment_progress(assessment=assessment)
    }
    assert progress == {"alice": (0, 46), "bob": (2, 46)}


def test_the_agenda_puts_the_biggest_disagreement_first_then_low_ratings(
    assessment: Assessment, alice: User, bob: User
) -> None:
    answers_set(
        assessment=assessment,
        user=alice,
        ratings={
            "proactief-rechten": "goed",
            "betrouwbaar-afspraken": "goed",
            "transparant-besluit": "goed",
            "kanalen-kiezen-keuze": "nvt",
            "respectvolle-toon-persoonlijk": "slecht",
        },
    )
    answers_set(
        assessment=assessment,
        user=bob,
        ratings={
            "proactief-rechten": "goed",
            "betrouwbaar-afspraken": "onvoldoende",
            "transparant-besluit": "slecht",
            "kanalen-kiezen-keuze": "goed",
            "respectvolle-toon-persoonlijk": "slecht",
        },
    )
    services.assessment_reveal(assessment=assessment, actor=alice)
    agenda = agenda_for_assessment(assessment=assessment)
    assert [item.question_id for item in agenda] == [
        "transparant-besluit",  # goed vs slecht: 3 steps
        "betrouwbaar-afspraken",  # goed vs onvoldoende: 2 steps
        "kanalen-kiezen-keuze",  # one says n.v.t., the other rates it
        "respectvolle-toon-persoonlijk",  # agreed, but slecht
        "proactief-rechten",  # agreed and goed
    ]
    assert [item.disagreement for item in agenda] == [True, True, True, False, False]


def test_score_per_need_uses_median_then_consensus(assessment: Assessment, alice: User, bob: User) -> None:
    answers_set(
        assessment=assessment,
        user=alice,
        ratings={"betrouwbaar-afspraken": "goed", "transparant-besluit": "voldoende", "proactief-rechten": "nvt"},
    )
    answers_set(
        assessment=assessment,
        user=bob,
        ratings={
            "betrouwbaar-afspraken": "onvoldoende",
            "transparant-besluit": "voldoende",
            "proactief-rechten": "nvt",
        },
    )
    services.assessment_reveal(assessment=assessment, actor=alice)
    result = {n.need_id: n for n in assessment_results(assessment=assessment).needs}
    # Median of goed and onvoldoende is the more critical middle one: onvoldoende (33). (33 + 67) / 2 = 50.
    assert result["vertrouwen"].score == 50.0
    assert result["vertrouwen"].text == "Vertrouwen: 50 van 100 — voldoende"
    assert result["gemak"].score is None and result["gemak"].text == "Gemak: geen oordeel"
    services.consensus_save(
        assessment=assessment, actor=alice, question_id="betrouwbaar-afspraken", rating="goed", rationale="Klopt."
    )
    result = {n.need_id: n for n in assessment_results(assessment=assessment).needs}
    assert result["vertrouwen"].score == 83.5
    assert result["vertrouwen"].band == "goed"


def _run(*, assessment: Assessment, alice: User, ratings: dict[str, str]) -> Assessment:
    answers_set(assessment=assessment, user=alice, ratings=ratings)
    services.assessment_reveal(assessment=assessment, actor=alice)
    return services.assessment_close(assessment=assessment, actor=alice)


def test_compare_shows_the_change_since_the_previous_closed_assessment(initiative, alice: User, bob: User) -> None:
    first = services.assessment_create(initiative=initiative, actor=alice, title="Eerste keer")
    services.assessment_open(assessment=first, actor=alice)
    _run(assessment=first, alice=alice, ratings={"betrouwbaar-afspraken": "slecht", "proactief-rechten": "goed"})
    second = services.assessment_create(initiative=initiative, actor=alice, title="Een jaar later")
    services.assessment_open(assessment=second, actor=alice)
    _run(assessment=second, alice=alice, ratings={"betrouwbaar-afspraken": "goed", "proactief-rechten": "goed"})

    assert assessment_previous(assessment=second, user=alice) == first
    assert assessment_previous(assessment=first, user=alice) is None
    comparison = assessment_comparison(assessment=second, user=alice)
    assert comparison is not None and comparison.previous == first
    needs = {c.key: c for c in comparison.needs}
    assert (needs["vertrouwen"].before, needs["vertrouwen"].after, needs["vertrouwen"].direction) == (0, 100, "beter")
    assert needs["gemak"].direction == "gelijk"
    assert needs["persoonlijk"].direction == "geen oordeel"
    questions = {c.key: c for c in comparison.questions}
    assert (questions["betrouwbaar-afspraken"].before, questions["betrouwbaar-afspraken"].after) == ("Slecht", "Goed")
    assert questions["betrouwbaar-afspraken"].direction == "beter"


def test_the_previous_assessment_is_only_for_people_who_may_see_it(initiative, alice: User, charlie: User) -> None:
    first = services.assessment_create(initiative=initiative, actor=alice, title="Alleen voor UWV")
    services.assessment_open(assessment=first, actor=alice)
    _run(assessment=first, alice=alice, ratings={"betrouwbaar-afspraken": "slecht"})
    second = services.assessment_create(initiative=initiative, actor=alice, title="Met KVK")
    services.participant_invite(assessment=second, actor=alice, identifier="charlie")
    services.assessment_open(assessment=second, actor=alice)
    _run(assessment=second, alice=alice, ratings={"betrouwbaar-afspraken": "goed"})

    # charlie takes part in the second session only: for him there is no earlier one to name or compare with.
    assert assessment_previous(assessment=second, user=charlie) is None
    assert assessment_comparison(assessment=second, user=charlie) is None
    assert assessment_previous(assessment=second, user=alice) == first
    assert assessment_previous(assessment=second, user=None) == first  # an operator sees everything


def test_roles_in_owner_and_partner_organisations_decide_who_may_look_and_who_may_lead(
    assessment: Assessment, charlie: User, kvk: Organisation
) -> None:
    partner_lead = UserFactory(username="dirk")
    MembershipFactory(user=partner_lead, organisation=kvk, role=Membership.Role.BEGELEIDER)
    owner_admin = UserFactory(username="erik")
    MembershipFactory(user=owner_admin, organisation=assessment.initiative.owner, role=Membership.Role.BEHEERDER)
    MembershipFactory(user=owner_admin, organisation=kvk, role=Membership.Role.LEZER)

    assert not assessment_access(user=partner_lead, assessment=assessment).can_view
    assessment.initiative.partners.add(kvk)
    partner_access = assessment_access(user=partner_lead, assessment=assessment)
    assert partner_access.can_view and not partner_access.can_manage  # leading is for the owner organisation
    owner_access = assessment_access(user=owner_admin, assessment=assessment)
    assert owner_access.can_view and owner_access.can_manage and not owner_access.can_answer
    assert assessment_access(user=charlie, assessment=assessment).can_view  # charlie is a KVK member (lid)
    assert not assessment_access(user=charlie, assessment=assessment).can_manage


def test_progress_rows_name_each_participant_once_ready_for_the_table(
    assessment: Assessment, alice: User, bob: User
) -> None:
    rows = assessment_progress(assessment=assessment)
    assert [(row.name, row.username, row.organisation_name) for row in rows] == [
        (alice.get_full_name() or "alice", "alice", "UWV"),
        (bob.get_full_name() or "bob", "bob", "UWV"),
    ]
