"""The offline demo, as the README runs it: twice on one archive gives the same archive."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def demo(archive: Path, port: int) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "replica.demo", "--archive-dir", str(archive), "--port", str(port)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_demo_run_twice_gives_one_archive_of_42_articles(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    first, second = demo(tmp_path, port), demo(tmp_path, port)
    assert (first.returncode, second.returncode) == (0, 0), second.stderr[-2000:]
    assert len((tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()) == 42
    manifests = [json.loads(p.read_text()) for p in sorted((tmp_path / "runs").glob("*.json"))]
    assert manifests[-1]["counts"]["requests"] == 7
