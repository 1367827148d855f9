"""Helpers shared by the adapters of link aggregators whose comments nest as a tree of lists
(Lobsters, Lemmy, Slashdot, Tildes): a reply sits inside the list item of the comment it answers.

Markup knowledge stays in the adapters; these only read the tree they are given.
"""
from __future__ import annotations

import re

import attrs

from ..html.body import extract_body
from ..records import Author

_MARKDOWN_DROP = "button, menu, .btn, form"


def parent_ids(comments: list, ids: list, root_id: str | None, item=None) -> list:
    """For each comment element, the id of the nearest comment whose item encloses it, else
    `root_id`: replies are nested inside the item of the comment they answer. `item(el)` is the
    element that holds a comment and its replies (default: the comment's <li>, else itself)."""
    item = item or _list_item
    items = [item(el) for el in comments]
    owner = {it: cid for it, cid in zip(items, ids)}
    parents = []
    for it in items:
        parents.append(next((owner[anc] for anc in it.iterancestors() if anc in owner), root_id))
    return parents


def _list_item(el):
    parent = el.getparent()
    return parent if parent is not None and parent.tag == "li" else el


def markdown_body(el, removed: re.Pattern | None = None, drop_css: str | None = None):
    """A comment rendered from Markdown: `>` paragraphs are <blockquote>s, quoted without a name.
    A body that only says the comment is gone (`removed`) is emptied: the place stays."""
    if el is None:
        return None
    drop = ", ".join(filter(None, (_MARKDOWN_DROP, drop_css)))
    body = extract_body(el, quote_css="blockquote", quote_author_css="cite", signature_css=None, edit_css=None,
                        drop_css=drop)
    if removed is not None and removed.match(body.text):
        return attrs.evolve(body, text="", quotes=())
    return body


def author(name: str | None, **fields) -> Author | None:
    return Author(name=name, **fields) if name else None
