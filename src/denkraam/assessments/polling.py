"""How often the live pages ask whether anything changed (their htmx `every Ns`). No Django here: the benchmark
(benchmarks/workshop.py) polls at the same pace as the browser.

With one second a participant sees the next question within about a second; an unchanged state costs a 204.
"""

SCREEN_POLL_SECONDS = 2
PARTICIPANT_POLL_SECONDS = 1
