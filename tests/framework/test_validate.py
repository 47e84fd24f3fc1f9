from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from denkraam.framework import DEFAULT_FRAME, FrameError, load_frame, validate_file, validate_text

BUNDLED = DEFAULT_FRAME.read_text(encoding="utf-8")


def _without(data: dict, need_id: str) -> dict:
    data["needs"] = [n for n in data["needs"] if n["id"] != need_id]
    return data


def test_the_bundled_frame_is_valid() -> None:
    assert validate_file(DEFAULT_FRAME) == []


def test_the_bundled_frame_has_three_needs_with_enough_principles_and_questions() -> None:
    frame = load_frame()
    assert [n.id for n in frame.needs] == ["vertrouwen", "persoonlijk", "gemak"]
    for need in frame.needs:
        assert 4 <= len(need.principles) <= 6
        for principle in need.principles:
            assert 2 <= len(principle.questions) <= 4
            for question in principle.questions:
                assert question.text.endswith("?")
                assert question.evidence


def test_it_reports_a_missing_need_with_its_line() -> None:
    data = _without(yaml.safe_load(BUNDLED), "gemak")
    problems = validate_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), file="mijn.yaml")
    assert any("need 'gemak' is missing" in p.message for p in problems)
    assert all(p.file == "mijn.yaml" for p in problems)


def test_it_reports_a_duplicate_id_and_where_it_was_first_used() -> None:
    data = yaml.safe_load(BUNDLED)
    first = data["needs"][0]["principles"][0]["questions"][0]["id"]
    data["needs"][1]["principles"][0]["questions"][0]["id"] = first
    source = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    problems = validate_text(source, file="dubbel.yaml")
    duplicate = [p for p in problems if "duplicate id" in p.message]
    assert len(duplicate) == 1
    assert first in duplicate[0].message
    lines = source.splitlines()
    assert first in lines[duplicate[0].line - 1]


def test_it_reports_broken_yaml_with_a_line_number() -> None:
    problems = validate_text("id: x\nneeds:\n  - id: [unclosed\n", file="kapot.yaml")
    assert len(problems) == 1
    assert problems[0].line >= 3
    assert "not valid YAML" in problems[0].message


def test_it_reports_too_few_questions_in_a_principle() -> None:
    data = yaml.safe_load(BUNDLED)
    principle = data["needs"][2]["principles"][1]
    principle["questions"] = principle["questions"][:1]
    problems = validate_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert any(f"principle '{principle['id']}' has 1 questions" in p.message for p in problems)


def test_it_reports_too_few_principles_in_a_need() -> None:
    data = yaml.safe_load(BUNDLED)
    data["needs"][0]["principles"] = data["needs"][0]["principles"][:3]
    problems = validate_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert any("need 'vertrouwen' has 3 principles" in p.message for p in problems)


def test_it_rejects_an_unknown_evidence_type() -> None:
    data = yaml.safe_load(BUNDLED)
    data["needs"][0]["principles"][0]["questions"][0]["evidence"] = ["roddel"]
    problems = validate_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert any("evidence type must be one of" in p.message for p in problems)


def test_it_reports_an_empty_file() -> None:
    assert validate_text("")[0].message == "the file is empty"


def test_loading_an_invalid_variant_raises_with_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "variant.yaml"
    path.write_text("id: variant\nversion: '1'\n", encoding="utf-8")
    with pytest.raises(FrameError) as caught:
        load_frame(path)
    assert len(caught.value.problems) >= 3
    assert str(path) in str(caught.value)


def test_an_organisation_can_load_its_own_valid_variant(tmp_path: Path) -> None:
    data = yaml.safe_load(BUNDLED)
    data["id"] = "gemeente-utrecht"
    data["version"] = "2.1"
    data["needs"][0]["principles"][0]["title"] = "Afspraak is afspraak"
    path = tmp_path / "utrecht.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    frame = load_frame(path)
    assert frame.label == "gemeente-utrecht 2.1"
    assert frame.needs[0].principles[0].title == "Afspraak is afspraak"


