"""pywb 2.10, the reference replay server, driven from Python (tests, demos, scripts).

pywb needs brotlipy, whose ``brotli`` package shadows the Brotli module Scrapy decodes
with, so it lives in its own virtualenv, ``.venv-pywb/`` (``make pywb``); ``PYWB_BIN``
names another folder holding its ``wb-manager`` and ``wayback``.

What pywb 2.10 does, measured on a crawl of the replica and on hand-made records
(tests/test_replay.py holds it to the points a history import relies on):

- Collections: ``wb-manager init NAME`` makes ``collections/NAME/{archive,indexes}`` under
  the folder it runs in; ``wb-manager add NAME FILE...`` copies each WARC into
  ``archive/`` and merges its CDXJ lines into ``indexes/index.cdxj``. A file that is not
  ``.warc``/``.warc.gz``/``.arc``/``.arc.gz`` is skipped with a warning, exit status 0. A
  ``.wacz`` needs ``add --unpack-wacz`` (without it: "Adding waczs without unpacking is
  not yet implemented", exit status 2): its WARC files are copied in as
  ``<wacz name>-<n>.warc.gz`` and its ``indexes/*.cdx(.gz)`` merged (digests there read
  ``sha1:…`` and lines carry a ``recordDigest``).
  ``wayback`` serves every collection under its ``--directory``; no config.yaml is needed.
- CDX API: ``/{coll}/cdx?url=HOST/*&output=json`` answers ``text/x-ndjson``, one JSON
  object per line (without ``output=json``: CDXJ lines, ``urlkey timestamp {json}``),
  sorted by urlkey, then timestamp; a URL never captured gives 200 and no line. Fields,
  all strings: ``urlkey`` (SURT: host reversed, path and query lowercased, query
  parameters sorted: ``1,0,0,127:8765)/default.aspx?chitiet=true&cmsid=743&tabid=620``),
  ``timestamp`` (14 digits, UTC, whole seconds), ``url`` (as captured), ``mime`` (the
  response's Content-Type without parameters; ``warc/revisit`` for a revisit record,
  ``unk`` for a response without Content-Type, such as a bare 304), ``status`` (absent on a
  revisit), ``digest`` (base32 SHA-1 of the payload), ``length`` and ``offset`` (the
  gzip member's bytes in ``filename``), ``filename``, ``source``, ``source-coll``,
  ``access`` ("allow"), and ``method`` ("POST") on a POST capture. ``HOST/*`` (or
  ``matchType=prefix``) lists every capture of the host; ``fl=timestamp,status`` picks
  fields; ``filter=status:200``, ``filter=!mime:warc/revisit``, ``from=202402&to=202403``
  (partial timestamps, ``to`` padded upwards: March included), ``limit=N``,
  ``sort=reverse``, ``closest=TS&sort=closest`` work. POST captures (our
  ``__doPostBack`` pager) have urlkey ``…?__wb_method=post&tabid=622``: ``HOST/*`` lists
  them, an exact ``url=`` query and a GET replay of the same URL do not. pywb's indexer
  adds the form's fields to that key only when the request record has a Content-Length,
  which ours lack (Scrapy sets it later), so every post to one URL shares one key; the
  WACZ's index (cdxj-indexer) adds them (``…?__eventtarget=…&__viewstate=…&__wb_method=post``).
- ``/{coll}/{timestamp}id_/{url}``: the payload as captured, no rewriting, no banner; the
  URL matches by urlkey, so parameter order and case do not matter, an extra parameter
  does (404). Status and headers are the capture's, but ``Date``, ``Server``, ``ETag``
  and ``Last-Modified`` come renamed ``X-Archive-Orig-…``; ``Memento-Datetime`` gives the
  capture's time and ``Content-Location`` its exact ``/{coll}/{ts}id_/{url}``. A stored
  ``Content-Encoding: gzip``/``br`` body is sent as stored (with that header) when the
  client's Accept-Encoding allows it, else decoded (pywb has brotlipy), the header then
  renamed ``X-Archive-Orig-Content-Encoding``; urllib sends ``identity``, so it gets
  plain bytes.
- Timestamps: a timestamp that matches no capture is not redirected: the closest
  capture is served at once (200, ``Content-Location`` and ``Memento-Datetime`` say
  which). A partial timestamp is padded upwards (``2024`` means 20241231235959, so it
  gives 2024's last capture, ``20240215`` the end of that day); no timestamp
  (``/{coll}/id_/{url}``) gives the latest capture. Capture times are whole seconds.
- Revisit records: replayed with the payload of the record they refer to (same digest)
  and the revisit's own HTTP headers and Memento-Datetime; listed in the CDX with
  ``mime`` ``warc/revisit`` and no ``status``. Our crawl writes none: an unchanged page
  is a ``response`` record with status 304 and no body, and pywb replays that as it is
  (304, empty body); being the latest capture after a second run, it is also what a
  replay without timestamp gives. Ask for the 200 (``filter=status:200``, or the
  record's ``fetched_at``, which is the WARC-Date of its 200).
- 3xx captures: ``id_`` keeps the status and the ``Location`` exactly as captured
  (absolute or relative, pointing at the live site; a client following it leaves the
  archive); ``mp_`` (rewritten replay) points it into the archive
  (``/{coll}/{ts}mp_/{target}``). Index status ``301``/``302``.
- 404 captures: replayed as captured (404, the captured body, with
  ``Memento-Datetime``). A URL with no capture also gives 404, pywb's own "URL Not
  Found" page, without ``Memento-Datetime``: that header tells the two apart.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import tempfile
import time
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
