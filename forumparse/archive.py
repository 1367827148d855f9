"""WARC / WET archives: every page record in the archive, parsed on its own.

warcio reads the record framing (gzip members, headers, HTTP envelopes), which
is easy to get subtly wrong by hand. A broken record is reported and skipped;
it never stops the rest of the archive.
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
    from .api import parse_document
    from .document import Document, decode_bytes, decode_notes

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
                if record.http_headers is not None:
                    ctype = record.http_headers.get_header("Content-Type") or ""
                    if ctype and not re.search(r"html|text|xml", ctype, re.I):
                        continue
                headers = {k.lower(): v for k, v in record.rec_headers.headers}
                if record.http_headers is not None:
                    headers.update({k.lower(): v for k, v in record.http_headers.headers})
                try:
                    raw = record.content_stream().read()
                    text, encoding = decode_bytes(raw)
                    doc = Document(text, url=uri, encoding=encoding, headers=headers,
                                   warnings=decode_notes(raw, text, encoding))
                    if record.rec_type == "conversion":  # WET: the text a page rendered to
                        doc.is_html, doc.format = False, "text"
                    opts = dict(options)
                    opts.setdefault("url", uri)
                    yield ArchiveResult(uri, thread=parse_document(doc, **opts))
                except ForumParseError as exc:
                    yield ArchiveResult(uri, error=exc)
                except Exception as exc:  # one bad record never stops the archive
                    yield ArchiveResult(uri, error=InputError(f"{type(exc).__name__}: {exc}"))
        except ArchiveLoadFailed as exc:
            raise InputError(f"{path}: not a readable WARC/WET archive: {exc}") from None
