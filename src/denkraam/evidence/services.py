"""Writes for evidence: adding it, analysing it (in the background) and citing it in an answer.

Input is checked before anything is stored: a broken file, a zip bomb or a URL into a private network is refused
with a Dutch ValidationError and leaves no trace. Once stored, an item is never changed by a failing analysis.

Slow work (reading and extracting an upload, within its own time and memory bounds; checking an address) happens
before any database transaction starts. Only the finished item is written, in one short transaction (`_store`): on
SQLite a transaction holds the one write lock, and every other save (a login, an answer) waits for it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import PurePath
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from denkraam.accounts.models import User
from denkraam.accounts.services import audit_record
from denkraam.analysis import (
    MAX_TEXT_CHARS,
    FetchError,
    InputError,
    PageCheckError,
    allowed_hosts,
    check_host,
    document_from_bytes,
    fetch_url,
    html_to_text,
    page_main_content,
)
from denkraam.analysis.feedback import scrub_file_name, scrub_text
from denkraam.assessments.models import Answer
from denkraam.evidence.analyse import analyse_content
from denkraam.evidence.models import Analysis, Citation, EvidenceItem
from denkraam.housestyle.selectors import house_style_for_organisation
from denkraam.initiatives.models import Initiative
from denkraam.initiatives.selectors import initiative_can_edit
from denkraam.web.jobs import Lease, job_claim, job_release

logger = logging.getLogger(__name__)

NOT_ALLOWED = "U mag bij dit initiatief geen bewijs toevoegen."
FETCH_MAX_BYTES = 5_000_000
UNEXPECTED = "Er ging iets mis bij de analyse. Het bewijs zelf is bewaard; probeer het later opnieuw."


def max_upload_bytes() -> int:
    """The largest file we accept: the site's upload limit (DENKRAAM_MAX_UPLOAD_BYTES)."""
    return int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)


def extract_seconds() -> float:
    """The most time reading one upload may take (DENKRAAM_EXTRACT_SECONDS)."""
    return float(settings.EXTRACT_SECONDS)


def fetch_allow_hosts() -> frozenset[str]:
    """Hosts the fetch guard lets through although they are not public: for tests and development only.

    Read from the setting DENKRAAM_FETCH_ALLOW_HOSTS (tests) plus the environment variable of the same name (the
    guard reads that itself); both are ignored in production.
    """
    if getattr(settings, "PRODUCTION", False):
        return frozenset()
    return frozenset(getattr(settings, "DENKRAAM_FETCH_ALLOW_HOSTS", ()))


def _require_can_add(*, actor: User, initiative: Initiative) -> None:
    if not initiative_can_edit(user=actor, initiative=initiative):
        raise PermissionDenied(NOT_ALLOWED)


def _name(user: User) -> str:
    return user.get_full_name() or user.get_username()


def _audit(*, actor: User, action: str, item: EvidenceItem, summary: str) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=item,
        summary=summary,
        organisation=item.initiative.owner,
        data={"initiative_id": str(item.initiative_id), "evidence_id": str(item.pk)},
    )


def _title(title: str, fallback: str) -> str:
    """The title to store, always scrubbed: it shows in lists and in the audit log, which is never deleted.

    The fallback (a letter's first line, a file name) is often exactly where the name is.
    """
    title = scrub_text(" ".join(title.split())).text
    fallback = scrub_text(" ".join(fallback.split())).text[:80]
    return (title or fallback or "Bewijs zonder titel")[:200]


def _created(*, item: EvidenceItem, actor: User, what: str, queue: bool = True) -> tuple[EvidenceItem, Analysis | None]:
    _audit(
        actor=actor,
        action="evidence.added",
        item=item,
        summary=f"{_name(actor)} heeft {what} '{item.title}' toegevoegd als bewijs.",
    )
    if item.personal_data == EvidenceItem.PersonalData.BEWAARD:
        _audit(
            actor=actor,
            action="evidence.original_kept",
            item=item,
            summary=f"{_name(actor)} heeft gekozen het origineel van '{item.title}' te bewaren, zonder "
            "persoonsgegevens te verwijderen.",
        )
    return item, analysis_request(item=item, actor=actor) if queue else None


def _personal_data(*, keep_original: bool) -> EvidenceItem.PersonalData:
    return EvidenceItem.PersonalData.BEWAARD if keep_original else EvidenceItem.PersonalData.VERWIJDERD


def _store(*, item: EvidenceItem, actor: User, what: str, queue: bool = True) -> tuple[EvidenceItem, Analysis | None]:
    """Write a checked, unsaved item with its audit lines and its queued analysis, in one short transaction.

    A file the item refers to was written before (outside the transaction); it is removed again if the writes fail.
    """
    try:
        with transaction.atomic():
            item.save(force_insert=True)
            return _created(item=item, actor=actor, what=what, queue=queue)
    except BaseException:
        if item.original:
            item.original.delete(save=False)
        raise


