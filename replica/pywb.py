"""pywb 2.10, the reference replay server, driven from tests and the offline demo.

pywb needs brotlipy, whose ``brotli`` package shadows the Brotli module Scrapy decodes
with, so it lives in its own virtualenv, ``.venv-pywb/`` (``make pywb``); ``PYWB_BIN``
names another folder holding its ``wb-manager`` and ``wayback``.

What pywb 2.10 does (measured on this project's WARC files, see tests/test_replay.py):

BEHAVIOUR_NOTES
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

VENV_BIN = Path(__file__).parents[1] / ".venv-pywb" / "bin"
# What `wb-manager add` takes; anything else it skips with a warning, and exits 0.
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz", ".wacz")
START_SECONDS = 60.0
STOP_SECONDS = 10.0


class PywbMissing(RuntimeError):
    """The pywb virtualenv is not installed."""


class PywbFailed(RuntimeError):
    """A pywb command failed; the message holds its output."""


def bin_dir() -> Path:
    """The folder of pywb's commands: ``PYWB_BIN`` if set, else the repository's ``.venv-pywb/bin``."""
    return Path(os.environ.get("PYWB_BIN") or VENV_BIN)


def command(name: str) -> Path:
    """The path of pywb's command ``name``; a missing virtualenv says how to make it."""
    path = bin_dir() / name
    if not path.is_file():
        raise PywbMissing(
            f"pywb's {name} is not at {path}: run `make pywb` "
            "(or set PYWB_BIN to the bin folder of a pywb 2.10 virtualenv)"
        )
    return path


def wb_manager(root: Path, *args: str) -> None:
    """Run ``wb-manager ARGS`` in ``root``; its output is in the error if it fails."""
    run = subprocess.run([str(command("wb-manager")), *args], cwd=root, capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        raise PywbFailed(f"wb-manager {' '.join(args)} failed ({run.returncode}): {run.stderr.strip()}")


def build_collection(root: Path, name: str, warcs: list[Path]) -> Path:
    """Collection ``name`` under ``root`` (created if needed) with ``warcs`` copied in and indexed.

    A ``.wacz`` is unpacked (its WARC files and index join the collection). Returns the
    collection's folder.
    """
    unknown = [str(p) for p in warcs if not p.name.endswith(ARCHIVE_SUFFIXES)]
    if unknown or not warcs:
        raise ValueError(f"pywb takes {', '.join(ARCHIVE_SUFFIXES)} files, not {unknown or 'none'}")
    root.mkdir(parents=True, exist_ok=True)
    collection = root / "collections" / name
    if not collection.is_dir():
        wb_manager(root, "init", name)
    wb_manager(root, "add", "--unpack-wacz", name, *(str(p.resolve()) for p in warcs))
    return collection


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answers(url: str, process: subprocess.Popen, log: Path) -> None:
    """Return once ``url`` answers; fail if the server exits or stays silent too long."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise PywbFailed(f"wayback exited ({process.returncode}): {log.read_text(errors='replace').strip()}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2):
            return
        time.sleep(0.1)
    raise PywbFailed(f"wayback did not answer at {url} within {START_SECONDS:.0f} s")


def stop(process: subprocess.Popen) -> None:
    """End the server's process group (it was started in its own session), by force if it lingers."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=STOP_SECONDS)
            return


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """pywb's ``wayback`` serving the collections under ``root`` on 127.0.0.1; yields its base URL.

    The server is stopped when the block ends, however it ends.
    """
    wayback = command("wayback")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with tempfile.NamedTemporaryFile(prefix="wayback-", suffix=".log") as log:
        process = subprocess.Popen(
            [str(wayback), "--bind", "127.0.0.1", "--port", str(port), "--directory", str(root)],
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_until_answers(url, process, Path(log.name))
            yield url
        finally:
            stop(process)
