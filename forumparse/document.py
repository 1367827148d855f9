"""One tolerant loader: any source becomes a decoded, sniffed `Document`.

Bytes are decoded in a fixed order of evidence: BOM, then a declaration inside
the document (`<meta charset>`, XML declaration, HTTP/WARC Content-Type header),
then a statistical detector. Nothing is decoded with errors="ignore": when no
codec fits, we say so.
"""
from __future__ import annotations

import codecs
import os
import re
from functools import cached_property
from itertools import islice
from pathlib import Path

from .errors import InputError
from .mhtml import is_mhtml, unpack

MAX_BYTES = 64 * 1024 * 1024  # a forum page above this is not a page

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)"""
    rb"""|^content-type:[^\r\n]*charset=["']?([\w.:-]+)""",
    re.I | re.M,
)
# Markers only a whole HTML document has (a text dump may quote <p> or <br>, rarely these).
_DOCUMENT_MARKER = re.compile(r"^[ \t]*(?:<!doctype\s+html|<html[\s>])", re.I | re.M)
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
# The first bytes of archives and HTTP responses, where the page starts after a header block.
_HEADER_BLOCK = re.compile(rb"\A(?:WARC/1\.[01]|HTTP/\d(?:\.\d)?\s+\d{3})[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n")
_HEADER_LINE = re.compile(r"^([A-Za-z][\w-]*):[ \t]*(.*?)\s*$", re.M)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_TRANSPORT_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s<>\"]+?)\s*-->", re.I)
_HTTP_EQUIV_CASE = str.maketrans("CONTENTLAGU", "contentlagu")


def _nul_pattern_encoding(raw: bytes) -> str | None:
    """UTF-16/32 text without a BOM shows as regular NUL bytes among ASCII."""
    head = raw[:4000]
    if len(head) < 4 or head.count(0) < len(head) // 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if head[1:4] == b"\0\0\0" or head[0:3] == b"\0\0\0":
        return "utf-32-le" if head[0] else "utf-32-be"
    if odd > even * 3:
        return "utf-16-le"
    if even > odd * 3:
        return "utf-16-be"
    return None


def _codec(name: str | bytes | None) -> str | None:
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "replace")
    label = name.strip().lower()
    try:
        codec = codecs.lookup(_LABELS.get(label, label)).name
    except LookupError:
        return None
    return _SUPERSETS.get(codec, codec)


# Labels pages use that Python does not know (from the WHATWG Encoding standard's label table).
_LABELS = {"x-gbk": "gbk", "windows-31j": "cp932", "x-sjis": "shift_jis", "x-euc-jp": "euc_jp",
           "iso-8859-8-i": "iso8859-8", "x-mac-roman": "mac_roman", "x-mac-cyrillic": "mac_cyrillic",
           "windows-874": "cp874", "x-cp1251": "cp1251", "x-cp1250": "cp1250"}
# What pages that name these encodings are in practice written in: the Windows code page that
# extends it (the HTML standard decodes them so too). A page "in Latin-1" has curly quotes from
# Windows-1252, one "in GB2312" characters only GBK has, one "in Shift_JIS" NEC's circled digits.
_SUPERSETS = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "gb2312": "gb18030",
              "gbk": "gb18030", "shift_jis": "cp932", "euc_kr": "cp949", "big5": "big5hkscs",
              "iso8859-9": "cp1254", "tis-620": "cp874", "iso8859-11": "cp874"}


def decode_bytes(raw: bytes, *, transport: str | None = None) -> tuple[str, str]:
    """Decode page bytes; return (text, encoding used). `transport` is the Content-Type header
    the page was served with (its charset decides bytes that are neither UTF-8 nor declared)."""
    text, encoding, _ = _decode(raw, transport=transport)
    return text, encoding


