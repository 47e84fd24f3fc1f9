"""How reports and exports name people: by name, or in an anonymous session (`Assessment.anonymous`) not at all.

In an anonymous session every participant is "Deelnemer 1", "Deelnemer 2" ... The same person has the same number
everywhere for that session (the page, the PDF, CSV and Excel), so a reader can follow one voice through the
answers. The numbers do not follow the invitation order: the facilitator, invited first, would always be
"Deelnemer 1". They follow a hash of the session and the person instead, which nobody can reverse without the
database.

What else stays out, because it would point at a person:
- no organisation next to a number: with five to twelve people from several organisations, one organisation is
  often one person. The organisations that took part are listed together, apart from the answers;
- the facilitator's name, and the name of an action's owner with an account ("een deelnemer"): a name next to an
  action would tell readers who that is, not which numbered answers were theirs, but it is still a name in a report
  that promises none. A typed-in owner (a team, a department) stays as typed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from denkraam.assessments.models import Action, Answer, Assessment, Participant
from denkraam.assessments.selectors import participant_list

HIDDEN_FACILITATOR = "naam niet getoond (anoniem gesprek)"
HIDDEN_OWNER = "een deelnemer"
HIDDEN_OTHER = "naam niet getoond"


def _user_key(user_id: object) -> str:
    return f"user:{user_id}"


def _name_key(name: str) -> str:
    return f"name:{name}"


@dataclass(frozen=True, slots=True)
class PeopleNames:
    """The names one report or export uses for the people of one session."""

    anonymous: bool
    pseudonyms: dict[str, str] = field(default_factory=dict)  # key (user or imported name) -> "Deelnemer N"

    def of_answer(self, answer: Answer) -> str:
        """Who gave this answer."""
        if not self.anonymous:
            return answer.person_display
        key = _user_key(answer.user_id) if answer.user_id is not None else _name_key(answer.person_name)
        return self.pseudonyms.get(key, HIDDEN_OTHER)

    def of_participant(self, participant: Participant) -> str:
        """A participant's name (the full name, else the user name), or their number."""
        if not self.anonymous:
            return participant.user.get_full_name() or participant.user.get_username()
        return self.pseudonyms.get(_user_key(participant.user_id), HIDDEN_OTHER)

    def of_owner(self, action: Action) -> str:
        """Who does an action: the owner's name, or in an anonymous session no name for an owner with an account."""
        if not self.anonymous or action.owner_id is None:
            return action.owner_display
        return HIDDEN_OWNER

    def of_facilitator(self, assessment: Assessment) -> str:
        return HIDDEN_FACILITATOR if self.anonymous else assessment.facilitator_display


def action_owner(action: Action) -> str:
    """An action's owner in a list of actions from several sessions (initiative, portfolio): hidden if anonymous."""
    if action.assessment.anonymous and action.owner_id is not None:
        return HIDDEN_OWNER
    return action.owner_display


def people_names(*, assessment: Assessment) -> PeopleNames:
    """The names to use in this session's reports and exports; numbers instead of names if it is anonymous."""
    if not assessment.anonymous:
        return PeopleNames(anonymous=False)
    keys = {_user_key(p.user_id) for p in participant_list(assessment=assessment)}
    # Answers of someone no longer a participant, and the people of a session read in from a file, count too.
    for user_id, person_name in Answer.objects.filter(assessment=assessment).values_list("user_id", "person_name"):
        keys.add(_user_key(user_id) if user_id is not None else _name_key(person_name))

    def order(key: str) -> str:
        return hashlib.sha256(f"{assessment.pk}:{key}".encode()).hexdigest()

    pseudonyms = {key: f"Deelnemer {number}" for number, key in enumerate(sorted(keys, key=order), start=1)}
    return PeopleNames(anonymous=True, pseudonyms=pseudonyms)
