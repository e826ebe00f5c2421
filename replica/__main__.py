"""``python -m replica [--port N]``: serve the portal replica until Ctrl-C."""

from __future__ import annotations

import argparse

from replica.server import ReplicaServer


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m replica", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--visits", type=int, default=1234567, help="the visit counter's number")
    args = parser.parse_args()
    server = ReplicaServer((args.host, args.port), visits=args.visits)
    print(f"Serving the portal replica on {server.url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
