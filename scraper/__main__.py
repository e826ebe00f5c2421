"""Command line of the archiver beyond ``scrapy crawl``: ``python -m scraper extract ...``."""

from __future__ import annotations

import argparse
import sys

from scraper import extract


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scraper", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ex = commands.add_parser("extract", help="parse saved pages into records (JSON, one per line)")
    ex.add_argument("files", nargs="+", metavar="PAGE.html")
    ex.add_argument(
        "--url",
        action="append",
        default=[],
        help="the page's URL (a web-archive URL is fine); once for all files or once per file",
    )
    args = parser.parse_args(argv)
    return extract.main(args.files, args.url)


if __name__ == "__main__":
    sys.exit(main())
