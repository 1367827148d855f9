"""Web archives saved by browsers (MHTML: Chrome's "Webpage, Single File" .mhtml, Internet
Explorer's and Opera's .mht): a MIME multipart/related message whose root part is the page.

Only the root HTML part is read; the images, style sheets and frames after it are skipped
without being decoded. The MIME headers are read with the standard library's parser; the
body is cut at the boundary lines by hand, so a page saved with 20 MB of images costs a
split, not a line-by-line MIME parse of every part.
"""
from __future__ import annotations

import base64
import binascii
import re
from email.parser import BytesHeaderParser
from email.policy import compat32

from .errors import InputError

# A saved web archive starts with a short MIME header that declares multipart/related
# (browsers write "From: <Saved by Blink>" or "Saved by Windows Internet Explorer" first).
_HEAD_END = re.compile(rb"\r?\n\r?\n")
_MIME_VERSION = re.compile(rb"^mime-version\s*:", re.I | re.M)
_RELATED = re.compile(rb"^content-type\s*:\s*multipart/related", re.I | re.M)
_FIRST_FIELD = re.compile(rb"[A-Za-z][\w-]*:")
_HEAD_LIMIT = 8192  # the outer header of a web archive is a few hundred bytes


def is_mhtml(raw: bytes) -> bool:
    """Does `raw` start with the MIME header of a web archive?"""
    if not _FIRST_FIELD.match(raw):  # a page starts with markup or text, an archive with a header
        return False
    end = _HEAD_END.search(raw, 0, _HEAD_LIMIT)
    head = raw[:end.start()] if end else b""
    return bool(head) and bool(_MIME_VERSION.search(head)) and bool(_RELATED.search(head))


def unpack(raw: bytes) -> tuple[bytes, dict[str, str], str | None]:
    """The page of a web archive: (its bytes, the archive's headers with lower-case keys, the
    charset its part declares or None). Headers: "content-location" (the page's address, the
    part's or Chrome's Snapshot-Content-Location), "date" (when it was saved), "subject".
    Raises InputError when the archive holds no HTML part."""
    end = _HEAD_END.search(raw, 0, _HEAD_LIMIT)
    outer = _headers(raw[:end.end()])
    boundary = outer.get_param("boundary")
    if not isinstance(boundary, str) or not boundary:
        raise InputError("web archive (MHTML) without a part boundary")
    start = outer.get_param("start")
    root = _root_part(raw[end.end():], boundary.encode("latin-1"), start if isinstance(start, str) else None)
    if root is None:
        raise InputError("web archive (MHTML) holds no HTML page")
    part, body = root
    headers = {key: " ".join(str(value).split()) for key, value in
               (("date", outer.get("date")), ("subject", outer.get("subject")),
                ("content-location", part.get("content-location") or outer.get("snapshot-content-location")))
               if value}
    return _decoded(body, (part.get("content-transfer-encoding") or "").strip().lower()), headers, \
        part.get_content_charset()


def _headers(block: bytes):
    # compat32 keeps the CR of folded CRLF lines in values, which breaks parameter parsing
    return BytesHeaderParser(policy=compat32).parsebytes(block.replace(b"\r\n", b"\n"))


def _root_part(body: bytes, boundary: bytes, start: str | None):
    """(headers, body bytes) of the part named by `start` (a Content-ID), else of the first
    text/html part; None when there is none."""
    # a delimiter is "--boundary" at the start of a line; the line break before it is part of it
    delimiter = re.compile(rb"(?:\r?\n|\A)--" + re.escape(boundary) + rb"(--)?[ \t]*(?:\r?\n|\Z)")
    marks = list(delimiter.finditer(body))
    wanted = start.strip().strip("<>") if start else None
    for here, after in zip(marks, marks[1:] + [None]):
        if here.group(1):  # the closing delimiter: nothing follows
            break
        chunk = body[here.end():after.start() if after is not None else len(body)]
        end = _HEAD_END.search(chunk)
        if end is None:
            continue
        part = _headers(chunk[:end.end()])
        if wanted is not None:
            if (part.get("content-id") or "").strip().strip("<>") == wanted:
                return part, chunk[end.end():]
        elif part.get_content_type() == "text/html":
            return part, chunk[end.end():]
    return None


def _decoded(body: bytes, encoding: str) -> bytes:
    try:
        if encoding == "quoted-printable":
            return binascii.a2b_qp(body)
        if encoding == "base64":
            return base64.b64decode(body)  # line breaks in the data are skipped by the decoder
    except (binascii.Error, ValueError) as exc:
        raise InputError(f"web archive (MHTML) page part is not valid {encoding}: {exc}") from None
    return body


__all__ = ["is_mhtml", "unpack"]
