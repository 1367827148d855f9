"""The generic reader's fast lookups give what their plain forms give: the date-word tries match
as the flat alternations (longest word first), walk_list lists what walk yields."""
from __future__ import annotations

import random
import re

import lxml.html
import pytest

from forumparse.dates import MONTHS, WEEKDAYS
from forumparse.html.dates_found import _trie, walk, walk_list


def _flat(words) -> str:
    return "(?:" + "|".join(sorted((re.escape(w) for w in set(words)), key=len, reverse=True)) + ")"


@pytest.mark.parametrize("words", [list(MONTHS), WEEKDAYS.split("|"), ["jun", "june", "juni", "jul", "july", "j"]])
def test_trie_matches_as_the_flat_alternation(words):
    trie, flat = re.compile(_trie(words), re.I), re.compile(_flat(words), re.I)
    rng = random.Random(7)
    samples = list(words) + [w.upper() for w in words] + [w + "x" for w in words]
    letters = "".join(sorted(set("".join(words)))) + "xyz .-"
    samples += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for s in samples:
        a, b = trie.match(s), flat.match(s)
        assert (a and a.group()) == (b and b.group()), s


def _page(rng) -> str:
    parts = []
    for n in range(rng.randint(5, 40)):
        tag = rng.choice(["div", "span", "p", "script", "style", "a"])
        attr = rng.choice(["", ' hidden', ' style="display:none"', ' class="x"', ' aria-hidden="true"', ""])
        inner = "<b>t</b><!-- c -->" if rng.random() < 0.3 else "t"
        parts.append(f"<{tag}{attr}>{inner}{n}" + ("<i>deep</i>" if rng.random() < 0.5 else "") + f"</{tag}>tail")
        if rng.random() < 0.3:
            parts.append("<div>" + "".join(parts[-2:]) + "</div>")
    return "<html><body>" + "".join(parts) + "</body></html>"


def test_walk_list_lists_what_walk_yields():
    rng = random.Random(11)
    for _ in range(300):
        root = lxml.html.fromstring(_page(rng))
        assert walk_list(root) == list(walk(root))