def evidence_add_text(
    *,
    initiative: Initiative,
    actor: User,
    title: str,
    text: str,
    keep_original: bool = False,
    queue_analysis: bool = True,
) -> tuple[EvidenceItem, Analysis | None]:
    """Store pasted text as evidence (members with role lid or higher) and queue its analysis.

    Personal data is replaced by placeholders ([NAAM], [BSN], ...) before the text is stored, unless the actor
    chose `keep_original`; that choice is logged and shown on the evidence page. `queue_analysis=False` is for
    callers that run the analysis themselves (the demo, which has no worker yet).
    """
    _require_can_add(actor=actor, initiative=initiative)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ValidationError("Plak de tekst die u wilt laten controleren.")
    if len(text) > MAX_TEXT_CHARS:
        raise ValidationError(f"De tekst is te lang; het maximum is {MAX_TEXT_CHARS:,} tekens.".replace(",", "."))
    if not keep_original:
        text = scrub_text(text).text
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    item = EvidenceItem(
        initiative=initiative,
        title=_title(title, first_line),
        kind=EvidenceItem.Kind.TEKST,
        document_type="txt",
        text=text,
        personal_data=_personal_data(keep_original=keep_original),
        added_by=actor,
    )
    return _store(item=item, actor=actor, what="de tekst", queue=queue_analysis)


def evidence_add_file(
    *, initiative: Initiative, actor: User, title: str, upload: UploadedFile, keep_original: bool = False
) -> tuple[EvidenceItem, Analysis | None]:
    """Store an uploaded file (txt, md, html, docx, odt, pdf; type read from the content) and queue its analysis.

    The text is extracted here, so a broken file or a zip bomb is refused at once and nothing is stored. Unless
    the actor chose `keep_original` (logged, and shown on the evidence page), the text and the file name are
    scrubbed and the file itself is not kept: it holds the same personal data.
    """
    _require_can_add(actor=actor, initiative=initiative)
    limit = max_upload_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(f"Het bestand is te groot; het maximum is {limit / 1_048_576:.0f} MB.")
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(f"Het bestand is te groot; het maximum is {limit / 1_048_576:.0f} MB.")
    name = PurePath(upload.name or "bestand").name
    try:
        document = document_from_bytes(data, source=name, hint=PurePath(name).suffix.lower(), seconds=extract_seconds())
    except InputError as exc:
        raise ValidationError(str(exc)) from exc
    suffix = {"txt": ".txt", "md": ".md", "html": ".html", "docx": ".docx", "odt": ".odt", "pdf": ".pdf"}[document.kind]
    text = document.text
    if document.kind == "html":
        text = _main_text(data, whole=lambda: document.text)
    if not keep_original:
        name, text = scrub_file_name(name), scrub_text(text).text
    item = EvidenceItem(
        id=uuid.uuid4(),
        initiative=initiative,
        title=_title(title, PurePath(name).stem),
        kind=EvidenceItem.Kind.BESTAND,
        document_type=document.kind,
        original_name=name[:255],
        text=text,
        personal_data=_personal_data(keep_original=keep_original),
        added_by=actor,
    )
    if keep_original:
        item.original.save(f"origineel{suffix}", ContentFile(data), save=False)
    return _store(item=item, actor=actor, what="het bestand")


