"""WARC / WET archives: every page record in the archive, parsed on its own.

warcio reads the record framing (gzip members, headers, HTTP envelopes), which
is easy to get subtly wrong by hand. A broken record is reported and skipped;
it never stops the rest of the archive.

Reading (`iter_records`) and parsing (`parse_record`) are apart so that the
command can read an archive in one process and parse its records in several.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from attrs import frozen

from .errors import ForumParseError, InputError
from .records import Thread

_ARCHIVE_NAME = re.compile(r"\.(?:warc|wet|arc)(?:\.gz)?$", re.I)
PAGE_TYPES = ("response", "resource", "conversion")


@frozen
class ArchiveResult:
    """One page record of an archive: its URI and either the parsed thread or the error."""

    uri: str | None
    thread: Thread | None = None
    error: ForumParseError | None = None
    record_id: str | None = None  # the WARC-Record-ID, e.g. "<urn:uuid:...>"


@frozen
class ArchiveRecord:
    """One page record as read from the archive, not parsed yet (plain data: it pickles)."""

    uri: str | None
    record_id: str | None
    headers: dict  # WARC and HTTP headers, lower-case names
    raw: bytes | None  # the page bytes; None when they could not be read
    text_only: bool = False  # a WET conversion record: the text a page rendered to
    error: str | None = None


def is_archive(path: str | Path) -> bool:
    path = Path(path)
    if _ARCHIVE_NAME.search(path.name):
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError:
        return False
    return head.startswith(b"WARC/")


def parse_archive(path: str | Path, **options) -> Iterator[ArchiveResult]:
    """Parse every HTML page (response/resource) and text page (WET conversion) in a WARC/WET file.

    `options` go to `parse_thread` (adapter=..., now=...); each record's own URI is its url
    and its WARC-Date is the capture time that relative dates resolve against.
    """
    for record in iter_records(path):
        yield parse_record(record, **options)


def iter_records(path: str | Path) -> Iterator[ArchiveRecord]:
    """The page records of a WARC/WET file, read but not parsed; InputError if it is unreadable."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:  # pragma: no cover - warcio is a dependency
        raise InputError("reading WARC/WET archives needs the 'warcio' package") from None
    try:
        fh = Path(path).open("rb")
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    with fh:
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type not in PAGE_TYPES:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                record_id = record.rec_headers.get_header("WARC-Record-ID")
                if record.http_headers is not None:
                    ctype = record.http_headers.get_header("Content-Type") or ""
                    if ctype and not re.search(r"html|text|xml", ctype, re.I):
                        continue
                headers = {k.lower(): v for k, v in record.rec_headers.headers}
                if record.http_headers is not None:
                    headers.update({k.lower(): v for k, v in record.http_headers.headers})
                text_only = record.rec_type == "conversion"
                try:
                    raw = record.content_stream().read()
                except Exception as exc:  # a broken record never stops the archive
                    yield ArchiveRecord(uri, record_id, headers, None, text_only, f"{type(exc).__name__}: {exc}")
                    continue
                yield ArchiveRecord(uri, record_id, headers, raw, text_only)
        except ArchiveLoadFailed as exc:
            raise InputError(f"{path}: not a readable WARC/WET archive: {exc}") from None


def parse_record(record: ArchiveRecord, **options) -> ArchiveResult:
    """One record's thread or error (never raises): see `parse_archive` for `options`."""
    from .api import parse_document
    from .document import Document, decode_bytes, decode_notes

    uri, rid = record.uri, record.record_id
    if record.raw is None:
        return ArchiveResult(uri, error=InputError(record.error or "unreadable record"), record_id=rid)
    try:
        raw = record.raw
        text, encoding = decode_bytes(raw, transport=record.headers.get("content-type"))
        doc = Document(text, url=uri, encoding=encoding, headers=dict(record.headers),
                       warnings=decode_notes(raw, text, encoding))
        if record.text_only:
            doc.is_html, doc.format = False, "text"
        opts = dict(options)
        if not opts.get("url"):
            opts["url"] = uri
        return ArchiveResult(uri, thread=parse_document(doc, **opts), record_id=rid)
    except ForumParseError as exc:
        return ArchiveResult(uri, error=exc, record_id=rid)
    except Exception as exc:  # one bad record never stops the archive
        return ArchiveResult(uri, error=InputError(f"{type(exc).__name__}: {exc}"), record_id=rid)
