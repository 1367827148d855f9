"""Several class selectors answered by one pass over a page's class attributes.

Each class test in an XPath selector normalises the class attribute of every element of
the page, once per selector part: ".pagination, td.nav, span.gensmall" is three passes.
Adapters that look up a handful of page-level selectors (post boxes, pagination,
breadcrumbs) ask for them together here: one lxml pass collects the class attributes,
Python keeps the elements whose class names one of the selectors needs. Results are the
same elements, in the same (document) order, as `select(root, css)`.
"""
from __future__ import annotations

from functools import lru_cache

import lxml.etree
from cssselect import GenericTranslator

from .select import matches_plain, page_position, plain_parts, select, split_classes

_translator = GenericTranslator()
_CLASS_ATTRS = lxml.etree.XPath("descendant-or-self::*/@class")
_CLASS_AND_ID_ATTRS = lxml.etree.XPath("descendant-or-self::*/@class | descendant-or-self::*/@id")


@lru_cache(maxsize=256)
def _table(groups: tuple) -> tuple[dict, tuple]:
    """class name (or " " + id: no class name holds a space) -> ((group, parts, tag), ...) for
    groups whose every part names a class or an id (a part is keyed by its id, else by its
    first class name in sorted order;
    `tag` is "" when the key alone decides, the tag name when the tag does, None when the
    whole part must be matched); the other groups are left to XPath. Also whether any part is
    keyed by id."""
    table: dict[str, list] = {}
    other = []
    for name, css in groups:
        parts = plain_parts(css)
        if parts is None or any(not names and ident is None for _tag, ident, names, _attrs in parts):
            other.append((name, css))
            continue
        for part in parts:
            tag, ident, names, attrs = part
            key = " " + ident if ident is not None else sorted(names)[0]
            simple = not attrs and (names == (key,) if ident is None else not names)
            table.setdefault(key, []).append((name, (part,), (tag or "") if simple else None))
    return {k: tuple(v) for k, v in table.items()}, tuple(other), any(k[0] == " " for k in table)


def by_class(root, **groups: str) -> dict[str, list]:
    """group name -> the elements under (and including) `root` matching its CSS, in
    document order, for plain selectors (tag, .class, #id, [attr], [attr=v]; each part with
    a class or an id); other selectors are answered by XPath."""
    table, other, ids = _table(tuple(groups.items()))
    found: dict[str, list] = {name: [] for name in groups}
    if root is None:
        return found
    # a page repeats a few class values: each distinct value is split and looked up once
    by_value: dict = {}  # class value -> (its names, the table entries of its names)
    for value in (_CLASS_AND_ID_ATTRS if ids else _CLASS_ATTRS)(root):
        if ids and value.attrname != "class":  # ids differ: nothing to remember
            entries = table.get(" " + value)
            if entries is None:
                continue
            names = None
        else:
            hit = by_value.get(value)
            if hit is None:
                names = split_classes(value)
                hit = by_value[str(value)] = (names, tuple(e for n in names for e in table.get(n, ())))
            names, entries = hit
            if not entries:
                continue
        el = value.getparent()
        for group, parts, tag in entries:
            out = found[group]
            if out and out[-1] is el:
                continue
            if tag is None:
                if names is None:
                    names = split_classes(el.get("class") or "")
                if not matches_plain(el, parts, names):
                    continue
            elif tag and el.tag != tag:
                continue
            out.append(el)
    for name, css in other:
        found[name] = select(root, css)
    return found


def by_owner(owners, elements) -> dict:
    """owner -> the `elements` under (or being) it, in the order given; an element belongs to
    its nearest owner, so a post nested in another by broken markup keeps its own parts."""
    owner_set = set(owners)
    out: dict = {}
    for el in elements:
        node = el
        while node is not None and node not in owner_set:
            node = node.getparent()
        if node is not None:
            found = out.get(node)
            if found is None:
                out[node] = [el]
            else:
                found.append(el)
    return out


