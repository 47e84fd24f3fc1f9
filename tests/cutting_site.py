"""A loopback web site whose pages stop short: each promises 1000 bytes (Content-Length) and sends 5.

`/hangt` then waits until the client gives up and closes the connection; `/afgebroken` hangs up at once. For the
tests that prove a page cut short is never analysed as if it were whole (`denkraam check URL`, evidence pages).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server expects
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", "1000")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(b"<html")
        if self.path == "/hangt":
            self.rfile.read(1)  # returns once the client closes its side
        self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep the test output clean
        pass


@contextmanager
def cutting_site() -> Iterator[str]:
    """Run the site on 127.0.0.1 and yield its base URL (`http://127.0.0.1:PORT`)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
