"""The house-style file: what an organisation writes is read back as its list, and a bad file is refused in Dutch
with the line that is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from denkraam.analysis.text.extract import InputError
from denkraam.analysis.text.house_style import (
    MAX_BYTES,
    MAX_ENTRIES,
    HouseStyle,
    decode_house_style,
    load_house_style,
    parse_house_style,
    parse_house_style_entries,
    serialise_house_style,
    serialise_house_style_entries,
)

LIST = (
    "soort\tterm\tvervanging\n"
    "# Afspraken van de afdeling brieven\n"
    "vermijden\tBeschikking\tbesluit\n"
    "vermijden\tin verband met\tomdat\n"
    "vermijden\tterstond\n"
    "\n"
    "toegestaan\tWW-uitkering\tKennen onze lezers\n"
    "afkorting\tWIA\tWet werk en inkomen naar arbeidsvermogen\n"
)


def test_it_reads_words_to_avoid_allowed_terms_and_abbreviations() -> None:
    style = parse_house_style(LIST, "Huisstijl UWV, versie 2")
    assert style == HouseStyle(
        label="Huisstijl UWV, versie 2",
        avoid={"beschikking": "besluit", "in verband met": "omdat", "terstond": ""},
        allowed=frozenset({"ww-uitkering"}),
        abbreviations={"wia": "Wet werk en inkomen naar arbeidsvermogen"},
    )


def test_it_accepts_windows_line_ends_a_byte_order_mark_and_uitleg_as_third_column() -> None:
    text = "\ufeffSoort\tTerm\tUitleg\r\nvermijden\tderhalve\tdaarom\r\n"
    assert parse_house_style(text, "x").avoid == {"derhalve": "daarom"}
    assert decode_house_style(text.encode("utf-8")).startswith("Soort")


def test_what_it_writes_reads_back_as_the_same_list() -> None:
    style = parse_house_style(LIST, "Huisstijl UWV")
    written = serialise_house_style(style)
    assert written.splitlines()[0] == "soort\tterm\tvervanging"
    assert "afkorting\tWIA\tWet werk en inkomen naar arbeidsvermogen" in written
    assert parse_house_style(written, "Huisstijl UWV") == style


def test_entries_keep_how_the_organisation_wrote_them() -> None:
    entries = parse_house_style_entries(LIST)
    assert [(e.kind, e.term, e.text) for e in entries][:1] == [("vermijden", "Beschikking", "besluit")]
    assert entries[3].text == "Kennen onze lezers"
    assert parse_house_style_entries(serialise_house_style_entries(entries)) == entries


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("term\tsoort\tvervanging\nvermijden\tx\ty\n", "regel 1: de kop klopt niet"),
        ("soort\tterm\tvervanging\nvermijd\tderhalve\tdaarom\n", "regel 2: onbekende soort 'vermijd'"),
        ("soort\tterm\tvervanging\n\nvermijden\t\tdaarom\n", "regel 3: de term is leeg"),
        ("soort\tterm\tvervanging\nvermijden\tx\ty\tz\n", "regel 2: deze regel heeft meer dan drie kolommen"),
        ("soort\tterm\tvervanging\nafkorting\tWIA\n", "regel 2: schrijf in de derde kolom waar de afkorting"),
        (
            "soort\tterm\tvervanging\nvermijden\tderhalve\tdaarom\ntoegestaan\tDerhalve\n",
            "regel 3: 'Derhalve' staat al op regel 2 (als vermijden)",
        ),
        ("soort\tterm\tvervanging\nvermijden\t" + "a" * 101 + "\n", "regel 2: de term is langer dan 100 tekens"),
        ("soort\tterm\tvervanging\nvermijden\tde\x07rhalve\n", "regel 2: er staat een onzichtbaar stuurteken"),
        ("# alleen uitleg\n\n", "De woordenlijst is leeg"),
        ('soort\tterm\tvervanging\nvermijden\tderhalve\t=HYPERLINK("https://x.example")\n', "begint met ="),
        ("soort\tterm\tvervanging\nvermijden\t@SUM(A1)\n", "een rekenblad leest dat als formule"),
    ],
)
def test_it_refuses_a_bad_list_naming_the_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        parse_house_style(text, "x")
    assert message in str(error.value)


def test_it_stops_at_the_maximum_number_of_entries() -> None:
    rows = "".join(f"vermijden\twoord{n}\tander{n}\n" for n in range(MAX_ENTRIES + 10))
    with pytest.raises(InputError) as error:
        parse_house_style("soort\tterm\tvervanging\n" + rows, "x")
    assert f"regel {MAX_ENTRIES + 2}: de lijst heeft meer dan 5.000 termen" in str(error.value)


def test_it_refuses_a_file_that_is_too_large_binary_or_not_utf8() -> None:
    with pytest.raises(InputError, match="te groot"):
        decode_house_style(b"soort\tterm\n" + b"a" * MAX_BYTES)
    with pytest.raises(InputError, match="te groot"):
        parse_house_style("soort\tterm\n" + "a" * MAX_BYTES, "x")
    with pytest.raises(InputError, match="geen tekstbestand"):
        decode_house_style(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(InputError, match="regel 2: dit is geen UTF-8"):
        decode_house_style("soort\tterm\nvermijden\tbeëindigen\n".encode("cp1252"))


def test_it_loads_a_file_and_names_it_in_the_label(tmp_path: Path) -> None:
    path = tmp_path / "huisstijl.tsv"
    path.write_text(LIST, encoding="utf-8")
    assert load_house_style(path).label == "Woordenlijst huisstijl.tsv"
    with pytest.raises(InputError, match="niet gevonden"):
        load_house_style(tmp_path / "weg.tsv")
    big = tmp_path / "groot.tsv"
    big.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(InputError, match="te groot"):
        load_house_style(big)
