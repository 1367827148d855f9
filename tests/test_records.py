"""Records, JSON round trip, and the JSON Schema in docs/."""
from __future__ import annotations

import json
from pathlib import Path

import attrs
import jsonschema
import pytest
from conftest import golden_pages

import forumparse
from forumparse import Author, Post, Quote, Thread

SCHEMA = json.loads((Path(__file__).parent.parent / "docs" / "thread.schema.json").read_text(encoding="utf-8"))


def test_converters_normalise():
    author = Author(name="  Bob \n Smith ", post_count="1,234", rank="  ")
    assert author.name == "Bob Smith"
    assert author.post_count == 1234
    assert author.rank is None
    thread = Thread(views="2,168", posts=[Post(body="x")], breadcrumbs=["a", " ", None])
    assert thread.views == 2168
    assert isinstance(thread.posts, tuple)
    assert thread.breadcrumbs == ("a",)


def test_records_are_frozen():
    post = Post(body="x")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        post.body = "y"


def test_round_trip_full_record():
    thread = Thread(
        title="T", url="http://x/t", engine="jive", source_format="html", breadcrumbs=["Forum", "Sub"],
        views=3, reply_count=1, latest_reply=forumparse.LatestReply(author="a", timestamp="2011-02-06T21:31:00"),
        page=1, page_count=2, next_page_url="http://x/t?page=2",
        posts=[Post(index=0, post_id="7", author=Author(name="a", joined="2011-02"), timestamp="2011-02-06",
                    body="hi", quotes=[Quote(author="b", text="q", post_id="6")], likes=2,
                    attachments=["http://x/a.png"])],
        warnings=["w"],
    )
    data = forumparse.to_dict(thread)
    assert data["posts"][0]["quotes"] == [{"author": "b", "text": "q", "post_id": "6"}]
    assert forumparse.from_dict(data) == thread
    assert forumparse.from_dict(json.loads(forumparse.to_json(thread))) == thread
    jsonschema.validate(data, SCHEMA)


def test_from_dict_rejects_garbage_with_our_error():
    with pytest.raises(forumparse.InputError):
        forumparse.from_dict({"posts": "not a list of posts", "views": {"x": 1}})


@pytest.mark.parametrize("page", golden_pages()[::3], ids=lambda p: p.name)
def test_real_output_matches_schema_and_round_trips(page):
    thread = forumparse.parse_thread(page)
    data = forumparse.to_dict(thread)
    jsonschema.validate(data, SCHEMA)
    assert forumparse.from_dict(data) == thread


def test_schema_rejects_a_wrong_shape():
    data = forumparse.to_dict(Thread(engine="x", source_format="text", posts=[Post(body="b")]))
    data["posts"][0]["timestamp"] = "Feb 6, 2011"  # raw text where ISO belongs
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)
