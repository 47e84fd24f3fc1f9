"""The frame as plain, immutable data: needs → principles → questions, plus the answer scale."""

from __future__ import annotations

from dataclasses import dataclass, field

EVIDENCE_TYPES: tuple[str, ...] = ("text", "webpage", "feedback", "document", "observation")


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    guidance: str
    evidence: tuple[str, ...]
    principle_id: str = ""
    need_id: str = ""


@dataclass(frozen=True, slots=True)
class Principle:
    id: str
    title: str
    title_en: str
    description: str
    questions: tuple[Question, ...]
    need_id: str = ""


@dataclass(frozen=True, slots=True)
class Need:
    id: str
    title: str
    title_en: str
    citizen_voice: str
    description: str
    principles: tuple[Principle, ...]


@dataclass(frozen=True, slots=True)
class ScaleOption:
    id: str
    label: str
    label_en: str
    score: int
    description: str


@dataclass(frozen=True, slots=True)
class NotApplicable:
    id: str
    label: str
    label_en: str
    description: str
    reason_required: bool = True


@dataclass(frozen=True, slots=True)
class QuestionSet:
    """A named selection of the frame's questions, e.g. a quick scan for a one-hour session."""

    id: str
    title: str
    description: str
    question_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Frame:
    id: str
    version: str
    title: str
    title_en: str
    about: str
    scoring: str
    scale: tuple[ScaleOption, ...]
    not_applicable: NotApplicable
    needs: tuple[Need, ...]
    source: str = ""
    question_sets: tuple[QuestionSet, ...] = ()
    _questions: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    @property
    def label(self) -> str:
        """A short name with version, e.g. "interactiestrategie 1.0"."""
        return f"{self.id} {self.version}"

    def principles(self) -> tuple[Principle, ...]:
        return tuple(p for need in self.needs for p in need.principles)

    def questions(self) -> tuple[Question, ...]:
        return tuple(q for p in self.principles() for q in p.questions)

    def question(self, question_id: str) -> Question:
        if not self._questions:
            self._questions.update({q.id: q for q in self.questions()})
        return self._questions[question_id]

    def need(self, need_id: str) -> Need:
        for need in self.needs:
            if need.id == need_id:
                return need
        raise KeyError(need_id)

    def principle(self, principle_id: str) -> Principle:
        for principle in self.principles():
            if principle.id == principle_id:
                return principle
        raise KeyError(principle_id)

    def question_set(self, set_id: str) -> QuestionSet:
        for question_set in self.question_sets:
            if question_set.id == set_id:
                return question_set
        raise KeyError(set_id)

    def scale_option(self, rating_id: str) -> ScaleOption:
        for option in self.scale:
            if option.id == rating_id:
                return option
        raise KeyError(rating_id)
