"""The post date lines (anchors) of a dump, where the thread ends, and whether a date line
opens or closes its post."""
from __future__ import annotations

import re
from collections import Counter

from ...vocab import THREAD_END
from ..tokens import Token
from .names import RE_LINE, is_text


def choose_anchors(tokens: list[Token]) -> list[int]:
    """Indexes of the post date lines: the date lines of the most common shape."""
    groups: dict[tuple, list[int]] = {}
    for i, tok in enumerate(tokens):
        if tok.kind != "date":
            continue
        parsed = tok.data["date"]
        key = (tok.data["date_kind"], parsed.precision, _residual_key(tok.data["residual"]))
        groups.setdefault(key, []).append(i)
    if not groups:
        return []
    # equal counts: a join date shows the day, a post date the time too; a month alone ("May 2015")
    # anchors posts only where nothing finer repeats
    fine = {"second": 2, "minute": 2, "day": 1}

    def rank(idx):
        precise = fine.get(tokens[idx[0]].data["date"].precision, 0)
        coarse = tokens[idx[0]].data["date_kind"] in ("monthyear", "relative")
        # still equal: date lines with a byline label ("von NAME am DATE") over lines that only share
        # having other words beside the date (a sidebar's topic titles, the page clock)
        labelled = _residual_key(tokens[idx[0]].data["residual"]) in ("by", "on")
        if coarse:
            return (False, len(idx), 0, labelled, -idx[0])
        return (True, len(idx), precise, labelled, -idx[0])

    # dates one under another with nothing between are a list (latest topics in a sidebar),
    # not posts: such a group gives way to any other repeated shape
    posts = {key: idx for key, idx in groups.items() if not _listed(tokens, idx)}
    if any(len(idx) >= 2 for idx in posts.values()):
        groups = posts
    best = max(groups.values(), key=rank)
    return best


def _listed(tokens: list[Token], idx: list[int]) -> bool:
    """Most of these date lines have another of them as the next line (blank lines aside)."""
    members = set(idx)
    listed = 0
    for i in idx:
        nxt = next((j for j in range(i + 1, min(len(tokens), i + 4)) if tokens[j].kind != "blank"), None)
        listed += nxt in members
    return len(idx) >= 3 and listed * 2 > len(idx)


def _residual_key(residual: str) -> str:
    residual = re.sub(r"\b(?:edited|bearbeitet|modifié|editado|изменено)\b.*", "", residual, flags=re.I)
    words = re.findall(r"[^\W\d_]+", residual.lower())
    if not words:
        return ""
    if words[:3] == ["it", "is", "currently"] or words[:3] == ["es", "ist", "jetzt"]:
        return "now"  # the page's clock in its header (phpBB), no post
    same = {"by": "by", "posted": "by", "post": "by", "von": "by", "par": "by", "on": "on", "reply": "on"}
    if words[0] not in same and words[-1] == "posted":
        return "by"  # "NAME   Posted: DATE": the name cell beside a byline, the rest as "Posted: DATE"
    return same.get(words[0], "*")


def footer_layout(tokens: list[Token], anchors: list[int]) -> bool:
    """True when each post's date line closes the post (XenForo 1 "Name, date", Something Awful):
    text (or a signature) runs right up to the date line, and buttons follow it."""
    if len(anchors) < 2:
        return False
    footer = header = 0
    for a in anchors:
        prev = next((tokens[j] for j in range(a - 1, max(-1, a - 4), -1) if tokens[j].kind != "blank"), None)
        nxt = next((tokens[j] for j in range(a + 1, min(len(tokens), a + 8))
                    if tokens[j].kind not in ("blank", "postnum", "rule")), None)
        if prev is not None and prev.kind in ("stat", "stat_value"):
            header += 1  # the profile's statistics right above the date line: a header
        elif prev is not None and (is_text(prev) and not RE_LINE.match(prev.text)
                                   or prev.kind == "nav" and len(prev.text) > 30):
            footer += 1
        if nxt is not None and nxt.kind == "button":
            footer += 1
        elif nxt is not None and (is_text(nxt) or nxt.kind == "quote_header"):
            header += 1
    return footer >= len(anchors) and footer > header * 2


def thread_end(tokens: list[Token], anchors: list[int]) -> int:
    """Where the thread stops: the first closing line (reply prompt, share bar, similar threads)
    below the first post's date line."""
    if not anchors:
        return len(tokens)
    found = [j for j in range(anchors[0] + 1, len(tokens))
             if tokens[j].kind != "blank" and len(tokens[j].text) < 80 and THREAD_END.match(tokens[j].text)]
    seen = Counter(tokens[j].text.casefold() for j in found)
    # a line shown under every post ("Share:" bars per post) is post furniture, not the end
    return next((j for j in found if seen[tokens[j].text.casefold()] == 1), len(tokens))
