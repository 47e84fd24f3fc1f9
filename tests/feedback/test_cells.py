"""Dates and channels from spreadsheet cells (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from denkraam.feedback.cells import normalise_channel, parse_dutch_date


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2024-03-05", dt.date(2024, 3, 5)),
        ("2024-03-05 14:30:00", dt.date(2024, 3, 5)),
        ("2024-03-05T14:30", dt.date(2024, 3, 5)),
        ("05-03-2024", dt.date(2024, 3, 5)),
        ("5-3-2024", dt.date(2024, 3, 5)),
        ("05/03/2024 09:12", dt.date(2024, 3, 5)),
        ("5.3.24", dt.date(2024, 3, 5)),
        ("5 maart 2024", dt.date(2024, 3, 5)),
        ("di 5 mrt. 2024", dt.date(2024, 3, 5)),
        ("dinsdag 5 maart 2024", dt.date(2024, 3, 5)),
        ("maart 2024", dt.date(2024, 3, 1)),
        ("2024-03", dt.date(2024, 3, 1)),
        (dt.datetime(2024, 3, 5, 10, 0), dt.date(2024, 3, 5)),
        (45356, dt.date(2024, 3, 5)),  # Excel serial number
    ],
)
def test_it_reads_dutch_dates(cell: object, expected: dt.date) -> None:
    assert parse_dutch_date(cell) == expected


@pytest.mark.parametrize("cell", ["", None, "onbekend", "31-02-2024", "13 smarch 2024", "5-3-1820", True, -4])
def test_it_gives_no_date_for_cells_it_cannot_read(cell: object) -> None:
    assert parse_dutch_date(cell) is None


def test_it_maps_channel_words_to_the_channels_of_an_initiative() -> None:
    assert normalise_channel("Telefonisch") == "telefoon"
    assert normalise_channel(" E-mail ") == "email"
    assert normalise_channel("Loket") == "balie"
    assert normalise_channel(None) == ""


def test_it_scrubs_free_text_channels() -> None:
    assert "0612345678" not in normalise_channel("sms naar 0612345678")