def _precheck_url(url: str) -> None:
    """Refuse at once what the fetch guard would refuse later: other schemes, private and loopback hosts.

    Redirects can only be judged while fetching; the background fetch checks every hop again.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ValidationError("Dit is geen geldig webadres.") from None
    if parts.scheme.lower() not in {"http", "https"}:
        raise ValidationError("Alleen webadressen die met http:// of https:// beginnen kunnen worden opgehaald.")
    host = parts.hostname or ""
    if not host:
        raise ValidationError("Dit is geen geldig webadres: de naam van de website ontbreekt.")
    if parts.username is not None or parts.password is not None:
        raise ValidationError("Webadressen met een gebruikersnaam of wachtwoord erin haalt denkraam niet op.")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
        check_host(
            host,
            port or (443 if parts.scheme.lower() == "https" else 80),
            allow=allowed_hosts(fetch_allow_hosts()),
            timeout=3.0,
        )
    except UnicodeError:
        raise ValidationError("Dit is geen geldig webadres.") from None
    except FetchError as exc:
        raise ValidationError(str(exc)) from exc


def evidence_add_url(
    *, initiative: Initiative, actor: User, title: str, url: str
) -> tuple[EvidenceItem, Analysis | None]:
    """Add a public web page as evidence; it is fetched (safely) and analysed in the background."""
    _require_can_add(actor=actor, initiative=initiative)
    url = url.strip()
    _precheck_url(url)
    item = EvidenceItem(
        initiative=initiative,
        title=_title(title, url),
        kind=EvidenceItem.Kind.WEBPAGINA,
        source_url=url,
        personal_data=EvidenceItem.PersonalData.OPENBAAR,
        added_by=actor,
    )
    return _store(item=item, actor=actor, what="de webpagina")


def analysis_request(*, item: EvidenceItem, actor: User | None) -> Analysis:
    """Queue a new analysis of `item`; the task starts once this transaction is committed."""
    if actor is not None and not initiative_can_edit(user=actor, initiative=item.initiative):
        raise PermissionDenied("U mag dit bewijs niet opnieuw laten analyseren.")
    analysis = Analysis.objects.create(item=item, requested_by=actor)
    from denkraam.evidence.tasks import analyse_evidence

    analysis_id = str(analysis.pk)
    transaction.on_commit(lambda: analyse_evidence.enqueue(analysis_id=analysis_id))
    return analysis


def _fetch_page(item: EvidenceItem) -> None:
    """Fetch a web page item once: keep the original bytes (as a file) and the visible text."""
    page = fetch_url(
        item.source_url,
        timeout=float(settings.FETCH_TIMEOUT),
        max_bytes=FETCH_MAX_BYTES,
        allow_hosts=fetch_allow_hosts(),
    )
    if page.content_type == "text/plain":
        document_type, text, suffix = "txt", page.text, ".txt"
    else:
        document_type, suffix = "html", ".html"
        text = _main_text(page.text, whole=lambda: html_to_text(page.text))
    if not text.strip():
        raise InputError("Er staat geen leesbare tekst op deze pagina.")
    item.document_type = document_type
    item.text = text.replace("\r\n", "\n")
    item.original.save(f"origineel{suffix}", ContentFile(page.body), save=False)
    item.save(update_fields=["document_type", "text", "original"])


def _main_text(html: str | bytes, *, whole: Callable[[], str]) -> str:
    """The text of a page that the text check measures: its main content, without menus and footers; `whole()`
    (all visible text) for a page too large for the page check or without main content."""
    try:
        return page_main_content(html).text or whole()
    except PageCheckError:
        return whole()


def _page_html(item: EvidenceItem) -> bytes | None:
    if not item.is_html or not item.original:
        return None
    with item.original.open("rb") as handle:
        return handle.read()


def analysis_run(*, analysis: Analysis, task_id: str = "") -> Analysis:
    """Run the analysers for a queued analysis and store the outcome; a failure is stored with its reason.

    Called by the background task. A web page is fetched first (through the fetch guard) if it has not been. The
    analysis is a leased job: run twice (a task delivered again, a worker that died half-way) it is analysed by one
    run only, and a new attempt overwrites whatever an interrupted one left.
    """
    lease = job_claim(model=Analysis, pk=analysis.pk, task_id=task_id)
    if lease is None:
        analysis.refresh_from_db()
        return analysis  # already handled (a task delivered twice)
    try:
        _analyse(analysis, lease)
    finally:
        job_release(lease)
    analysis.refresh_from_db()
    return analysis


def _analyse(analysis: Analysis, lease: Lease) -> None:
    item = analysis.item
    try:
        if item.kind == EvidenceItem.Kind.WEBPAGINA and not item.text:
            _fetch_page(item)
        outcome = analyse_content(
            text=item.text,
            html=_page_html(item),
            url=item.source_url or None,
            house_style=house_style_for_organisation(organisation=item.initiative.owner),
            deep=settings.EVIDENCE_DEEP,
        )
    except (FetchError, InputError, PageCheckError) as exc:
        _fail(lease, str(exc))
        return
    except Exception:  # noqa: BLE001 - any bug must end as a visible failure, never a task stuck on "bezig"
        logger.exception("Analysis %s of evidence %s failed", analysis.pk, item.pk)
        _fail(lease, UNEXPECTED)
        return
    lease.update(
        analyser_version=outcome.analyser_version,
        frame_version=outcome.frame_version,
        language=outcome.language,
        words=outcome.words,
        readability_score=outcome.readability_score,
        readability_level=outcome.readability_level,
        needs=outcome.needs,
        findings=outcome.findings,
        page=outcome.page,
        error="",
        status=Analysis.Status.KLAAR,
        finished_at=timezone.now(),
        lease_until=None,
    )


def _fail(lease: Lease, message: str) -> None:
    lease.update(status=Analysis.Status.MISLUKT, error=message, finished_at=timezone.now(), lease_until=None)


def analysis_run_now(*, item: EvidenceItem, actor: User | None = None) -> Analysis:
    """Queue and run an analysis in this process (the demo and scripts, where no worker runs)."""
    analysis = Analysis.objects.create(item=item, requested_by=actor)
    return analysis_run(analysis=analysis)


@transaction.atomic
def citation_set(*, answer: Answer, actor: User, item_id: str | uuid.UUID | None) -> Citation | None:
    """Let the answer point to one evidence item of the same initiative (or to none, with item_id None)."""
    if answer.user_id != actor.pk:
        raise PermissionDenied("U kunt alleen in uw eigen antwoord naar bewijs verwijzen.")
    current = list(Citation.objects.filter(answer=answer))
    if not item_id:
        Citation.objects.filter(answer=answer).delete()
        return None
    item = EvidenceItem.objects.filter(pk=item_id, initiative_id=answer.assessment.initiative_id).first()
    if item is None:
        raise ValidationError("Dit bewijs hoort niet bij dit initiatief.")
    if len(current) == 1 and current[0].item_id == item.pk:
        return current[0]
    Citation.objects.filter(answer=answer).delete()
    return Citation.objects.create(answer=answer, item=item)