def within(outers, css: str):
    """The matches of `css` strictly under any of `outers` (in document order): what
    `select(root, "OUTER CSS")` gives for a descendant selector whose OUTER part came from
    `by_class`. (A nested outer's matches are all under the outer holding it.)"""
    below = _below(css)
    seen: set = set()
    for outer in outers:
        if outer in seen:
            continue
        for found in below(outer):
            if found not in seen:
                seen.add(found)
                yield found


@lru_cache(maxsize=256)
def _below(css: str) -> lxml.etree.XPath:
    """`css` as an XPath whose first step starts strictly below the context element."""
    return lxml.etree.XPath(_translator.css_to_xpath(css, prefix="descendant::"))


def earliest(a, b):
    """The one of two elements (either may be None) that comes first in document order: the
    first match of a selector list whose parts were looked up apart."""
    if a is None or b is None:
        return b if a is None else a
    for anc in b.iterancestors():  # an ancestor comes before what it holds
        if anc is a:
            return a
    return b if page_position(b) < page_position(a) else a


def texts_with(tree, word: str):
    """(text, owner) of the page's text nodes holding `word` (lower case) in any case, in
    document order, yielded as found (callers stop at the first that fits; the labels they look
    for sit near the top): //text()[contains(translate(., ...), word)] read in Python (XPath
    string functions copy every text node of the page; this reads each once). As lxml's smart
    strings do, the owner of a tail is the element it follows. The whole document is read, also
    what follows the root (a second <html> of a broken page)."""
    tops = [tree.getroottree().getroot()]
    while tops[0].getprevious() is not None:
        tops.insert(0, tops[0].getprevious())
    tops.extend(tops[-1].itersiblings())
    for top in tops:
        if not isinstance(top.tag, str):  # a comment beside the root: its text is no page text
            continue
        # start and end events: an element's text comes before its children, its tail after them
        for event, el in lxml.etree.iterwalk(top, events=("start", "end", "comment", "pi")):
            if event == "start":
                text = el.text
                if text and word in text.lower():
                    yield text, el
            elif el is not top:
                tail = el.tail
                if tail and word in tail.lower():
                    yield tail, el


def by_attribute(root, *names: str) -> dict[tuple[str, str], list]:
    """(attribute name, value) -> the elements under (and including) `root` carrying that value,
    in document order: one XPath pass for selectors such as [component=post], which a class
    lookup cannot answer and select.Index answers by testing every element."""
    found: dict[tuple[str, str], list] = {}
    for value in _attribute_values(names)(root):
        key = (value.attrname, str(value))
        got = found.get(key)
        if got is None:
            found[key] = [value.getparent()]
        else:
            got.append(value.getparent())
    return found


@lru_cache(maxsize=64)
def _attribute_values(names: tuple[str, ...]) -> lxml.etree.XPath:
    return lxml.etree.XPath(" | ".join(f"descendant-or-self::*/@{name}" for name in names))


_ID_ATTRS = lxml.etree.XPath("descendant-or-self::*/@id")


def by_id_prefix(root, *prefixes: str) -> dict[str, list]:
    """prefix -> the elements under (and including) `root` whose id starts with it ([id^=...]),
    in document order: one pass over the id attributes for all prefixes."""
    found: dict[str, list] = {prefix: [] for prefix in prefixes}
    for value in _ID_ATTRS(root):
        for prefix in prefixes:
            if value.startswith(prefix):
                found[prefix].append(value.getparent())
    return found


def with_id_prefix(root, *prefixes: str) -> list:
    """The elements under (and including) `root` whose id starts with one of `prefixes`
    ("[id^=a], [id^=b]"), in document order."""
    return [value.getparent() for value in _ID_ATTRS(root) if value.startswith(prefixes)]


def holders(elements) -> set:
    """Every element at or above one of `elements`: which bodies hold a box that a complex
    selector (an XPath per body in extract_body) needs, so the others can go without it; for
    `elements` = select(root, css), `el in holders(...)` is `select_one(el, css) is not None`
    for an element under root, without a search of its subtree."""
    found: set = set()
    for el in elements:
        while el is not None and el not in found:  # a holder found before brought its ancestors in
            found.add(el)
            el = el.getparent()
    return found
