"""Sending e-mail: one message per recipient, plain text with an HTML alternative, in a shared Dutch layout.

Every other app sends mail through `mail_send`, so the rules live once: links absolute from settings.SITE_URL
(never the request's Host), the subject on one line, the reason why someone gets the mail in the footer, and no
recipient ever sees another's address.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.validators import validate_email
from django.template import Context, Engine
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def site_url(path: str = "") -> str:
    """The absolute address of `path` on this site, from settings.SITE_URL (never from a request's Host)."""
    return settings.SITE_URL.rstrip("/") + path


def _address_valid(address: str) -> bool:
    # A newline in an address would be a header injection; validate_email refuses it with everything else invalid.
    try:
        validate_email(address)
    except ValidationError:
        return False
    return True


def _render_text(name: str, context: Mapping[str, Any]) -> str:
    # Plain text is not HTML: "&" must stay "&", so the .txt templates render without autoescaping.
    return Engine.get_default().get_template(name).render(Context(dict(context), autoescape=False))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def mail_send(*, to: Sequence[str], template: str, context: Mapping[str, Any], reason: str) -> int:
    """Send the mail `template` to each address in `to` separately; returns how many were sent.

    Renders notifications/<template>_subject.txt, <template>.txt and <template>.html with `context` plus
    `site_url`, and wraps the bodies in notifications/_layout.txt / _layout.html with `reason` ("U krijgt deze
    e-mail omdat ...") in the footer. Empty or invalid addresses, and those the mail server refuses, are skipped
    and not counted. A mail server that cannot be reached raises, so a background task that calls this fails and
    logs.
    """
    full_context = {**context, "site_url": site_url(), "reason": reason}
    # Dutch dates ("3 december") also in a worker or a cron job, where no request switched the language on.
    with translation.override(settings.LANGUAGE_CODE):
        subject = _one_line(_render_text(f"notifications/{template}_subject.txt", full_context))
        text_body = _render_text(f"notifications/{template}.txt", full_context)
        html_body = render_to_string(f"notifications/{template}.html", full_context)
        text = _render_text("notifications/_layout.txt", {**full_context, "body": text_body.strip()})
        html = render_to_string("notifications/_layout.html", {**full_context, "body": html_body, "subject": subject})

    addresses = list(dict.fromkeys(address.strip() for address in to if address and address.strip()))
    valid = [address for address in addresses if _address_valid(address)]
    skipped = len(to) - len(valid)
    if skipped:
        logger.info("mail %s: %d address(es) skipped (empty, invalid or twice)", template, skipped)
    if not valid:
        return 0
    messages = []
    for address in valid:
        message = EmailMultiAlternatives(subject=subject, body=text, to=[address])
        message.attach_alternative(html, "text/html")
        messages.append(message)
    sent = 0
    with get_connection() as connection:
        for message in messages:
            try:
                sent += int(connection.send_messages([message]) or 0)
            except smtplib.SMTPRecipientsRefused:
                # One unknown mailbox must not keep the mail from the others; a server that is down still raises.
                logger.warning("mail %s: the mail server refused a recipient", template)
    return sent
