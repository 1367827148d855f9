"""Browser web archives (.mhtml / .mht): the root HTML part is the page; its address, save
date and charset come from the MIME headers."""
from __future__ import annotations

import base64
import binascii
from pathlib import Path

import pytest

import forumparse
from forumparse.document import Document
from forumparse.errors import InputError
from forumparse.mhtml import is_mhtml, unpack

FIXTURES = Path(__file__).parent / "fixtures"
PHPBB = FIXTURES / "phpbb" / "prosilver-32.html"
HN_2012 = FIXTURES / "hackernews" / "hn-nested-tables-2012.html"
BOUNDARY = "----MultipartBoundary--AbCdEf0123456789----"


def _chrome(page: bytes, *, url="https://forum.example.org/viewtopic.php?t=7",
            date="Wed, 25 Nov 2026 10:00:00 -0000", encoding="quoted-printable", charset=None,
            start=None, html_first=True) -> bytes:
    """A web archive as Chrome writes it: outer header, the page, then an image part."""
    body = binascii.b2a_qp(page) if encoding == "quoted-printable" else base64.encodebytes(page)
    ctype = "text/html" + (f'; charset="{charset}"' if charset else "")
    html = (f"Content-Type: {ctype}\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
            f"Content-Transfer-Encoding: {encoding}\r\nContent-Location: {url}\r\n\r\n").encode() + body
    image = (b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
             b"Content-Location: https://forum.example.org/logo.png\r\n\r\n"
             + base64.encodebytes(b"\x89PNG not really an image" * 50))
    parts = [html, image] if html_first else [image, html]
    start_param = f';\r\n\tstart="{start}"' if start else ""
    head = (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\nSubject: A thread\r\n"
            f"Date: {date}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
            f'\ttype="text/html";\r\n\tboundary="{BOUNDARY}"{start_param}\r\n\r\n').encode()
    delimiter = f"\r\n--{BOUNDARY}\r\n".encode()
    return head + b"".join(delimiter + part for part in parts) + f"\r\n--{BOUNDARY}--\r\n".encode()


def _same_posts(a, b):
    assert [(p.author.name if p.author else None, p.timestamp, p.body) for p in a.posts] == \
        [(p.author.name if p.author else None, p.timestamp, p.body) for p in b.posts]


@pytest.mark.parametrize("encoding", ["quoted-printable", "base64"])
def test_web_archive_reads_like_the_page_it_holds(encoding):
    page = PHPBB.read_bytes()
    archive = _chrome(page, encoding=encoding)
    assert is_mhtml(archive) and not is_mhtml(page)
    got, plain = forumparse.parse_thread(archive), forumparse.parse_thread(page)
    _same_posts(got, plain)
    assert got.engine == "phpbb" and got.title == plain.title and len(got.posts) >= 2


def test_the_saved_address_is_the_page_url_unless_the_caller_gives_one():
    archive = _chrome(PHPBB.read_bytes(), url="https://forum.example.org/viewtopic.php?t=7&start=20")
    assert Document.load(archive).url == "https://forum.example.org/viewtopic.php?t=7&start=20"
    assert Document.load(archive, url="https://mirror.example/t7").url == "https://mirror.example/t7"


def test_the_save_date_resolves_relative_dates():
    plain = forumparse.parse_thread(HN_2012.read_bytes())
    assert plain.posts[0].timestamp is None  # "5 days ago" with nothing to count from
    got = forumparse.parse_thread(_chrome(HN_2012.read_bytes(), date="Wed, 25 Nov 2026 10:00:00 -0000"))
    assert got.posts[0].timestamp_raw == "5 days ago"
    assert got.posts[0].timestamp.startswith("2026-11-20")


def test_the_part_charset_decodes_a_page_that_declares_none():
    page = ("<html><body><p>Привет, форум</p></body></html>").encode("windows-1251")
    doc = Document.load(_chrome(page, charset="windows-1251"))
    assert doc.encoding == "cp1251" and "Привет, форум" in doc.text


def test_the_start_parameter_names_the_root_part_wherever_it_is():
    archive = _chrome(PHPBB.read_bytes(), start="<frame-1@mhtml.blink>", html_first=False)
    html, headers, _charset = unpack(archive)
    assert html == PHPBB.read_bytes()
    assert headers["content-location"].startswith("https://forum.example.org/viewtopic.php")
    assert headers["subject"] == "A thread"


def test_ie_archive_with_preamble_and_lf_line_ends():
    page = PHPBB.read_bytes()
    archive = (b'From: <Saved by Windows Internet Explorer 8>\nSubject: t\nMIME-Version: 1.0\n'
               b'Content-Type: multipart/related;\n\ttype="text/html";\n\tboundary="----=_NextPart_000_0000_01CA"\n'
               b'X-MimeOLE: Produced By Microsoft MimeOLE V6.00.2900.5512\n\n'
               b'This is a multi-part message in MIME format.\n\n------=_NextPart_000_0000_01CA\n'
               b'Content-Type: text/html;\n\tcharset="utf-8"\nContent-Transfer-Encoding: quoted-printable\n'
               b'Content-Location: http://forum.example.org/t7\n\n') + binascii.b2a_qp(page) \
        + b"\n------=_NextPart_000_0000_01CA--\n"
    _same_posts(forumparse.parse_thread(archive), forumparse.parse_thread(page))


def test_archive_without_a_page_is_an_input_error():
    archive = _chrome(b"<html></html>").replace(b"Content-Type: text/html", b"Content-Type: text/css")
    with pytest.raises(InputError, match="no HTML page"):
        forumparse.parse_thread(archive)
    no_boundary = b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n--x\r\n"
    with pytest.raises(InputError, match="boundary"):
        forumparse.parse_thread(no_boundary)
