"""mail_send through a real SMTP server: one message per person, text and HTML, the reason and the site."""

from __future__ import annotations

from types import SimpleNamespace

from pytest_django.fixtures import Settings

from denkraam.notifications.mail import mail_send
from tests.mail import SmtpServer


def _context(title: str = "Gesprek over de brief") -> dict[str, object]:
    assessment = SimpleNamespace(title=title, initiative=SimpleNamespace(name="Brief & herbeoordeling"))
    return {"assessment": assessment, "actor_name": "Alice", "link": "https://denkraam.example/gesprekken/1/"}


def test_a_mail_arrives_with_text_and_html_the_reason_and_the_site(smtp_server: SmtpServer, settings: Settings) -> None:
    settings.SITE_URL = "https://denkraam.example"
    sent = mail_send(
        to=["bob@uwv.example"],
        template="assessment_open",
        context=_context(),
        reason="U krijgt deze e-mail omdat u deelneemt aan het gesprek.",
    )
    assert sent == 1
    (message,) = smtp_server.messages
    assert message["Subject"] == "Vragenlijst geopend: Gesprek over de brief"
    assert message["To"] == "bob@uwv.example"
    text, html = smtp_server.text(message), smtp_server.html(message)
    for part in (text, html):
        assert "U krijgt deze e-mail omdat u deelneemt aan het gesprek." in part
        assert "https://denkraam.example/" in part
    assert 'over "Brief & herbeoordeling"' in text  # plain text is not HTML-escaped
    assert "Brief &amp; herbeoordeling" in html
    assert "https://denkraam.example/gesprekken/1/" in smtp_server.links(message)


def test_each_recipient_gets_an_own_message_and_bad_addresses_are_skipped(smtp_server: SmtpServer) -> None:
    sent = mail_send(
        to=["alice@uwv.example", "", "geen adres", "bob@uwv.example", "bob@uwv.example", "x@y.nl\nBcc: z@y.nl"],
        template="assessment_open",
        context=_context(),
        reason="U krijgt deze e-mail omdat u deelneemt.",
    )
    assert sent == 2
    assert sorted(rcpts[0] for _, rcpts in smtp_server.envelopes) == ["alice@uwv.example", "bob@uwv.example"]
    assert all(len(rcpts) == 1 for _, rcpts in smtp_server.envelopes)
    assert all(message["Cc"] is None and message["Bcc"] is None for message in smtp_server.messages)


def test_a_title_with_newlines_stays_one_subject_line(smtp_server: SmtpServer) -> None:
    mail_send(
        to=["bob@uwv.example"],
        template="assessment_open",
        context=_context("Brief\r\nBcc: mallory@evil.example\nX-Extra: ja"),
        reason="U krijgt deze e-mail omdat u deelneemt.",
    )
    (message,) = smtp_server.messages
    assert message["Subject"] == "Vragenlijst geopend: Brief Bcc: mallory@evil.example X-Extra: ja"
    assert message["Bcc"] is None and message["X-Extra"] is None
    assert [rcpts for _, rcpts in smtp_server.envelopes] == [["bob@uwv.example"]]


def test_no_valid_address_sends_nothing(smtp_server: SmtpServer) -> None:
    assert mail_send(to=["", "  "], template="assessment_open", context=_context(), reason="omdat") == 0
    assert smtp_server.messages == []


def test_an_address_the_server_refuses_does_not_keep_the_mail_from_the_others(smtp_server: SmtpServer) -> None:
    smtp_server.refuse("weg@uwv.example")
    sent = mail_send(
        to=["alice@uwv.example", "weg@uwv.example", "bob@uwv.example"],
        template="assessment_open",
        context=_context(),
        reason="U krijgt deze e-mail omdat u deelneemt.",
    )
    assert sent == 2
    assert [str(m["To"]) for m in smtp_server.messages] == ["alice@uwv.example", "bob@uwv.example"]
