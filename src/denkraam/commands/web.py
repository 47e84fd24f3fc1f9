"""Commands for the web app: serve, worker, cleanup, reminders, demo, createadmin and a pass-through to manage."""

from __future__ import annotations

import os
import sys
from typing import Any

import click


def setup_django() -> None:
    """Configure Django from the environment; imported lazily so analysis commands never load it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "denkraam.conf.settings")
    import django

    django.setup()


def call(name: str, *args: str, **options: Any) -> None:
    from django.core.management import call_command

    call_command(name, *args, **options)


def frog_start_in_background() -> None:
    """Load the deep tier's frog now, so the first deep check does not wait seconds for it (DENKRAAM_FROG_SERVER)."""
    import threading

    from denkraam.analysis.text.readability.frog_service import frog_service_start

    threading.Thread(target=frog_service_start, name="denkraam-frog-start", daemon=True).start()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64), help="Worker threads.")
def serve(host: str, port: int, threads: int) -> None:
    """Start the web app (after bringing the database up to date).

    In production it runs behind a TLS-terminating reverse proxy whose address is DENKRAAM_TRUSTED_PROXY: only that
    proxy may tell the app the client's address and that the client used https."""
    setup_django()
    from django.conf import settings

    from denkraam.conf.proxy import https_comes_from_proxy, waitress_proxy_options

    if settings.SECURE_SSL_REDIRECT and not https_comes_from_proxy():
        raise click.ClickException(
            "In productie draait denkraam achter een proxy die TLS (https) afhandelt, maar denkraam weet niet welke. "
            "Zet DENKRAAM_TRUSTED_PROXY op het IP-adres waarvandaan die proxy verbinding maakt (bijvoorbeeld "
            "127.0.0.1), met x-forwarded-proto of forwarded in DENKRAAM_TRUSTED_PROXY_HEADERS. Zonder proxy stuurt "
            "denkraam elke aanvraag eindeloos door naar https."
        )
    call("migrate", interactive=False, verbosity=0)
    call("createcachetable", verbosity=0)
    from waitress import serve as waitress_serve

    from denkraam.conf.wsgi import django_application
    from denkraam.warmup import warm_up_in_background

    where = f"http://{host}:{port}/"
    if settings.TRUSTED_PROXY:
        where += f", achter de proxy op {settings.TRUSTED_PROXY} ({settings.SITE_URL})"
    click.echo(f"denkraam draait op {where}  (stoppen: Ctrl+C)")
    warm_up_in_background()
    frog_start_in_background()
    waitress_serve(
        django_application, host=host, port=port, threads=threads, ident="denkraam", **waitress_proxy_options()
    )


@click.command()
@click.option("--once", is_flag=True, help="Handle the waiting tasks, then stop.")
def worker(once: bool) -> None:
    """Run background tasks (analyses of evidence and feedback files); restarts the tasks of workers that died."""
    setup_django()
    from django.conf import settings

    from denkraam.warmup import warm_up_in_background
    from denkraam.web.worker import migrate_when_free, worker_run

    migrate_when_free()
    click.echo("denkraam-worker wacht op taken (stoppen: Ctrl+C)")
    if not once:
        warm_up_in_background()
        if settings.EVIDENCE_DEEP:
            frog_start_in_background()
    worker_run(once=once)


@click.command()
def cleanup() -> None:
    """Remove raw feedback uploads nobody uses any more (the worker also does this every 10 minutes)."""
    setup_django()
    from denkraam.web.worker import cleanup_run

    removed = cleanup_run()
    click.echo(f"{removed} achtergebleven uploadbestand(en) verwijderd.")


