"""``python -m replica.webarchive [--port N]``: serve the Wayback Machine emulator until Ctrl-C.

``--write-warcs DIR`` writes the captures' WARC files into DIR instead (for a pywb collection)."""

from __future__ import annotations

import argparse
from pathlib import Path

from replica.webarchive.warcs import write_warcs
from replica.webarchive.wayback import WaybackServer


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m replica.webarchive", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8766, help="0 picks a free port")
    parser.add_argument("--write-warcs", type=Path, metavar="DIR", help="write the WARC files into DIR and exit")
    args = parser.parse_args()
    if args.write_warcs:
        for path in write_warcs(args.write_warcs):
            print(path)
        return
    server = WaybackServer((args.host, args.port))
    print(f"Serving the web archive emulator on {server.url} (CDX: {server.url}cdx/search/cdx)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
