"""The faults a crawl meets, named for the manifest by the exception Twisted or Scrapy raises."""

from __future__ import annotations

FAULT_KINDS = {
    "DownloadTimeoutError": "timeout",
    "TimeoutError": "timeout",
    "TCPTimedOutError": "timeout",
    "ResponseNeverReceived": "connection-broken",
    "ResponseFailed": "connection-broken",
    "ConnectionLost": "connection-broken",
    "ConnectionDone": "connection-broken",
    "PotentialDataLoss": "truncated",
    "ResponseDataLossError": "truncated",
    "DownloadFailedError": "connection-broken",
    "ConnectionRefusedError": "connection-refused",
    "DownloadConnectionRefusedError": "connection-refused",
    "UnsupportedURLSchemeError": "unsupported-scheme",
    "CannotResolveHostError": "dns",
    "DNSLookupError": "dns",
    "CancelledError": "too-large",
    "DownloadCancelledError": "too-large",
}


def fault_kind(error: BaseException) -> str:
    name = type(error).__name__
    return FAULT_KINDS.get(name, name)
