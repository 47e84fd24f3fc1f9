"""The committed lock files install what pyproject.toml and package.json ask for, exactly, verifiably and without
naming where packages come from. `make lock` renews them; these tests fail when someone forgets to."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[1]
LOCKS = REPO / "requirements"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _pins(lock: str) -> dict[str, Version]:
    """Package name -> pinned version; fails on a pin without a hash."""
    text = (LOCKS / lock).read_text(encoding="utf-8")
    pins: dict[str, Version] = {}
    for block in re.split(r"\n(?=\S)", text):
        match = re.match(r"([A-Za-z0-9_.\-\[\]]+)==([^\s;\\]+)", block)
        if match:
            assert "--hash=sha256:" in block, f"{lock}: {match.group(1)} has no hash"
            pins[canonicalize_name(match.group(1).split("[")[0])] = Version(match.group(2))
    return pins


def _unmet(requirements: list[str], pins: dict[str, Version]) -> list[str]:
    unmet = []
    for line in requirements:
        requirement = Requirement(line)
        version = pins.get(canonicalize_name(requirement.name))
        if version is None or not requirement.specifier.contains(version, prereleases=True):
            unmet.append(f"{line} (locked: {version})")
    return unmet


@pytest.mark.parametrize(
    ("lock", "groups"),
    [("run.lock", ()), ("dev.lock", ("dev",)), ("train.lock", ("dev", "train"))],
)
def test_each_lock_pins_every_requirement_within_its_range(lock: str, groups: tuple[str, ...]) -> None:
    wanted = list(PYPROJECT["dependencies"])
    for group in groups:
        wanted += PYPROJECT["optional-dependencies"][group]
    assert _unmet(wanted, _pins(lock)) == []


def test_the_locks_agree_on_every_version_they_share() -> None:
    dev, train, run = _pins("dev.lock"), _pins("train.lock"), _pins("run.lock")
    assert {name: version for name, version in train.items() if name in dev and dev[name] != version} == {}
    assert {name: version for name, version in run.items() if run[name] != dev.get(name)} == {}


def test_the_runtime_lock_carries_no_training_or_test_tools() -> None:
    run = _pins("run.lock")
    for name in ("scikit-learn", "scipy", "pytest", "playwright", "textstat", "mypy"):
        assert name not in run, name


def test_lint_ii_is_pinned_with_a_hash_and_installed_without_its_dependencies() -> None:
    assert set(_pins("lint-ii.lock")) == {"lint-ii"}
    assert "--no-deps" in (REPO / "Makefile").read_text(encoding="utf-8")


def test_the_npm_lock_has_integrity_hashes_and_no_download_addresses() -> None:
    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    packages = lock["packages"]
    assert packages[""]["dependencies"] == package["dependencies"]
    installed = {path: entry for path, entry in packages.items() if path}
    assert installed
    assert [path for path, entry in installed.items() if not entry.get("integrity", "").startswith("sha512-")] == []
    assert [path for path, entry in installed.items() if "resolved" in entry] == []


def test_no_lock_file_names_a_package_index() -> None:
    for path in [*LOCKS.glob("*.lock"), REPO / ".npmrc"]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"--(extra-)?index-url|--find-links|https?://|registry\s*=", text), path.name
