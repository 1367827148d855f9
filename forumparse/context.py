"""What an adapter gets besides the document: reference time, dates, warnings."""
from __future__ import annotations

from datetime import datetime

from .dates import DateContext


class ParseContext:
    """Per-parse state shared by the adapter and the finishing steps."""

    def __init__(self, doc, *, url: str | None = None, now: datetime | None = None,
                 date_order: str | None = None, tz=None):
        self.doc = doc
        self.url = url or doc.url
        self.dates = DateContext(now=now or capture_time(doc), date_order=date_order, tz=tz)
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def capture_time(doc) -> datetime | None:
    """When the dump was captured, if the dump says so (WARC-Date, HTTP Date header)."""
    from email.utils import parsedate_to_datetime

    for key in ("warc-date", "date"):
        value = doc.headers.get(key)
        if not value:
            continue
        try:
            if key == "warc-date":
                return datetime.fromisoformat(value.replace("Z", "+00:00"))
            return parsedate_to_datetime(value)
        except (TypeError, ValueError):
            continue
    return None
