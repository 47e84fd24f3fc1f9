"""The analysis library and the frame must work where Django is not installed."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
sys.modules["django"] = None  # any "import django..." now fails
import denkraam.analysis, denkraam.framework
for package in (denkraam.analysis, denkraam.framework):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
assert not any(name == "django" or name.startswith("django.") for name, mod in sys.modules.items() if mod)
print("ok", denkraam.framework.load_frame().label)
"""


def test_analysis_and_framework_import_without_django() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok interactiestrategie 1.0"
