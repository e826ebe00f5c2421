"""More ways a server can hurt an archive, one module per kind of trouble.

Each module has ``FAULTS`` (path → what it does, linked from the fault server's home
page) and ``handle(handler, method, path, query, body) -> bool``, which answers the
request and returns True when the path is its own. ``replica.faults`` asks each in turn.
"""

from replica.hostile import encodings, kinds, links, text

MODULES = (encodings, links, text, kinds)