@click.command()
@click.option("--queue", is_flag=True, help="Leave the sending to `denkraam worker` instead of sending now.")
def reminders(queue: bool) -> None:
    """Mail the owners of overdue actions (run once a day, from cron or a systemd timer).

    An action past its due date that is not 'klaar' gets one reminder, then again at most once every 7 days while
    it stays overdue; a new due date that passes starts again. Actions of closed sessions are left out.
    """
    setup_django()
    from denkraam.notifications.services import actions_overdue_remind

    if queue:
        from denkraam.notifications.tasks import actions_overdue_remind_task

        actions_overdue_remind_task.enqueue()
        click.echo("De herinneringen staan klaar voor denkraam worker.")
        return

    try:
        sent = actions_overdue_remind()
    except OSError as exc:  # the mail server is down or refuses: what was sent is recorded, the rest comes next run
        raise click.ClickException(f"De mailserver is niet bereikbaar ({exc}). Probeer het later opnieuw.") from exc
    click.echo(f"{sent} herinnering(en) verstuurd.")


PRODUCTION_REFUSED = (
    "Dit is een productieomgeving (DENKRAAM_ENVIRONMENT=production): hier laadt denkraam de demo niet, want die "
    "voegt verzonnen organisaties, initiatieven en gesprekken toe, en gebruikers met een openbaar wachtwoord. Laad "
    "de demo op een eigen database zonder DENKRAAM_ENVIRONMENT=production. Is dit echt een demonstratieserver, "
    "gebruik dan 'denkraam demo --allow-production'."
)
PRODUCTION_WARNING = (
    "Let op: dit is een productieomgeving. De demo voegt de organisaties UWV, KVK en Gemeente Utrecht toe (of "
    "gebruikt ze als ze al bestaan), met verzonnen initiatieven, gesprekken en bewijs, en maakt de gebruikers anna, "
    "bram, chantal en dirk aan met het openbare wachtwoord 'demo-wachtwoord'. Bestaande gebruikers blijven zoals "
    "ze zijn; een beheerder 'beheer' wordt niet aangemaakt."
)


@click.command()
@click.option(
    "--allow-production",
    is_flag=True,
    help="Load the demo although DENKRAAM_ENVIRONMENT=production (for a demonstration server); asks to type 'ja'.",
)
def demo(allow_production: bool) -> None:
    """Fill the database with a realistic demo and print the demo logins. Safe to run twice.

    Only missing demo users are created: an existing account named anna, bram, chantal, dirk or beheer keeps its
    password, rights and e-mail. Refused in production unless --allow-production is given and confirmed.
    """
    setup_django()
    from django.conf import settings

    if settings.PRODUCTION:
        if not allow_production:
            click.echo(f"Fout: {PRODUCTION_REFUSED}", err=True)
            sys.exit(1)
        click.echo(PRODUCTION_WARNING, err=True)
        answer = click.prompt("Typ ja om de demo toch te laden", default="", show_default=False, err=True)
        if answer.strip().lower() != "ja":
            click.echo("Er is niets geladen.", err=True)
            sys.exit(1)
    call("migrate", interactive=False, verbosity=0)
    call("createcachetable", verbosity=0)
    from denkraam.web.demo import demo_load

    for line in demo_load(superuser=not settings.PRODUCTION):
        click.echo(line)


@click.command()
@click.option("--username", prompt="Gebruikersnaam", help="Login name of the new administrator.")
@click.option("--email", prompt="E-mailadres", default="", help="E-mail address (for password reset).")
@click.password_option(prompt="Wachtwoord", confirmation_prompt="Herhaal het wachtwoord", help="Password.")
def createadmin(username: str, email: str, password: str) -> None:
    """Create an administrator who can log in to /beheer/."""
    setup_django()
    call("migrate", interactive=False, verbosity=0)
    from django.core.exceptions import ValidationError

    from denkraam.accounts.services import admin_create

    try:
        admin_create(username=username, email=email, password=password)
    except ValidationError as exc:
        raise click.ClickException(" ".join(exc.messages)) from exc
    click.echo(f"Beheerder '{username}' is aangemaakt. Log in op /beheer/.")


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command, e.g. `denkraam manage migrate`."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["denkraam manage", *args])


COMMANDS = [serve, worker, cleanup, reminders, demo, createadmin, manage]
