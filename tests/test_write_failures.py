"""An archive that cannot be written: the run says so in one line, exits 1, and loses nothing."""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
from pathlib import Path

import pytest

from replica.server import serve
from replica.truth import expected_articles
from tests.conftest import ROOT, crawl_command, run_crawl

# Records from earlier runs, big enough that the merged articles file passes the size limit below.
EARLIER = 300
FILE_LIMIT = 2_500_000  # bytes: more than any file the crawl writes but the merged articles


def earlier_records() -> str:
    padding = "Bài đã lưu từ trước. " * 450
    return "".join(
        json.dumps({"url": f"http://earlier/{n:04d}", "cms_id": None, "title": f"bài {n}", "body": padding}) + "\n"
        for n in range(EARLIER)
    )


def full_disk() -> None:
    """In the crawl's process: any file grown past FILE_LIMIT fails with EFBIG, as on a full disk."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT, FILE_LIMIT))


@pytest.fixture(scope="module")
def disk_full(tmp_path_factory):
    server = serve()
    archive = tmp_path_factory.mktemp("disk-full")
    (archive / "articles.jsonl").write_text(earlier_records(), encoding="utf-8")
    before = (archive / "articles.jsonl").read_bytes()
    assert len(before) > FILE_LIMIT
    failed = subprocess.run(
        crawl_command(server.url, archive, ARCHIVE_WARC_MAX_SIZE="500000"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=full_disk,
    )
    after_failure = (archive / "articles.jsonl").read_bytes()
    staged = [len(p.read_text(encoding="utf-8").splitlines()) for p in archive.glob(".staging/*/articles.jsonl")]
    manifest = json.loads(sorted((archive / "runs").glob("*.json"))[-1].read_text())
    rerun = run_crawl(server.url, archive)
    server.shutdown()
    return {
        "failed": failed,
        "manifest": manifest,
        "before": before,
        "after_failure": after_failure,
        "staged": staged,
        "rerun": rerun,
        "archive": archive,
        "url": server.url,
    }


def test_a_run_whose_merge_cannot_be_written_exits_1_with_the_reason(disk_full):
    assert disk_full["failed"].returncode == 1
    last = disk_full["failed"].stderr.strip().splitlines()[-1]
    assert "could not be written" in last and "File too large" in last


def test_its_manifest_says_failed_with_the_reason(disk_full):
    assert disk_full["manifest"]["status"] == "failed"
    assert "could not be written" in disk_full["manifest"]["reason"]


def test_the_archive_is_left_as_it_was(disk_full):
    assert disk_full["after_failure"] == disk_full["before"]


def test_the_runs_records_stay_staged_for_the_next_run(disk_full):
    assert disk_full["staged"] == [len(expected_articles(disk_full["url"]))]


def test_the_next_run_merges_them_and_loses_nothing(disk_full):
    assert disk_full["rerun"].returncode == 0, disk_full["rerun"].stderr[-2000:]
    urls = [json.loads(line)["url"] for line in (disk_full["archive"] / "articles.jsonl").read_text().splitlines()]
    expected = [e["url"] for e in expected_articles(disk_full["url"])]
    assert sorted(urls) == sorted(expected + [f"http://earlier/{n:04d}" for n in range(EARLIER)])


def one_line_refusal(run: subprocess.CompletedProcess) -> str:
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    return run.stderr.strip().splitlines()[-1]


def test_an_archive_folder_that_cannot_exist_is_refused_in_one_line(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    line = one_line_refusal(run_crawl("http://127.0.0.1:9/", tmp_path / "a-file" / "archive"))
    assert line.startswith("lavusta-archiver: cannot write to the archive") and "Not a directory" in line


@pytest.fixture
def read_only(tmp_path):
    """A folder mounted read-only (needs root and mount; skipped where the machine allows neither)."""
    source, mounted = tmp_path / "source", tmp_path / "archive"
    source.mkdir()
    mounted.mkdir()
    (source / "articles.jsonl").write_text('{"url": "http://earlier/", "title": "giữ lại"}\n')
    mount = shutil.which("mount")
    if mount is None or subprocess.run([mount, "--bind", source, mounted], capture_output=True).returncode:
        pytest.skip("bind mounts are not available here")
    subprocess.run([mount, "-o", "remount,bind,ro", mounted], check=True)
    yield mounted
    subprocess.run(["umount", mounted], check=True)


def test_a_read_only_archive_is_refused_in_one_line(read_only: Path):
    line = one_line_refusal(run_crawl("http://127.0.0.1:9/", read_only))
    assert line.startswith("lavusta-archiver: cannot write to the archive") and "Read-only file system" in line
    assert (read_only / "articles.jsonl").read_text() == '{"url": "http://earlier/", "title": "giữ lại"}\n'


def test_a_runs_folder_that_is_a_file_is_refused_in_one_line(tmp_path):
    (tmp_path / "runs").write_text("not a folder")
    line = one_line_refusal(run_crawl("http://127.0.0.1:9/", tmp_path))
    assert line.startswith("lavusta-archiver: cannot write to the archive") and "runs" in line


def test_a_record_file_that_cannot_be_replaced_fails_the_run_and_keeps_the_records_staged(tmp_path, replica):
    (tmp_path / "articles.jsonl").mkdir()  # an operator's mistake: a folder where the file belongs
    run = run_crawl(replica.url, tmp_path)
    assert run.returncode == 1
    assert "could not be written" in run.stderr.strip().splitlines()[-1]
    (staged,) = tmp_path.glob(".staging/*/articles.jsonl")
    assert len(staged.read_text(encoding="utf-8").splitlines()) == len(expected_articles(replica.url))


def test_an_empty_archive_dir_is_refused_and_nothing_is_written_in_the_current_folder(tmp_path):
    cmd = crawl_command("http://127.0.0.1:9/", tmp_path)
    cmd[cmd.index(f"ARCHIVE_DIR={tmp_path}")] = "ARCHIVE_DIR="
    before = sorted(p.name for p in ROOT.iterdir())
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines()[-1].startswith("lavusta-archiver: ARCHIVE_DIR is empty")
    assert sorted(p.name for p in ROOT.iterdir()) == before
