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
        self.dates = DateContext(now=now, date_order=date_order, tz=tz)
        # What the page says about its own times, read once when a date first needs it: the zone
        # it shows them in, and (for "Yesterday" and "2 hours ago") when it was shown, unless the
        # caller said: page footer or saver's comment, then WARC-Date, then the HTTP Date header.
        self.dates.defer_page(doc.text, lambda: capture_time(doc) or header_time(doc))
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def capture_time(doc) -> datetime | None:
    """When the dump was captured, if an archive header says so (WARC-Date). A page footer
    ("It is currently ...") goes first: it gives the time in the zone the page shows dates in."""
    value = doc.headers.get("warc-date")
    if value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
    return None


def header_time(doc) -> datetime | None:
    """The HTTP Date header: when the server sent the page (after what the page itself says,
    since a page footer gives the time in the zone the page shows its dates in)."""
    from email.utils import parsedate_to_datetime

    value = doc.headers.get("date")
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