def _decode(raw: bytes, declared: str | None = None, transport: str | None = None) -> tuple[str, str, bytes | None]:
    """decode_bytes, plus the bytes the text is the strict UTF-8 decoding of (None when it
    is not): lxml parses those faster than the text when the text is not Latin-1 only.
    `declared` is a charset stated outside the page (a MIME part's), tried after a BOM;
    `transport` an HTTP Content-Type header, tried after the page's own declaration and UTF-8
    (servers send a default "ISO-8859-1" for pages of any encoding; valid UTF-8 is UTF-8)."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            raw = raw[len(bom):]
            return (*_strict(raw, enc), raw if enc == "utf-8" else None)
    found = _decoded_as(raw, _byte_codec(declared))
    if found:
        return found  # (a wrong label: the page's own evidence decides)
    nul = _nul_pattern_encoding(raw)
    if nul:
        try:
            return (*_strict(raw, nul), None)
        except InputError:
            pass
    head = raw[:32768]
    lowered = head.lower()  # each alternative of _DECLARED names one of these words: skip its slow scan
    for match in _DECLARED.finditer(head) if b"charset" in lowered or b"encoding" in lowered else ():
        enc = _byte_codec(next(g for g in match.groups() if g))
        if enc:
            found = _decoded_as(raw, enc)
            if found:
                return found
            break  # the declaration lies; fall through to detection
    try:
        return raw.decode("utf-8"), "utf-8", raw
    except UnicodeDecodeError:
        pass
    served = _TRANSPORT_CHARSET.search(transport or "")
    found = _decoded_as(raw, _byte_codec(served.group(1)) if served else None)  # (UTF-8 failed above)
    if found:
        return found
    text, encoding = _guess(raw)
    return text, encoding, None


def _byte_codec(label: str | bytes | None) -> str | None:
    """The codec a label names, unless a UTF-16/32 one: without a BOM or the NUL pattern such a
    label on the bytes is wrong."""
    enc = _codec(label)
    return None if not enc or enc.startswith(("utf-16", "utf-32")) else enc


def _decoded_as(raw: bytes, enc: str | None) -> tuple[str, str, bytes | None] | None:
    """_decode's answer for `raw` in codec `enc`, or None when there is no codec or it does not fit."""
    if not enc:
        return None
    try:
        return raw.decode(enc), enc, raw if enc == "utf-8" else None
    except UnicodeDecodeError:
        return None


def _guess(raw: bytes) -> tuple[str, str]:
    """Bytes that are no UTF-8 and declare no encoding that fits."""
    # A few high bytes in otherwise ASCII text is Western text: statistical detectors guess
    # wildly on so little evidence, and Windows-1252 is what such pages nearly always are.
    high = len(raw) - len(raw.translate(None, _HIGH_BYTES))
    if high <= max(8, len(raw) // 200):
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return raw.decode("latin-1"), "latin-1"
    import logging

    from bs4.dammit import UnicodeDammit

    # UnicodeDammit logs its replacements; we report them on the thread instead (Document.warnings)
    dammit_log = logging.getLogger("bs4.dammit")
    level = dammit_log.level
    dammit_log.setLevel(logging.ERROR)
    try:
        dammit = UnicodeDammit(raw, known_definite_encodings=[], is_html=True)
    finally:
        dammit_log.setLevel(level)
    if dammit.unicode_markup is not None and dammit.original_encoding:
        return dammit.unicode_markup, dammit.original_encoding
    raise InputError("could not determine the text encoding of the input")


def decode_notes(raw: bytes, text: str, encoding: str) -> list[str]:
    """What the reader should know about a decode: characters that no codec could read."""
    replaced = text.count("\ufffd")
    if replaced and encoding.startswith("utf"):  # the page's own U+FFFD characters do not count
        replaced -= raw.count(b"\xef\xbf\xbd")
    if replaced > 0:
        return [f"{replaced} byte sequence(s) could not be decoded as {encoding} and were replaced by U+FFFD"]
    return []


def _strict(raw: bytes, enc: str) -> tuple[str, str]:
    try:
        return raw.decode(enc), enc
    except UnicodeDecodeError as exc:
        raise InputError(f"input is not valid {enc}: {exc.reason} at byte {exc.start}") from None


def read_source(source) -> tuple[str | bytes, str | None]:
    """Return (str or bytes content, path or None) for any supported source."""
    if isinstance(source, os.PathLike):
        return _read_path(Path(source)), os.fspath(source)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), None
    if isinstance(source, str):
        # A short single-line string that names a file is a path; anything else is content.
        if len(source) < 4096 and "\n" not in source and "<" not in source:
            try:
                is_file = os.path.isfile(source)
            except (OSError, ValueError):
                is_file = False
            if is_file:
                return _read_path(Path(source)), source
        return source, None
    if hasattr(source, "read"):
        try:
            data = source.read(MAX_BYTES + 1)
        except (OSError, ValueError) as exc:
            raise InputError(f"could not read the input stream: {exc}") from None
        if isinstance(data, str):
            return data, getattr(source, "name", None)
        if isinstance(data, (bytes, bytearray)):
            if len(data) > MAX_BYTES:
                raise InputError(f"input larger than {MAX_BYTES} bytes")
            return bytes(data), getattr(source, "name", None)
        raise InputError("the file object returned neither bytes nor text")
    raise InputError(f"cannot read a forum page from a {type(source).__name__}")


