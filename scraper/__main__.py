"""Command line of the archiver beyond ``scrapy crawl``: ``python -m scraper extract|reextract|wacz|publish|report``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scraper import extract, publish, reextract, report, wacz

DESCRIPTION = (
    "The archiver's commands beyond `scrapy crawl portal`: extract saved pages, rebuild records from WARC, "
    "package the WARC files as WACZ, publish the records as a SQLite database for Datasette, draw the report."
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scraper", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True)
    ex = commands.add_parser("extract", help="parse saved pages into records (JSON, one per line)")
    ex.add_argument("files", nargs="+", metavar="PAGE.html")
    ex.add_argument(
        "--url",
        action="append",
        default=[],
        help="the page's URL (a web-archive URL is fine); once for all files or once per file; "
        "without it, the address the page states (canonical link, og:url, <base>, web-archive toolbar)",
    )
    rx = commands.add_parser("reextract", help="rebuild the record files from the archive's WARC files, offline")
    rx.add_argument("archive", metavar="ARCHIVE_DIR")
    rx.add_argument(
        "--force",
        action="store_true",
        help="replace the record files even when the rebuild lacks records the archive holds",
    )
    wz = commands.add_parser("wacz", help="package the archive's WARC files and a pages index as one WACZ file")
    wz.add_argument("archive", metavar="ARCHIVE_DIR")
    wz.add_argument(
        "-o", "--output", type=Path, help=f"the WACZ file to write (default ARCHIVE_DIR/{wacz.DEFAULT_NAME})"
    )
    pb = commands.add_parser("publish", help=f"write the records as one SQLite database, ARCHIVE_DIR/{publish.DB_NAME}")
    pb.add_argument("archive", metavar="ARCHIVE_DIR")
    rp = commands.add_parser("report", help="draw figures of the archive into ARCHIVE_DIR/report/index.html")
    rp.add_argument("archive", metavar="ARCHIVE_DIR")
    args = parser.parse_args(argv)
    if args.command == "publish":
        return publish.main(Path(args.archive))
    if args.command == "report":
        return report.main(Path(args.archive))
    if args.command == "wacz":
        return wacz.main(Path(args.archive), args.output)
    if args.command == "reextract":
        return reextract.main(Path(args.archive), force=args.force)
    return extract.main(args.files, args.url)


if __name__ == "__main__":
    sys.exit(main())
