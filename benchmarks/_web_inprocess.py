"""Server time of one request with nothing else going on: Django's test Client in this process, no HTTP, no queue.

Run by benchmarks/web.py against the database of the running benchmark server (same environment), after the
latency runs. Argument: a JSON list of [path, use_session_cookie]; prints one JSON line
{path: {"wall_ms": median, "cpu_ms": median}} over REQUESTS requests after WARMUP requests.

Wall time still grows when other work shares the cores; CPU time (time.process_time) much less so. Together they
separate the cost of the page from the load on the machine.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "denkraam.conf.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

WARMUP = 5
REQUESTS = 20


def measure(*, path: str, cookie_name: str, cookie: str | None) -> dict[str, float]:
    """Median wall and CPU milliseconds of REQUESTS GETs of `path`; raises when a response is not 200."""
    client = Client()
    if cookie:
        client.cookies[cookie_name] = cookie
    for _ in range(WARMUP):
        status = client.get(path).status_code
        if status != 200:
            raise RuntimeError(f"{path}: HTTP {status}")
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(REQUESTS):
        began, began_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return {"wall_ms": statistics.median(wall), "cpu_ms": statistics.median(cpu)}


if __name__ == "__main__":
    pages = json.loads(sys.argv[1])
    cookie_name, cookie = sys.argv[2], sys.argv[3]
    result = {
        path: measure(path=path, cookie_name=cookie_name, cookie=cookie if with_cookie else None)
        for path, with_cookie in pages
    }
    print(json.dumps(result))