def _read_path(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{path}: larger than {MAX_BYTES} bytes")
        raw = path.read_bytes()
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    if path.suffix == ".gz" or raw[:2] == b"\x1f\x8b":
        import gzip

        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise InputError(f"{path}: broken gzip data: {exc}") from None
    return raw


class Document:
    """A decoded page: its text, whether it is HTML, headers it carried, and a lazy lxml tree."""

    def __init__(self, text: str, *, url: str | None = None, path: str | None = None,
                 encoding: str | None = None, headers: dict[str, str] | None = None,
                 warnings: list[str] | None = None):
        self.text = text.replace("\x00", "") if "\x00" in text else text  # (replace copies even when absent)
        self.warnings = list(warnings or ())  # about the input itself (undecodable bytes); go on the thread
        self.url = url
        self.path = path
        self.encoding = encoding
        self.headers = headers or {}  # HTTP / WARC headers that preceded the page, lower-case keys
        self.is_html = sniff_html(self.text)
        self.format = "html" if self.is_html else "text"
        self._utf8: bytes | None = None  # bytes whose UTF-8 decoding is self.text (Document.load)
        self.unhinted = False  # set by the registry: no adapter's hint shows in the page's fingerprint

    @classmethod
    def load(cls, source, *, url: str | None = None) -> Document:
        content, path = read_source(source)
        headers: dict[str, str] = {}
        notes: list[str] = []
        utf8 = None
        if isinstance(content, bytes):
            content, headers = _split_header_block(content)
            charset = None
            if is_mhtml(content):  # a browser's single-file save: the page is its root part
                content, saved, charset = unpack(content)
                headers = {**saved, **headers}
                url = url or saved.get("content-location")
            text, encoding, utf8 = _decode(content, charset, headers.get("content-type"))
            # a strict UTF-8 decoding replaced nothing: each U+FFFD was in the page (no count needed)
            notes = decode_notes(content, text, encoding) if utf8 is None else []
        else:
            text, encoding = content, None
            if text.startswith("\ufeff"):
                text = text[1:]
        doc = cls(text, url=url, path=path, encoding=encoding, headers=headers, warnings=notes)
        if utf8 is not None and len(doc.text) == len(text):  # no NUL taken out: the bytes still match
            doc._utf8 = utf8
        return doc

    @cached_property
    def tree(self):
        """The lxml HTML tree (parsed once, on first use). None for text input."""
        if not self.is_html:
            return None
        from .html.tree import parse_html

        return parse_html(self.text, utf8=self._utf8)

    @cached_property
    def saved_url(self) -> str | None:
        """The address a browser saved the page from, as its "Mark of the Web" comment says
        (`<!-- saved from url=(0047)https://... -->`, first thing in the file). A fallback for the
        thread's URL: the caller's address and the page's canonical link come first."""
        if not self.is_html:
            return None
        match = _SAVED_FROM.search(self.text, 0, 4096)
        return match.group(1) if match else None

    @cached_property
    def lines(self) -> list[str]:
        """The text split into lines, line ends of any kind normalised."""
        text = self.text
        if "\r" in text:  # a replace reads the whole text even when there is nothing to replace
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text.split("\n")

    @cached_property
    def lang(self) -> str | None:
        """The page's declared language (`<html lang>`, Content-Language), lower-case primary tag."""
        value = None
        if self.is_html and self.tree is not None:
            value = self.tree.get("lang") or self.tree.get("{http://www.w3.org/XML/1998/namespace}lang")
            if not value:  # <meta http-equiv="Content-Language" content=...> (the XPath translate() rule)
                value = next((meta.get("content") for meta in self.tree.iter("meta")
                              if (meta.get("http-equiv") or "").translate(_HTTP_EQUIV_CASE) == "content-language"
                              and meta.get("content") is not None), None)
        value = value or self.headers.get("content-language")
        return value.strip().split(",")[0].lower() if value and value.strip() else None


def _split_header_block(raw: bytes) -> tuple[bytes, dict[str, str]]:
    """Strip WARC / HTTP header blocks in front of a page, keeping their fields."""
    headers: dict[str, str] = {}
    for _ in range(3):  # WARC header, then HTTP header, possibly a 100-continue
        match = _HEADER_BLOCK.match(raw)
        if not match:
            break
        block = match.group(0).decode("latin-1")
        for key, value in _HEADER_LINE.findall(block):
            headers.setdefault(key.lower(), value)
        raw = raw[match.end():]
    return raw, headers


def sniff_html(text: str) -> bool:
    """HTML or a text dump? A page starts with markup or is dense with it; a text dump that
    quotes a few tags (a question about HTML, a code sample) is still text."""
    head = text[:5000].lstrip()
    if head.startswith("<") and _HTML_TAG.match(head):
        return True
    sample = text[:20000]
    enough = max(10, len(sample) // 400)
    tags = sum(1 for _ in islice(_HTML_TAG.finditer(sample), enough + 1))  # counting stops past `enough`
    if tags > enough:
        return True
    # a few lines of junk before a real document (a server warning): the document starts near the top
    return bool(_DOCUMENT_MARKER.search(text[:1500])) and tags >= 5


__all__ = ["Document", "decode_bytes", "read_source", "sniff_html"]
