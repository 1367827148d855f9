"""WARC / WET archives: each page record parsed on its own, bad records reported, never fatal."""
from __future__ import annotations

import io
import json

from conftest import FIXTURES
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import forumparse
from forumparse.archive import is_archive, parse_archive
from forumparse.cli import main

GIVEN = (FIXTURES / "jive" / "given-thread.txt").read_bytes()


def write_archive(path, gzip=True):
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        # a WET conversion record: the text a page rendered to
        writer.write_record(writer.create_warc_record(
            "http://forum.example/thread/1", "conversion", payload=io.BytesIO(GIVEN),
            warc_headers_dict={"WARC-Date": "2011-02-07T10:00:00Z", "Content-Type": "text/plain"}))
        # an HTTP response that is not a page at all
        http = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "http://forum.example/logo.png", "response", payload=io.BytesIO(b"\x89PNG...."), http_headers=http))
        # an HTML response with no forum in it
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "http://forum.example/about", "response",
            payload=io.BytesIO(b"<html><body><p>About us</p></body></html>"), http_headers=http))
        # the same thread again, as a text/plain HTTP response
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "http://forum.example/thread/1?print", "response", payload=io.BytesIO(GIVEN), http_headers=http))


def test_archive_records_are_parsed_one_by_one(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_archive(path)
    assert is_archive(path)
    results = list(parse_archive(path))
    assert [r.uri for r in results] == ["http://forum.example/thread/1", "http://forum.example/about",
                                        "http://forum.example/thread/1?print"]
    first, about, second = results
    assert first.thread.url == "http://forum.example/thread/1"
    assert first.thread.engine == "jive" and len(first.thread.posts) == 3
    assert isinstance(about.error, forumparse.NotAThreadError)
    assert second.thread.posts == first.thread.posts


def test_uncompressed_archive_detected_by_content(tmp_path):
    path = tmp_path / "crawl.bin"
    write_archive(path, gzip=False)
    assert is_archive(path)
    assert sum(r.thread is not None for r in parse_archive(path)) == 2


def test_cli_writes_json_lines_and_reports_bad_records(tmp_path, capsys):
    path = tmp_path / "crawl.warc.gz"
    write_archive(path)
    code = main([str(path)])
    out, err = capsys.readouterr()
    assert code == 1  # one record was not a thread
    assert [json.loads(line)["engine"] for line in out.splitlines()] == ["jive", "jive"]
    assert err.count("\n") == 1 and "http://forum.example/about" in err


def test_folder_of_pages(tmp_path, capsys):
    (tmp_path / "a.txt").write_bytes(GIVEN)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_bytes(GIVEN)
    (tmp_path / ".hidden").write_bytes(b"junk")
    code = main([str(tmp_path)])
    out, _ = capsys.readouterr()
    assert code == 0 and len(out.splitlines()) == 2


def test_truncated_archive_is_our_error_or_partial(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_archive(path)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(path.read_bytes()[:300])
    try:
        results = list(parse_archive(cut))
    except forumparse.ForumParseError:
        return
    assert all(r.thread is not None or r.error is not None for r in results)


def test_cli_lines_and_errors_name_archive_and_record(tmp_path, capsys):
    path = tmp_path / "crawl.warc.gz"
    write_archive(path)
    errors = tmp_path / "errors.jsonl"
    code = main(["--errors", str(errors), str(path)])
    out, _ = capsys.readouterr()
    sources = [json.loads(line)["source"] for line in out.splitlines()]
    assert code == 1
    assert [(s["path"], s["uri"]) for s in sources] == [(str(path), "http://forum.example/thread/1"),
                                                        (str(path), "http://forum.example/thread/1?print")]
    assert all(s["record_id"].startswith("<urn:uuid:") for s in sources)
    assert sources[0]["record_id"] != sources[1]["record_id"]
    (row,) = [json.loads(line) for line in errors.read_text().splitlines()]
    assert row["input"] == str(path) and row["uri"] == "http://forum.example/about"
    assert row["record_id"].startswith("<urn:uuid:") and row["error"] == "NotAThreadError"


def test_cli_archive_records_in_parallel_keep_their_order(tmp_path, capsys):
    path = tmp_path / "crawl.warc.gz"
    write_archive(path)
    missing = str(tmp_path / "missing.warc.gz")  # an archive that cannot be read: one error, the rest goes on
    assert main([str(path), missing, str(path)]) == 1
    serial = capsys.readouterr()
    assert main(["--jobs", "2", str(path), missing, str(path)]) == 1
    parallel = capsys.readouterr()
    assert parallel == serial
    assert len(serial.out.splitlines()) == 4 and len(serial.err.splitlines()) == 3
