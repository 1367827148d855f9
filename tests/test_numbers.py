"""forumparse.numbers.parse_count: counts as forums print them."""
from __future__ import annotations

import pytest

from forumparse.numbers import parse_count


@pytest.mark.parametrize("text, want", [
    ("57", 57), ("Posts: 57", 57), ("1,234", 1234), ("1.234", 1234), ("1 234", 1234),
    ("1\u00a0234", 1234), ("1\u202f234", 1234), ("1\u2009234", 1234), ("Beiträge: 1.234.567", 1234567),
    ("1'234", 1234), ("12.3k", 12300), ("38k", 38000), ("2M", 2000000), ("5 тыс.", 5000),
    ("Messages : 1\u2009024", 1024), (42, 42),
])
def test_counts(text, want):
    assert parse_count(text) == want


@pytest.mark.parametrize("text", [None, "", "no number here", "Posts: none"])
def test_no_count(text):
    assert parse_count(text) is None


def test_abbreviated_counts_are_refused_where_an_exact_figure_is_needed():
    assert parse_count("38k", allow_abbrev=False) is None
    assert parse_count("38,000", allow_abbrev=False) == 38000
