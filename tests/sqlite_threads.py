"""For tests where threads really work at the same time, each with its own database connection."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from django.db import connection, connections


@contextmanager
def threads_share_a_database_file(folder: Path) -> Iterator[None]:
    """On SQLite, let threads work on a copy of the test database in a file, then copy the result back.

    The in-memory test database is shared between connections through SQLite's shared cache, which refuses a
    second writer at once ("database table is locked") instead of waiting; a file in WAL mode waits, as the
    server's database does. PostgreSQL needs nothing: every thread gets its own connection to the test database.
    """
    if connection.vendor != "sqlite":
        yield
        return
    path = folder / "race.sqlite3"
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)
        # Switched now, once: threads that all switch it on their first connection may refuse each other at once.
        copy.execute("PRAGMA journal_mode=WAL")
    settings = connections.settings["default"]
    # New connections (those of the threads) open the file; this thread keeps its in-memory one.
    connections.settings["default"] = {**settings, "NAME": str(path)}
    try:
        yield
    finally:
        connections.settings["default"] = settings
        with closing(sqlite3.connect(path)) as copy:
            copy.backup(connection.connection)
