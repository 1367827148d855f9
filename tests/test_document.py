"""Loading: the UTF-8 bytes shortcut parses the same tree as the text, sniffing and decode notes."""
from __future__ import annotations

import codecs
from pathlib import Path

import lxml.etree
import pytest

from forumparse.document import Document, decode_notes, sniff_html
from forumparse.html.tree import parse_html

FIXTURES_DIR = Path(__file__).parent / "fixtures"


def _serialised(root) -> str:
    return lxml.etree.tostring(root.getroottree(), encoding="unicode")


@pytest.mark.parametrize("page", [
    '<html><head><meta charset="windows-1252"></head><body><p>é “x” 😀 日本</p></body></html>',
    '<html><body><p>a\r\nb\x01c &#0; &#x80;</p><script>var s="</p>"</script></body></html>',
    '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>ü 😀</p></body></html>',
    "<!DOCTYPE html><html><body><p>plain ascii</p></body></html>",
])
def test_tree_from_utf8_bytes_is_the_tree_of_the_text(page):
    for raw in (page.encode("utf-8"), codecs.BOM_UTF8 + page.encode("utf-8")):
        doc = Document.load(raw)
        assert doc._utf8 is not None
        assert _serialised(doc.tree) == _serialised(parse_html(doc.text))
    assert Document(page).text == page  # text given as str: no bytes kept
    assert Document(page)._utf8 is None


def test_nul_bytes_leave_the_bytes_behind():
    doc = Document.load("<html><body><p>a\x00b 😀</p></body></html>".encode())
    assert doc._utf8 is None
    assert doc.tree.findtext(".//p") == "ab 😀"


def test_bytes_in_another_encoding_parse_from_the_text():
    doc = Document.load('<html><head><meta charset="windows-1252"></head><body><p>caf\xe9 \x93q\x94</p>'
                        '</body></html>'.encode("latin-1"))
    assert doc.encoding == "cp1252" and doc._utf8 is None
    assert doc.tree.findtext(".//p") == "café “q”"


def test_sniff_counts_tags_up_to_the_threshold():
    words = "word " * 800  # 4000 characters: the threshold is 10 tags
    assert not sniff_html(f"note {words}" + "<b>x</b>" * 5)  # 10 tags
    assert sniff_html(f"note {words}" + "<b>x</b>" * 5 + "<i>")  # 11
    assert sniff_html("junk line\n<!DOCTYPE html>\n" + "<p>a</p>" * 3 + words)  # marker and 6 tags


def test_decode_notes_count_only_replaced_bytes():
    raw = "ok \ufffd".encode()  # the page's own U+FFFD
    assert decode_notes(raw, raw.decode(), "utf-8") == []
    assert decode_notes(b"a\xff", "a\ufffd", "utf-8")[0].startswith("1 byte sequence")
    assert decode_notes(b"abc", "abc", "cp1252") == []


def test_saved_from_comment_is_the_url_when_the_page_gives_none():
    import forumparse

    mark = "<!-- saved from url=(0052)https://forum.example.org/viewtopic.php?f=2&t=77 -->\n"
    bare = (FIXTURES_DIR / "hackernews" / "hn-nested-tables-2012.html").read_text(encoding="utf-8")
    assert forumparse.parse_thread(bare.encode()).url is None
    assert forumparse.parse_thread((mark + bare).encode()).url == "https://forum.example.org/viewtopic.php?f=2&t=77"
    # the caller's address and the page's canonical link come first
    assert forumparse.parse_thread((mark + bare).encode(), url="https://x.example/t").url == "https://x.example/t"
    canonical = (FIXTURES_DIR / "phpbb" / "prosilver-32.html").read_text(encoding="utf-8")
    assert forumparse.parse_thread((mark + canonical).encode()).url == "https://engines.example.org/viewtopic.php?t=900"
    assert Document.load(b"saved from url=(0020)https://a.example/ as text").saved_url is None


def test_served_charset_decides_undeclared_legacy_bytes_but_not_utf8():
    page = "<html><body><p>Привет</p></body></html>"  # too few letters for a detector to tell
    served = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n"
    doc = Document.load(served + page.encode("windows-1251"))
    assert doc.encoding == "cp1251" and "Привет" in doc.text
    lying = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n"
    doc = Document.load(lying + page.encode("utf-8"))  # the default header of a UTF-8 page
    assert doc.encoding == "utf-8" and "Привет" in doc.text


@pytest.mark.parametrize("label, text, codec", [
    ("gb2312", "朱镕基 说", "gbk"),             # 镕 is GBK only
    ("shift_jis", "①番目の投稿", "cp932"),      # NEC's circled digits: Windows-31J only
    ("euc-kr", "똠방각하 글", "cp949"),          # 똠 is in Windows-949 only
    ("x-gbk", "论坛", "gbk"),                  # a label Python does not know
    ("iso-8859-1", "“quoted”", "cp1252"),
])
def test_declared_legacy_encodings_read_as_their_windows_supersets(label, text, codec):
    page = f'<html><head><meta charset="{label}"></head><body><p>{text}</p></body></html>'
    doc = Document.load(page.encode(codec))
    assert text in doc.text