def test_a_bundled_frame_is_found_by_id_and_version() -> None:
    from denkraam.framework import find_bundled_frame

    assert find_bundled_frame("interactiestrategie", "1.0") is load_frame()
    assert find_bundled_frame("interactiestrategie", "9.9") is None


def _with_sets(sets: object) -> str:
    data = yaml.safe_load(BUNDLED)
    data["question_sets"] = sets
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _line_of(source: str, line: int) -> str:
    return source.splitlines()[line - 1]


def test_the_bundled_quick_scan_has_twelve_questions_covering_every_need_and_twelve_principles() -> None:
    frame = load_frame()
    scan = frame.question_set("snelle-scan")
    questions = [frame.question(q) for q in scan.question_ids]
    assert len(questions) == 12
    assert {q.need_id for q in questions} == {"vertrouwen", "persoonlijk", "gemak"}
    assert len({q.principle_id for q in questions}) == 12
    assert scan.title == "Snelle scan"


def test_it_reports_an_unknown_question_in_a_set_on_its_own_line() -> None:
    source = _with_sets([{"id": "scan", "title": "Scan", "description": "Kort.", "questions": ["bestaat-niet"]}])
    problems = validate_text(source, file="set.yaml")
    assert len(problems) == 1
    assert problems[0].message == "vragenset 'scan': vraag 'bestaat-niet' bestaat niet in dit denkraam"
    assert "bestaat-niet" in _line_of(source, problems[0].line)


def test_it_reports_a_question_that_appears_twice_in_a_set_and_where_it_was_first() -> None:
    ids = ["transparant-besluit", "betrouwbaar-afspraken", "transparant-besluit"]
    source = _with_sets([{"id": "scan", "title": "Scan", "description": "Kort.", "questions": ids}])
    problems = validate_text(source, file="set.yaml")
    assert len(problems) == 1
    first_line = int(problems[0].message.rsplit("regel ", 1)[1].rstrip(")"))
    assert "staat er twee keer in" in problems[0].message
    assert first_line < problems[0].line
    assert "transparant-besluit" in _line_of(source, first_line)


def test_it_reports_an_empty_set_a_missing_title_and_a_set_named_twice() -> None:
    sets = [
        {"id": "leeg", "title": "Leeg", "description": "Niets.", "questions": []},
        {"id": "scan", "description": "Kort.", "questions": ["transparant-besluit"]},
        {"id": "scan", "title": "Nog een", "description": "Kort.", "questions": ["transparant-besluit"]},
    ]
    messages = [p.message for p in validate_text(_with_sets(sets), file="set.yaml")]
    assert "vragenset 'leeg' is leeg: noem minstens één vraag" in messages
    assert "vragenset 'scan' heeft geen 'title'" in messages
    assert any(m.startswith("vragenset 'scan' staat twee keer in het bestand (eerst op regel ") for m in messages)


def test_a_set_may_not_take_the_name_used_for_a_hand_picked_selection() -> None:
    source = _with_sets(
        [{"id": "eigen", "title": "Eigen", "description": "Kort.", "questions": ["transparant-besluit"]}]
    )
    messages = [p.message for p in validate_text(source)]
    assert messages == ["vragenset 'eigen': de id 'eigen' is gereserveerd voor een eigen keuze van vragen"]


def test_question_sets_must_be_a_list() -> None:
    problems = validate_text(_with_sets({"scan": ["transparant-besluit"]}))
    assert [p.message for p in problems] == ["'question_sets' moet een lijst zijn"]


def test_a_frame_without_question_sets_is_still_valid_and_has_none(tmp_path: Path) -> None:
    data = yaml.safe_load(BUNDLED)
    del data["question_sets"]
    path = tmp_path / "zonder-sets.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert validate_file(path) == []
    assert load_frame(path).question_sets == ()
