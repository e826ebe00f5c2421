"""The offline demo, as the README runs it: twice on one archive gives the same archive."""
# The demo imports the replica's web archive through pywb too: pywb must be installed (make pywb).

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from replica.webarchive import truth
from tests.conftest import ROOT


def demo(archive: Path, port: int) -> subprocess.CompletedProcess:
    history = archive.parent / "history"
    cmd = [sys.executable, "-m", "replica.demo", "--archive-dir", str(archive), "--history-dir", str(history)]
    cmd += ["--port", str(port)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)


def lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


@pytest.fixture(scope="module")
def twice(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess, subprocess.CompletedProcess]:
    archive = tmp_path_factory.mktemp("demo") / "live"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return archive, demo(archive, port), demo(archive, port)


def newest_manifest(archive: Path) -> dict:
    return json.loads(sorted((archive / "runs").glob("*.json"))[-1].read_text(encoding="utf-8"))


def test_the_demo_run_twice_gives_one_archive_of_42_articles(twice):
    archive, first, second = twice
    assert (first.returncode, second.returncode) == (0, 0), second.stderr[-2000:]
    assert lines(archive / "articles.jsonl") == 42
    assert newest_manifest(archive)["counts"]["requests"] == 7


def test_the_demo_imports_the_web_archive_history_once(twice):
    archive, _, second = twice
    history = archive.parent / "history"
    assert second.returncode == 0, second.stderr[-2000:]
    assert lines(history / "articles.jsonl") == len(truth.ARTICLES)
    assert newest_manifest(history)["history"]["fetched"] == 0


def test_the_demo_shows_progress_and_a_summary_and_keeps_the_full_log_in_the_run_log(twice):
    archive, first, _ = twice
    shown = (first.stdout + first.stderr).splitlines()
    assert len(shown) < 40
    assert any(line.startswith("lavusta-archiver: run finished: ") for line in shown)
    assert "WARNING" not in first.stderr  # no warning about a contact address on loopback
    (log, *_) = sorted((archive / "runs").glob("*.log"))
    assert "Run finished" in log.read_text(encoding="utf-8")
