"""A local web archive of the portal: captures 2019 → 2025 (captures.py), their WARC files
(warcs.py), a Wayback Machine emulator (wayback.py) and what a perfect import yields (truth.py)."""
