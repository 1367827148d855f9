"""Bad input gets our own error (or a Thread), never a foreign traceback, never a hang."""
from __future__ import annotations

import io
import random

import pytest
from conftest import FIXTURES, golden_pages

import forumparse
from forumparse import ForumParseError, InputError, NotAThreadError

GIVEN = (FIXTURES / "jive" / "given-thread.txt").read_text(encoding="utf-8")


def parse_or_our_error(source):
    """Either a Thread with posts or a ForumParseError; anything else fails the test."""
    try:
        thread = forumparse.parse_thread(source)
    except ForumParseError as exc:
        return exc
    assert thread.posts
    return thread


@pytest.mark.parametrize("source", ["", "   \n\t ", b"", b"\xef\xbb\xbf"], ids=["empty", "blank", "bytes", "bom"])
def test_empty_input_is_not_a_thread(source):
    with pytest.raises(NotAThreadError):
        forumparse.parse_thread(source)


def test_non_forum_page_is_not_a_thread():
    page = "<html><head><title>Recipes</title></head><body><h1>Soup</h1><p>Boil water.</p></body></html>"
    with pytest.raises(NotAThreadError):
        forumparse.parse_thread(page)


def test_random_bytes_give_our_error():
    noise = bytes(random.Random(7).getrandbits(8) for _ in range(50_000))
    with pytest.raises(ForumParseError):
        forumparse.parse_thread(noise)


def test_missing_file_and_wrong_type_are_input_errors(tmp_path):
    with pytest.raises(InputError):
        forumparse.parse_thread(tmp_path / "nope.html")
    with pytest.raises(InputError):
        forumparse.parse_thread(12345)
    with pytest.raises(InputError):
        forumparse.parse_thread(tmp_path)  # a directory


def test_unknown_adapter_is_our_error():
    with pytest.raises(forumparse.UnknownAdapterError):
        forumparse.parse_thread(GIVEN, adapter="no-such-engine")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"])
def test_wide_encodings_are_decoded(encoding):
    thread = forumparse.parse_thread(GIVEN.encode(encoding))
    assert [p.author.name for p in thread.posts] == ["ChicagoBlv31", "Petronio", "Petronio"]


def test_declared_charset_is_honoured():
    page = '<html><head><meta charset="koi8-r"></head><body><p>Привет</p></body></html>'.encode("koi8-r")
    doc = forumparse.Document.load(page)
    assert doc.encoding == "koi8-r" and "Привет" in doc.text


def test_file_object_of_text():
    thread = forumparse.parse_thread(io.StringIO(GIVEN))
    assert len(thread.posts) == 3


@pytest.mark.parametrize("name, source", [
    ("5 MB single line of text", "word " * 1_000_000),
    ("5 MB single line of html", "<html><body><p>" + "word " * 1_000_000),
    ("100,000 nested tags", "<html><body>" + "<div>" * 100_000 + "hello" + "</div>" * 100_000),
    ("billion laughs", '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
                       '&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>&c;</p>'
                       '</body></html>'),
    ("external entity", '<?xml version="1.0"?><!DOCTYPE f [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                        '<html><body><p>&x;</p></body></html>'),
])
def test_hostile_input_gives_our_error_quickly(name, source):
    result = parse_or_our_error(source)
    if isinstance(result, forumparse.Thread):
        assert "root:" not in forumparse.to_json(result)  # the external entity was never read


PAGES = golden_pages()


@pytest.mark.parametrize("page", PAGES[::2], ids=lambda p: p.name)
def test_truncated_and_byte_flipped_pages(page):
    raw = page.read_bytes()
    rng = random.Random(len(raw))
    parse_or_our_error(raw[: len(raw) // 2])
    flipped = bytearray(raw)
    for _ in range(max(1, len(raw) // 200)):
        flipped[rng.randrange(len(flipped))] ^= 0xFF
    parse_or_our_error(bytes(flipped))


def test_undecodable_bytes_are_a_warning_on_the_thread():
    raw = GIVEN.encode("utf-8").replace(b"Thanks a bunch.", b"Thanks \x81\x8d\x90\x9d" * 40 + b"\xff\xfe\x80" * 300)
    thread = forumparse.parse_thread(raw)
    assert len(thread.posts) == 3
    assert any("could not be decoded" in w for w in thread.warnings)
    clean = forumparse.parse_thread(GIVEN.encode("utf-8"))
    assert not any("could not be decoded" in w for w in clean.warnings)
