"""Demo customer feedback for one initiative: a small survey export with personal data in it, imported for real.

The comments are made up. They hold phone numbers, e-mail addresses and a BSN so the demo shows the scrubbing,
but no names and no capitals (as many real survey answers): then the scrubber's fast path never needs deduce
and `denkraam demo` stays quick.
"""

from __future__ import annotations

import csv
import io
import secrets

from denkraam.accounts.models import User
from denkraam.feedback import services
from denkraam.feedback.models import FeedbackImport
from denkraam.feedback.uploads import temp_path
from denkraam.initiatives.models import Initiative

DEMO_FILE_NAME = "demo-klanttevredenheid-2024.csv"

_COMMENTS: tuple[tuple[str, str, str], ...] = (
    ("2024-01-08", "brief", "de brief was duidelijk, ik wist meteen wat ik moest doen."),
    ("2024-01-15", "telefoon", "ik werd drie keer doorverbonden en moest steeds mijn verhaal opnieuw vertellen."),
    ("2024-01-22", "website", "het webformulier was onduidelijk, ik wist niet welke bewijsstukken nodig waren."),
    ("2024-01-29", "brief", "waarom is mijn uitkering verlaagd? in de brief staat geen uitleg."),
    ("2024-02-05", "telefoon", "heel vriendelijk geholpen aan de telefoon, ze dacht echt met me mee."),
    ("2024-02-12", "e-mail", "ik heb al drie mails gestuurd naar info@voorbeeld.nl maar nooit antwoord gekregen."),
    ("2024-02-19", "balie", "bij de balie namen ze de tijd voor mijn situatie, dat was fijn."),
    ("2024-02-26", "website", "ik moest mijn gegevens opnieuw invullen terwijl de overheid die al heeft."),
    ("2024-03-04", "brief", "de brief was dreigend, alsof ik iets fout had gedaan."),
    ("2024-03-11", "telefoon", "bel me terug op 0612345678, ik wacht al zes weken op een besluit."),
    ("2024-03-18", "website", "duidelijk en snel geregeld via de website, binnen tien minuten klaar."),
    ("2024-03-25", "brief", "in de brief stond mijn bsn 111222333 en die van mijn partner, is dat wel veilig?"),
    ("2024-04-02", "telefoon", "ik kon niemand bereiken, de wachttijd was meer dan een uur."),
    ("2024-04-09", "chat", "de chat gaf alleen standaardantwoorden, ik wilde een mens spreken."),
    ("2024-04-16", "brief", "er stond een fout in mijn beslissing en niemand zei sorry."),
    ("2024-04-23", "website", "de termijn was nergens te vinden, ik weet niet wanneer ik bericht krijg."),
    ("2024-05-07", "telefoon", "ze legde rustig uit wat de volgende stap is. top!"),
    ("2024-05-14", "balie", "ik werd van het ene loket naar het andere gestuurd."),
    ("2024-05-21", "brief", "te veel moeilijke woorden, ik heb mijn dochter moeten vragen wat er stond."),
    ("2024-05-28", "e-mail", "mijn vraag over de terugbetaling werd snel en duidelijk beantwoord."),
    ("2024-06-04", "website", "ik vertrouw het niet dat ik alles opnieuw moet uploaden."),
    ("2024-06-11", "telefoon", "fijn dat ik een vaste contactpersoon kreeg die mijn dossier kent."),
    ("2024-06-18", "brief", "de brief kwam pas na de deadline binnen, zo kan ik niet op tijd reageren."),
    ("2024-06-25", "website", "prima, alles werkte zoals verwacht."),
)  # fmt: skip


def _csv_text() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["datum", "kanaal", "toelichting"])
    for date, channel, text in _COMMENTS:
        writer.writerow([date, channel, text])
    return buffer.getvalue()


def demo_feedback_load(*, initiative: Initiative, actor: User) -> FeedbackImport:
    """Import the demo survey into `initiative` once (idempotent) and return the finished import."""
    existing = FeedbackImport.objects.filter(
        initiative=initiative, file_name=DEMO_FILE_NAME, status=FeedbackImport.Status.DONE
    ).first()
    if existing is not None:
        return existing
    name = secrets.token_hex(16)
    temp_path(name).write_text(_csv_text(), encoding="utf-8")
    item = services.feedback_upload_prepare(initiative=initiative, user=actor, temp_name=name, file_name=DEMO_FILE_NAME)
    # Run in this process rather than via the task queue: the demo should be complete when the command ends.
    FeedbackImport.objects.filter(pk=item.pk).update(
        text_column=2, date_column=0, channel_column=1, status=FeedbackImport.Status.QUEUED
    )
    result = services.feedback_import_run(feedback_import_id=str(item.pk))
    assert result is not None
    return result
