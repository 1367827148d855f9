"""Golden files: every fixture page parses to exactly the JSON stored beside it.

Layout: tests/fixtures/<adapter name>/<case>.<html|txt|bin> and <case>.json.
The folder names the adapter that must claim the page by detection.
Regenerate after an intended change with `pytest tests/test_goldens.py --update-goldens`
and review the diff; invariants are checked before anything is written.
"""
from __future__ import annotations

import json

import pytest
from conftest import FIXTURES, golden_pages

import forumparse
from forumparse import registry
from forumparse.document import Document

PAGES = golden_pages()


def _id(path):
    return str(path.relative_to(FIXTURES))


def check_invariants(data: dict, expected_engine: str) -> None:
    assert data["posts"], "a golden thread must have posts"
    assert data["engine"] == expected_engine, f"parsed by {data['engine']}, expected {expected_engine}"
    for post in data["posts"]:
        assert post["body"].strip(), f"post {post['index']} has an empty body"
        assert post["author"] and post["author"]["name"], f"post {post['index']} has no author"
        assert "\n\n\n" not in post["body"]


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_golden(page, request):
    engine = page.parent.name
    thread = forumparse.parse_thread(page)
    data = json.loads(forumparse.to_json(thread))
    expected_path = page.with_suffix(".json")
    if request.config.getoption("--update-goldens"):
        check_invariants(data, engine)
        expected_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    assert expected_path.exists(), f"no golden for {page.name}; run pytest --update-goldens"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert data == expected, f"{page.name} differs from its golden; if intended: pytest {__file__} --update-goldens"


@pytest.mark.parametrize("page", PAGES, ids=_id)
def test_claimed_by_own_adapter(page):
    """Detection: the fixture's own adapter scores highest (or it falls to the generic one)."""
    engine = page.parent.name
    doc = Document.load(page)
    chosen = registry.choose(doc)
    assert chosen.name == engine, f"{page.name} claimed by {chosen.name}, expected {engine}"


def test_no_two_fixture_pages_share_a_golden():
    """case.html and case.txt in one folder would write the same case.json."""
    stems = [page.with_suffix("") for page in PAGES]
    shared = sorted({str(s.relative_to(FIXTURES)) for s in stems if stems.count(s) > 1})
    assert not shared, f"rename one of each pair: {shared}"
