"""Loading a frame file into the immutable model, after validation."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from denkraam.framework.model import Frame, Need, NotApplicable, Principle, Question, QuestionSet, ScaleOption
from denkraam.framework.validate import Problem, validate_file

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_FRAME = DATA_DIR / "interactiestrategie-1.0.yaml"


class FrameError(ValueError):
    """A frame file that cannot be used; `problems` says what is wrong and where."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def bundled_frames() -> list[Path]:
    """The frame files shipped with denkraam, oldest version first."""
    return sorted(DATA_DIR.glob("*.yaml"))


def find_bundled_frame(frame_id: str, version: str) -> Frame | None:
    """The bundled frame with this id and version (old results name the frame they were made with), or None."""
    default = _load_default()
    if (default.id, default.version) == (frame_id, version):
        return default
    for path in bundled_frames():
        try:
            frame = load_frame(path)
        except FrameError:
            continue
        if (frame.id, frame.version) == (frame_id, version):
            return frame
    return None


def load_frame(path: str | Path | None = None) -> Frame:
    """Load and validate a frame; the bundled Interactiestrategie when `path` is None.

    Raises FrameError listing every problem (file, line, message) when the file is not valid.
    """
    if path is None:
        return _load_default()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _load_default() -> Frame:
    return _load(DEFAULT_FRAME)


def _load(path: Path) -> Frame:
    problems = validate_file(path)
    if problems:
        raise FrameError(problems)
    data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    return frame_from_dict(data)


def frame_from_dict(data: dict[str, Any]) -> Frame:
    """Build the model from already-validated data."""
    na = data["not_applicable"]
    return Frame(
        id=str(data["id"]),
        version=str(data["version"]),
        title=str(data["title"]),
        title_en=str(data.get("title_en", "")),
        about=str(data.get("about", "")).strip(),
        scoring=str(data.get("scoring", "")).strip(),
        source=str(data.get("source", "")).strip(),
        scale=tuple(
            ScaleOption(
                id=str(o["id"]),
                label=str(o["label"]),
                label_en=str(o.get("label_en", "")),
                score=int(o["score"]),
                description=str(o.get("description", "")).strip(),
            )
            for o in data["scale"]
        ),
        not_applicable=NotApplicable(
            id=str(na["id"]),
            label=str(na["label"]),
            label_en=str(na.get("label_en", "")),
            description=str(na.get("description", "")).strip(),
            reason_required=bool(na.get("reason_required", True)),
        ),
        needs=tuple(_need(n) for n in data["needs"]),
        question_sets=tuple(
            QuestionSet(
                id=str(s["id"]),
                title=str(s["title"]),
                description=str(s["description"]).strip(),
                question_ids=tuple(str(q) for q in s["questions"]),
            )
            for s in data.get("question_sets") or []
        ),
    )


def _need(data: dict[str, Any]) -> Need:
    need_id = str(data["id"])
    return Need(
        id=need_id,
        title=str(data["title"]),
        title_en=str(data.get("title_en", "")),
        citizen_voice=str(data["citizen_voice"]).strip(),
        description=str(data["description"]).strip(),
        principles=tuple(_principle(p, need_id) for p in data["principles"]),
    )


def _principle(data: dict[str, Any], need_id: str) -> Principle:
    principle_id = str(data["id"])
    return Principle(
        id=principle_id,
        title=str(data["title"]),
        title_en=str(data.get("title_en", "")),
        description=str(data["description"]).strip(),
        need_id=need_id,
        questions=tuple(
            Question(
                id=str(q["id"]),
                text=str(q["text"]).strip(),
                guidance=str(q["guidance"]).strip(),
                evidence=tuple(str(e) for e in q.get("evidence", [])),
                principle_id=principle_id,
                need_id=need_id,
            )
            for q in data["questions"]
        ),
    )
