"""Validation of a frame file, with the file name and line number in every problem.

We walk PyYAML's node tree (not the loaded dicts) so every problem can point at the line a person must edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from denkraam.framework.model import EVIDENCE_TYPES

MIN_PRINCIPLES_PER_NEED = 4
MIN_QUESTIONS_PER_PRINCIPLE = 2
REQUIRED_NEEDS = ("vertrouwen", "persoonlijk", "gemak")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# A session's questions picked by hand are stored under this name, so no named set may take it.
RESERVED_SET_IDS = ("eigen",)
MAX_FILE_BYTES = 2_000_000


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a frame file."""

    file: str
    line: int  # 1-based; 0 when the problem is about the file as a whole
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class _Checker:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.seen_ids: dict[str, int] = {}
        self.question_ids: set[str] = set()

    def add(self, node: Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 0
        self.problems.append(Problem(self.file, line, message))

    def mapping(self, node: Node, what: str) -> dict[str, Node] | None:
        if not isinstance(node, MappingNode):
            self.add(node, f"{what} must be a mapping (key: value)")
            return None
        result: dict[str, Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else str(key)
            if name in result:
                self.add(key, f"{what}: key '{name}' appears twice")
            result[name] = value
        return result

    def text(self, fields: dict[str, Node], key: str, parent: Node, what: str) -> str | None:
        node = fields.get(key)
        if node is None:
            self.add(parent, f"{what} has no '{key}'")
            return None
        if not isinstance(node, ScalarNode) or not str(node.value).strip():
            self.add(node, f"{what}: '{key}' must be a non-empty text")
            return None
        return str(node.value)

    def sequence(self, fields: dict[str, Node], key: str, parent: Node, what: str) -> list[Node]:
        node = fields.get(key)
        if node is None:
            self.add(parent, f"{what} has no '{key}'")
            return []
        if not isinstance(node, SequenceNode):
            self.add(node, f"{what}: '{key}' must be a list")
            return []
        return list(node.value)

    def identifier(self, fields: dict[str, Node], parent: Node, what: str) -> str | None:
        value = self.text(fields, "id", parent, what)
        if value is None:
            return None
        node = fields["id"]
        if not ID_PATTERN.match(value):
            self.add(node, f"{what}: id '{value}' may only hold lower-case letters, digits and '-'")
        if value in self.seen_ids:
            self.add(node, f"duplicate id '{value}' (first used on line {self.seen_ids[value]})")
        else:
            self.seen_ids[value] = node.start_mark.line + 1
        return value


def validate_text(source: str, *, file: str = "<frame>") -> list[Problem]:
    """Return every problem in the frame YAML `source`; an empty list means it is valid."""
    try:
        root = yaml.compose(source, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(exc, "problem", None) or str(exc)
        return [Problem(file, line, f"not valid YAML: {problem}")]
    checker = _Checker(file)
    if root is None:
        return [Problem(file, 0, "the file is empty")]
    top = checker.mapping(root, "the frame")
    if top is None:
        return checker.problems
    checker.text(top, "id", root, "the frame")
    checker.text(top, "version", root, "the frame")
    checker.text(top, "title", root, "the frame")
    _check_scale(checker, top, root)
    _check_needs(checker, top, root)
    _check_question_sets(checker, top)
    return checker.problems


def _check_scale(checker: _Checker, top: dict[str, Node], root: Node) -> None:
    options = checker.sequence(top, "scale", root, "the frame")
    if options and len(options) < 2:
        checker.add(top["scale"], "the scale needs at least two ratings")
    for option in options:
        fields = checker.mapping(option, "a rating on the scale")
        if fields is None:
            continue
        checker.identifier(fields, option, "a rating")
        checker.text(fields, "label", option, "a rating")
        score = fields.get("score")
        if score is None:
            checker.add(option, "a rating has no 'score'")
        elif not (isinstance(score, ScalarNode) and str(score.value).isdigit() and 0 <= int(score.value) <= 100):
            checker.add(score, "a rating's score must be a whole number from 0 to 100")
    na = top.get("not_applicable")
    if na is None:
        checker.add(root, "the frame has no 'not_applicable' answer")
    else:
        fields = checker.mapping(na, "not_applicable")
        if fields is not None:
            checker.identifier(fields, na, "not_applicable")
            checker.text(fields, "label", na, "not_applicable")


def _check_needs(checker: _Checker, top: dict[str, Node], root: Node) -> None:
    needs = checker.sequence(top, "needs", root, "the frame")
    found: list[str] = []
    for need in needs:
        fields = checker.mapping(need, "a need")
        if fields is None:
            continue
        need_id = checker.identifier(fields, need, "a need") or "?"
        found.append(need_id)
        what = f"need '{need_id}'"
        for key in ("title", "citizen_voice", "description"):
            checker.text(fields, key, need, what)
        principles = checker.sequence(fields, "principles", need, what)
        if "principles" in fields and len(principles) < MIN_PRINCIPLES_PER_NEED:
            checker.add(
                fields["principles"],
                f"{what} has {len(principles)} principles; at least {MIN_PRINCIPLES_PER_NEED} are needed",
            )
        for principle in principles:
            _check_principle(checker, principle)
    for required in REQUIRED_NEEDS:
        if needs and required not in found:
            checker.add(top.get("needs"), f"need '{required}' is missing")


def _check_principle(checker: _Checker, principle: Node) -> None:
    fields = checker.mapping(principle, "a principle")
    if fields is None:
        return
    principle_id = checker.identifier(fields, principle, "a principle") or "?"
    what = f"principle '{principle_id}'"
    checker.text(fields, "title", principle, what)
    checker.text(fields, "description", principle, what)
    questions = checker.sequence(fields, "questions", principle, what)
    if "questions" in fields and len(questions) < MIN_QUESTIONS_PER_PRINCIPLE:
        checker.add(
            fields["questions"],
            f"{what} has {len(questions)} questions; at least {MIN_QUESTIONS_PER_PRINCIPLE} are needed",
        )
    for question in questions:
        qfields = checker.mapping(question, "a question")
        if qfields is None:
            continue
        question_id = checker.identifier(qfields, question, "a question") or "?"
        checker.question_ids.add(question_id)
        qwhat = f"question '{question_id}'"
        checker.text(qfields, "text", question, qwhat)
        checker.text(qfields, "guidance", question, qwhat)
        for item in checker.sequence(qfields, "evidence", question, qwhat):
            if not isinstance(item, ScalarNode) or item.value not in EVIDENCE_TYPES:
                checker.add(item, f"{qwhat}: evidence type must be one of {', '.join(EVIDENCE_TYPES)}")


def _check_question_sets(checker: _Checker, top: dict[str, Node]) -> None:
    """Named question sets (optional): each has an id, title, description and at least one known question, once.

    These messages are in Dutch: a facilitator who adds a quick scan reads them, not only a developer.
    """
    node = top.get("question_sets")
    if node is None:
        return
    if not isinstance(node, SequenceNode):
        checker.add(node, "'question_sets' moet een lijst zijn")
        return
    set_lines: dict[str, int] = {}
    for number, item in enumerate(node.value, start=1):
        fields = checker.mapping(item, f"vragenset {number}")
        if fields is None:
            continue
        id_node = fields.get("id")
        set_id = str(id_node.value).strip() if isinstance(id_node, ScalarNode) else ""
        what = f"vragenset '{set_id}'" if set_id else f"vragenset {number}"
        if id_node is None or not set_id:
            checker.add(id_node or item, f"{what} heeft geen 'id'")
        elif not ID_PATTERN.match(set_id):
            checker.add(id_node, f"{what}: de id mag alleen kleine letters, cijfers en '-' bevatten")
        elif set_id in RESERVED_SET_IDS:
            checker.add(id_node, f"{what}: de id '{set_id}' is gereserveerd voor een eigen keuze van vragen")
        elif set_id in set_lines:
            checker.add(id_node, f"{what} staat twee keer in het bestand (eerst op regel {set_lines[set_id]})")
        else:
            set_lines[set_id] = id_node.start_mark.line + 1
        for key in ("title", "description"):
            value = fields.get(key)
            if value is None:
                checker.add(item, f"{what} heeft geen '{key}'")
            elif not isinstance(value, ScalarNode) or not str(value.value).strip():
                checker.add(value, f"{what}: '{key}' moet een tekst zijn die niet leeg is")
        _check_set_questions(checker, fields, item, what)


def _check_set_questions(checker: _Checker, fields: dict[str, Node], item: Node, what: str) -> None:
    questions = fields.get("questions")
    if questions is None:
        checker.add(item, f"{what} heeft geen 'questions'")
        return
    if not isinstance(questions, SequenceNode):
        checker.add(questions, f"{what}: 'questions' moet een lijst met vraag-ids zijn")
        return
    if not questions.value:
        checker.add(questions, f"{what} is leeg: noem minstens één vraag")
    first_line: dict[str, int] = {}
    for entry in questions.value:
        if not isinstance(entry, ScalarNode) or not str(entry.value).strip():
            checker.add(entry, f"{what}: elke vraag is een vraag-id, zoals 'betrouwbaar-afspraken'")
            continue
        question_id = str(entry.value).strip()
        if question_id in first_line:
            checker.add(
                entry, f"{what}: vraag '{question_id}' staat er twee keer in (eerst op regel {first_line[question_id]})"
            )
            continue
        first_line[question_id] = entry.start_mark.line + 1
        if question_id not in checker.question_ids:
            checker.add(entry, f"{what}: vraag '{question_id}' bestaat niet in dit denkraam")


def validate_file(path: str | Path) -> list[Problem]:
    """Validate the frame file at `path`; problems name the file and line."""
    file = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return [Problem(file, 0, f"cannot read the file: {exc.strerror or exc}")]
    if len(raw) > MAX_FILE_BYTES:
        return [Problem(file, 0, f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB")]
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [Problem(file, 0, "the file is not UTF-8 text")]
    return validate_text(source, file=file)
