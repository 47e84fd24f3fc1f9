from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from denkraam.accounts.models import Organisation, User
from denkraam.assessments.models import Assessment
from denkraam.assessments.selectors import assessment_results
from denkraam.initiatives.models import Initiative
from denkraam.reports.portfolio import PortfolioFilters, portfolio_for_user
from tests.factories import InitiativeFactory
from tests.reports.conftest import run_assessment

pytestmark = pytest.mark.django_db


def test_the_heat_map_shows_the_latest_scores_with_the_band_in_words(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    html = client_for(alice).get(reverse("reports:portfolio")).content.decode()
    result = {n.need_id: n for n in assessment_results(assessment=closed_assessment).needs}
    vertrouwen = result["vertrouwen"]
    assert "Brief over de WW-uitkering" in html
    assert f"{round(vertrouwen.score)} · {vertrouwen.band_label.lower()}" in html
    assert f"denkraam-band--{vertrouwen.band}" in html


def test_portfolio_scores_match_the_assessment_results(closed_assessment: Assessment, alice: User) -> None:
    portfolio = portfolio_for_user(user=alice)
    (row,) = portfolio.rows
    expected = assessment_results(assessment=closed_assessment).needs
    assert row.cells == expected


def test_charlie_never_sees_alices_private_initiative(
    closed_assessment: Assessment, charlie: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(charlie).get(reverse("reports:portfolio"))
    assert b"Brief over de WW-uitkering" not in response.content
    assert b"Zet de datum in de brief" not in response.content  # nor its overdue action
    csv = client_for(charlie).get(reverse("reports:portfolio_export", args=["csv"]))
    assert b"Brief over de WW-uitkering" not in csv.content


def test_a_published_initiative_shows_for_outsiders_without_its_scores(
    closed_assessment: Assessment, charlie: User
) -> None:
    Initiative.objects.filter(pk=closed_assessment.initiative_id).update(is_published=True)
    portfolio = portfolio_for_user(user=charlie)
    (row,) = portfolio.rows
    assert row.initiative.pk == closed_assessment.initiative_id
    assert row.assessment is None  # charlie took no part: the scores stay with the organisations
    assert portfolio.overdue == []


def test_overdue_actions_are_listed(closed_assessment: Assessment, alice: User) -> None:
    overdue = portfolio_for_user(user=alice).overdue
    assert [a.title for a in overdue] == ["Zet de datum in de brief"]


def test_filters_by_channel_life_event_and_organisation(
    closed_assessment: Assessment, alice: User, uwv: Organisation, kvk: Organisation
) -> None:
    InitiativeFactory(name="Balie in Utrecht", owner=uwv, channels=["balie"], life_event="Verhuizen")
    InitiativeFactory(name="Samen met KVK", owner=uwv, partners=[kvk], channels=["website"])

    def names(**filters: str) -> list[str]:
        return [r.initiative.name for r in portfolio_for_user(user=alice, filters=PortfolioFilters(**filters)).rows]

    assert names(channel="balie") == ["Balie in Utrecht"]
    assert names(life_event="verhuizen") == ["Balie in Utrecht"]
    assert names(organisation="kvk") == ["Samen met KVK"]
    assert names(organisation="bestaat-niet") == []
    assert len(names()) == 3


def test_the_filter_form_reads_dutch_query_names_and_drops_unknown_values() -> None:
    filters = PortfolioFilters.from_query(
        {"kanaal": "duif", "doelgroep": "burgers", "levensgebeurtenis": " Verhuizen "}
    )
    assert filters == PortfolioFilters(channel="", target_group="burgers", life_event="Verhuizen")


def test_needs_that_lag_most_come_first(closed_assessment: Assessment, alice: User) -> None:
    lagging = portfolio_for_user(user=alice).lagging
    averages = [lag.average for lag in lagging]
    assert averages == sorted(averages)


def test_the_number_of_queries_does_not_grow_with_the_number_of_initiatives(
    alice: User, bob: User, uwv: Organisation
) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            portfolio_for_user(user=alice)
        return len(queries)

    run_assessment(initiative=InitiativeFactory(owner=uwv), facilitator=alice, others=[bob])
    few = count()
    for _ in range(4):
        run_assessment(initiative=InitiativeFactory(owner=uwv), facilitator=alice, others=[bob])
    assert 0 < few <= 12
    assert count() == few


def test_the_portfolio_downloads_as_xlsx(
    closed_assessment: Assessment, alice: User, client_for: Callable[[User], Client]
) -> None:
    response = client_for(alice).get(reverse("reports:portfolio_export", args=["xlsx"]) + "?kanaal=brief")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "Initiatief"
    assert rows[1][0] == "Brief over de WW-uitkering"
    assert "Vertrouwen (oordeel)" in rows[0]
