"""Small selector helpers: CSS compiled to XPath once, and absence as a value (None)."""
from __future__ import annotations

import re
from functools import lru_cache

import lxml.etree
from cssselect import GenericTranslator

_translator = GenericTranslator()


@lru_cache(maxsize=2048)
def compiled(css: str) -> lxml.etree.XPath:
    """A CSS selector compiled to an XPath object (cached: translation costs more than matching)."""
    # cssselect writes XPath 1.0 only: no EXSLT regexp functions to register on every call
    return lxml.etree.XPath(_translator.css_to_xpath(css, prefix="descendant-or-self::"), regexp=False)


@lru_cache(maxsize=2048)
def xpath(expr: str) -> lxml.etree.XPath:
    return lxml.etree.XPath(expr)


def select(el, css: str) -> list:
    """All elements under (and including) `el` matching `css`."""
    if el is None:
        return []
    return compiled(css)(el)


def select_one(el, css: str):
    """The first element matching `css`, or None."""
    found = select(el, css)
    return found[0] if found else None


def has_class(el, name: str) -> bool:
    return name in (el.get("class") or "").split()


def classes(el) -> list[str]:
    return (el.get("class") or "").split()


def text_of(el) -> str | None:
    """Visible inline text of an element, whitespace collapsed; None when absent or empty."""
    if el is None:
        return None
    if isinstance(el, str):
        text = el
    elif not len(el) and el.tag != "br" and isinstance(el.tag, str) and el.tag not in _INVISIBLE:
        text = el.text or ""  # a leaf (names, dates, counts): no walk
    else:
        parts: list[str] = []
        _visible_text(el, parts)
        text = "".join(parts)
    text = " ".join(text.replace("\ue001", " ").replace("\ue002", " ").split())
    return text or None


_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "title"})


def first_with_id(root, ident: str):
    """select_one(root, "#" + ident) for a plain id, by an XPath that stops at the first match
    (the CSS translation reads the whole page; ids looked up this way sit near the top)."""
    return next(iter(xpath(f"descendant-or-self::*[@id='{ident}'][1]")(root)), None)


def joined_text(el) -> str:
    """`"".join(el.itertext())` as it is (comments left out, nothing collapsed), written out by
    lxml in one call: a tenth of the cost of iterating the text nodes (preformatted mails, PTT)."""
    return lxml.etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def _visible_text(el, parts: list[str]) -> None:
    tag = el.tag
    if not isinstance(tag, str):  # comments and processing instructions (the caller adds their tail)
        return
    if tag in _INVISIBLE:
        return
    if tag == "br":
        parts.append(" ")
    text = el.text
    if text:
        parts.append(text)
    for child in el:
        _visible_text(child, parts)
        tail = child.tail
        if tail:
            parts.append(tail)


def attr(el, name: str) -> str | None:
    if el is None:
        return None
    value = el.get(name)
    return value.strip() if value and value.strip() else None


def first_text(el, *selectors: str) -> str | None:
    """Text of the first selector that finds a non-empty element."""
    for css in selectors:
        for found in select(el, css):
            text = text_of(found)
            if text:
                return text
    return None


# -- plain selectors matched in Python -------------------------------------------------------
# Checking one element against "div.quote, .sig, [hidden]" in Python costs less than one
# XPath pass per selector over a subtree: callers that walk a subtree once use these.
_IDENT = r"-?[_a-zA-Z][\w-]*"
_XML_SPACE = str.maketrans("\t\n\r", "   ")


@lru_cache(maxsize=1024)
def plain_parts(css: str) -> tuple | None:
    """`css` as (tag, id, classes, attributes) tuples when every comma-separated part is one
    compound selector of tag, .class, #id, [attr] and [attr=value]; None otherwise. (The
    one-step, equality-only case of `chains`.)"""
    alternatives = chains(css)
    if alternatives is None:
        return None
    parts = []
    for steps in alternatives:
        if len(steps) != 1:
            return None
        _, tag, ident, names, tests = steps[0]
        if any(op not in (None, str.__eq__) for _, op, _ in tests):
            return None
        parts.append((tag, ident, tuple(names), tuple((name, value) for name, _, value in tests)))
    return tuple(parts)


def class_set(el) -> set[str]:
    """The element's class names, split as the XPath class test splits them."""
    return split_classes(el.get("class") or "")


def split_classes(value: str) -> set[str]:
    """A class attribute's names: split at XML spaces only, as normalize-space() does (a
    no-break space is part of a name). May hold "", which no selector names."""
    if "\t" in value or "\n" in value or "\r" in value:
        value = value.translate(_XML_SPACE)
    return set(value.split(" "))


@lru_cache(maxsize=8192)
def _class_names(value: str) -> frozenset[str]:
    """split_classes, remembered: the pages of a site repeat their class values."""
    return frozenset(split_classes(value))


def matches_plain(el, parts, classes: set[str] | None = None) -> bool:
    """Whether element `el` matches one of `plain_parts(...)` (the same rules as the XPath)."""
    tag = el.tag
    for want_tag, ident, names, attrs in parts:  # plain loops: this runs for every node of a body walk
        if want_tag is not None and tag != want_tag:
            continue
        if ident is not None and el.get("id") != ident:
            continue
        if names:
            if classes is None:
                classes = class_set(el)
            if not classes.issuperset(names):
                continue
        for name, value in attrs:
            got = el.get(name)
            if got is None or (value is not None and got != value):
                break
        else:
            return True
    return False


# -- one walk, many selectors ----------------------------------------------------------------
_OPS = {"=": str.__eq__, "*=": str.__contains__, "^=": str.startswith, "$=": str.endswith}
_CHAIN_PART = re.compile(
    rf"\s*(?P<comb>>)?\s*(?P<tag>{_IDENT}|\*)?(?P<rest>(?:\.{_IDENT}|#{_IDENT}"
    rf"|\[{_IDENT}(?:[*^$]?=(?:\"[^\"\\\\]*\"|'[^'\\\\]*'|{_IDENT}))?\])*)")
_CHAIN_ATTR = re.compile(
    rf"\.({_IDENT})|#({_IDENT})|\[({_IDENT})(?:([*^$]?=)(?:\"([^\"\\\\]*)\"|'([^'\\\\]*)'|({_IDENT})))?\]")


@lru_cache(maxsize=2048)
def chains(css: str) -> tuple | None:
    """`css` as alternatives of (combinator, tag, id, classes, attribute tests) steps, left to
    right, for selectors made of plain compounds joined by descendant or child combinators;
    None for anything else (pseudo-classes, siblings, ~= ...), which XPath handles."""
    out = []
    for piece in css.split(","):
        piece = piece.strip()
        if not piece:
            return None
        steps, pos = [], 0
        while pos < len(piece):
            m = _CHAIN_PART.match(piece, pos)
            if not m or m.end() == pos or not (m.group("tag") or m.group("rest")):
                return None
            if not steps and m.group("comb"):
                return None
            if steps and m.start("tag" if m.group("tag") else "rest") == pos:
                return None  # two compounds with no space or '>' between them
            tag = m.group("tag") if m.group("tag") not in (None, "*") else None
            ident, names, tests = None, [], []
            for a in _CHAIN_ATTR.finditer(m.group("rest")):
                cls, id_, name, op, v1, v2, v3 = a.groups()
                if cls:
                    names.append(cls)
                elif id_:
                    if ident is not None and ident != id_:
                        return None
                    ident = id_
                else:
                    value = v1 if v1 is not None else v2 if v2 is not None else v3
                    if op and op != "=" and not value:
                        return None  # cssselect: an empty substring test matches nothing
                    tests.append((name, _OPS[op] if op else None, value))
            steps.append((">" if m.group("comb") else " ", tag, ident, frozenset(names), tuple(tests)))
            pos = m.end()
        out.append(tuple(steps))
    return tuple(out)


def _step_matches(el, step, classes: dict | None = None) -> bool:
    """Whether `el` matches one compound step; `classes` maps elements to their class sets."""
    _, tag, ident, names, tests = step
    if tag is not None and el.tag != tag:
        return False
    if ident is not None and el.get("id") != ident:
        return False
    if names:
        have = classes.get(el) if classes is not None else None
        if have is None:
            if el.get("class") is None:
                return False
            have = class_set(el)
        if not names <= have:
            return False
    for name, op, value in tests:
        got = el.get(name)
        if got is None or (op is not None and not op(got, value)):
            return False
    return True


def _chain_matches(el, chain, i: int, root, classes: dict | None = None, memo: dict | None = None) -> bool:
    """Whether steps chain[:i] are matched by `el`'s ancestors up to `root` (XPath semantics:
    the first step is `root` or below it; each later step is a child or descendant).

    `memo` (one per chain) remembers, per ancestor and step, whether that ancestor or one
    above it matches: the candidates of a selector share most of their ancestors."""
    if i == 0:
        return True
    step = chain[i - 1]
    if chain[i][0] == ">":
        if el is root:
            return False
        node = el.getparent()
        return node is not None and _step_matches(node, step, classes) and _chain_matches(
            node, chain, i - 1, root, classes, memo)
    if memo is None:
        memo = {}
    pending = []
    node, found = el, False
    while node is not root:
        node = node.getparent()
        if node is None:
            break
        known = memo.get((node, i))
        if known is not None:
            found = known
            break
        pending.append(node)
        if _step_matches(node, step, classes) and _chain_matches(node, chain, i - 1, root, classes, memo):
            found = True
            break
    for node in pending:  # each one's answer is the one found above it
        memo[(node, i)] = found
    return found


_XPATH_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_WITH_ID = lxml.etree.XPath("descendant-or-self::*[@id = $v]", regexp=False)
_CLASS_VALUES = lxml.etree.XPath("descendant-or-self::*/@class", regexp=False)


class Index:
    """Elements of a subtree by tag, class, id and attribute: answers `select(root, css)` for
    plain selectors at the cost of a few dictionary lookups. The tree must not change.

    Each table is made when first asked for: the class table from one XPath of the subtree's
    class values (a page whose selectors name only attributes never pays for it), and each
    class name's elements from it when a selector names that class; lists by tag, id and
    attribute value and the document order by lxml.
    """

    def __init__(self, root, page_classes: list | None = None):
        """`page_classes`: the values of "//@class" on root's page, when the caller has them
        already: root's own are a run of them, taken instead of a second XPath."""
        self.root = root
        self._page_classes = page_classes
        self._order: dict | None = None
        self._by_tag: dict[str, list] = {}
        self._by_id: dict[str, list] = {}
        self._values: dict[str, list] = {}
        self._by_value: dict[tuple, list] = {}
        self._classed: list | None = None  # the classed elements, in document order
        self._classed_values: list = []  # and their class values
        self._names_of: dict[str, frozenset] = {}  # class value -> its names
        self._runs: dict[str, list] = {}  # class name -> the positions (in _classed) of each value naming it
        self._with_class: dict[str, list] = {}
        self._classes: dict | None = None
        self._rank: dict | None = None  # classed element -> place, see _rank_holding
        self._value_ranks: dict[str, dict] = {}  # attribute table key -> (element -> place)

    def with_class(self, name: str) -> list:
        """The elements carrying class `name`, in document order."""
        found = self._with_class.get(name)
        if found is None:
            if self._classed is None:
                self._file_classes()
            runs = self._runs.get(name, ())
            positions = runs[0] if len(runs) == 1 else sorted(p for run in runs for p in run)
            classed = self._classed
            found = self._with_class[name] = [classed[i] for i in positions]
        return found

    @property
    def classes(self) -> dict:
        """element -> its class names (classed elements only)."""
        if self._classes is None:
            if self._classed is None:
                self._file_classes()
            names_of = self._names_of
            self._classes = dict(zip(self._classed, [names_of[v] for v in self._classed_values]))
        return self._classes

    def _file_classes(self) -> None:
        """The class table: the classed elements in document order, and for each class value
        its positions among them (a page repeats a few hundred values over thousands of
        elements: each value is split once, each name's elements are read when asked for)."""
        values = [v for v in self._class_values() if v]  # class="" names nothing
        positions: dict[str, list] = {}
        for i, value in enumerate(values):
            run = positions.get(value)
            if run is None:
                run = positions[str(value)] = []
            run.append(i)
        runs: dict[str, list] = {}
        for value, run in positions.items():
            names = self._names_of[value] = _class_names(value)
            for name in names:
                runs.setdefault(name, []).append(run)
        self._classed = [v.getparent() for v in values]
        self._classed_values = values
        self._runs = runs

    def _class_values(self) -> list:
        """The class values of the subtree, in document order: a run of the page's values when
        those were given (the subtree is contiguous in document order), else by XPath."""
        values = self._page_classes
        if values:
            first = next((el for el in self.root.iter(lxml.etree.Element) if el.get("class") is not None), None)
            if first is None:
                return []
            start = next((i for i, v in enumerate(values) if v.getparent() is first), None)
            if start is not None:
                # the run ends where the values leave the subtree: found by halving
                root, low, high = self.root, start + 1, len(values)
                while low < high:
                    middle = (low + high) // 2
                    if _is_within(values[middle].getparent(), root):
                        low = middle + 1
                    else:
                        high = middle
                return values[start:low]
        return _CLASS_VALUES(self.root)

    @property
    def order(self) -> dict:
        """Element -> its position in document order (the root first)."""
        if self._order is None:
            self._order = {el: i for i, el in enumerate(self.root.iter(lxml.etree.Element))}
        return self._order

    def by_tag(self, tag: str) -> list:
        found = self._by_tag.get(tag)
        if found is None:
            found = self._by_tag[tag] = list(self.root.iter(tag))
        return found

    def by_id(self, ident: str) -> list:
        found = self._by_id.get(ident)
        if found is None:
            found = self._by_id[ident] = _WITH_ID(self.root, v=ident)
        return found

    def _candidates(self, step) -> list:
        _, tag, ident, names, tests = step
        if ident is not None:
            return self.by_id(ident)
        if names:
            return min((self.with_class(n) for n in names), key=len)
        if tests and _XPATH_NAME.fullmatch(tests[0][0]) and (tag is None or _XPATH_NAME.fullmatch(tag)):
            return self.with_value(tag, *tests[0])
        if tag is not None:
            return self.by_tag(tag)
        return list(self.order)

    def with_value(self, tag: str | None, name: str, op, value) -> list:
        """The elements (of tag `tag`, any when None) whose attribute `name` (XPath-safe names)
        passes `op(attribute, value)` (present, when op is None), in document order: tested on
        the attribute values that one XPath gives, before their elements are looked up."""
        key = (tag, name, op, value)
        found = self._by_value.get(key)
        if found is None:
            values = self._values.get(f"{tag}@{name}")
            if values is None:
                values = self._values[f"{tag}@{name}"] = xpath(f"descendant-or-self::{tag or '*'}/@{name}")(self.root)
            if op is None:
                found = [v.getparent() for v in values]
            elif op is str.__eq__:
                found = [v.getparent() for v in values if v == value]
            else:
                found = [v.getparent() for v in values if op(v, value)]
            self._by_value[key] = found
        return found

    def select(self, css: str) -> list:
        """The same elements, in the same order, as `select(root, css)`."""
        alternatives = chains(css)
        if alternatives is None:
            return select(self.root, css)
        if len(alternatives) == 1:
            return list(self._chain(alternatives[0]))
        lists = [got for got in (self._chain(chain) for chain in alternatives) if got]
        if len(lists) <= 1:  # most often one alternative finds something: its own order holds
            return list(lists[0]) if lists else []
        found = set().union(*lists)
        largest = max(lists, key=len)
        if len(found) == len(largest):  # one alternative found them all: its own order holds
            return list(largest)
        if self._order is None:
            rank = self._rank_holding(found)
            if rank is not None:
                return sorted(found, key=rank.__getitem__)
            if len(found) <= 300:  # cheaper than numbering the subtree
                return sorted(found, key=page_position)
        return sorted(found, key=self.order.__getitem__)

    def _rank_holding(self, found) -> dict | None:
        """Element -> its place in document order, from a table made already that holds all of
        `found`: the class table (classed elements, the norm) or the elements of one attribute's
        values (both read in document order). page_position reads each ancestor's child list."""
        if self._classed is not None:
            if self._rank is None:
                self._rank = dict(zip(self._classed, range(len(self._classed))))
            if all(el in self._rank for el in found):
                return self._rank
        for key, values in self._values.items():
            rank = self._value_ranks.get(key)
            if rank is None:
                rank = self._value_ranks[key] = {v.getparent(): i for i, v in enumerate(values)}
            if all(el in rank for el in found):
                return rank
        return None

    def _chain(self, chain) -> list:
        """The matches of one chain of steps, in document order."""
        last = len(chain) - 1
        step = chain[last]
        if _by_containers(chain):
            # "CONTAINER a[href]": a last step naming no class nor id matches many elements of
            # the page (every link); read it under the few containers instead
            return self._under(chain)
        candidates = self._candidates(step)
        if not _exact_candidates(step):
            classes = self.classes if step[3] else None
            candidates = [el for el in candidates if _step_matches(el, step, classes)]
        if last:
            classes = self.classes if any(s[3] for s in chain[:last]) else None
            memo: dict = {}
            candidates = [el for el in candidates if _chain_matches(el, chain, last, self.root, classes, memo)]
        return candidates

    def _under(self, chain) -> list:
        """The matches of `chain`'s last step strictly under the outermost matches of the steps
        before it: subtrees apart, each read in document order."""
        step = chain[-1]
        _, tag, _ident, _names, tests = step
        found, kept = [], set()
        outside: set = set()  # ancestors of kept boxes that no kept box holds (the boxes come in page order)
        for box in self._chain(chain[:-1]):
            passed, node = [], box.getparent()
            while node is not None and node not in outside and node not in kept:
                passed.append(node)
                node = node.getparent()
            if node is not None and node in kept:
                continue  # inside a container already read
            outside.update(passed)
            kept.add(box)
            for el in (box.iterdescendants(tag) if tag is not None else box.iterdescendants(lxml.etree.Element)):
                if not tests or _step_matches(el, step):
                    found.append(el)
        return found


@lru_cache(maxsize=1024)
def _by_containers(chain) -> bool:
    """Whether Index reads `chain`'s last step under the matches of the steps before it: the
    last step names no class nor id and follows a descendant combinator, and the steps before
    end in a class or id (or are themselves read that way), so the containers are few."""
    if len(chain) < 2:
        return False
    comb, _tag, ident, names, _tests = chain[-1]
    if comb != " " or ident is not None or names:
        return False
    before = chain[-2]
    return before[2] is not None or bool(before[3]) or _by_containers(chain[:-1])


def _exact_candidates(step) -> bool:
    """Whether Index._candidates(step) are exactly the step's matches: one class; a tag; or
    one attribute test with no other test and no tag when the attribute could be looked up."""
    _, tag, ident, names, tests = step
    if ident is not None:
        return False
    if names:
        return len(names) == 1 and tag is None and not tests
    if tests:
        return len(tests) == 1 and _XPATH_NAME.fullmatch(tests[0][0]) is not None and (
            tag is None or _XPATH_NAME.fullmatch(tag) is not None)
    return tag is not None


def _is_within(el, root) -> bool:
    """Whether `el` is `root` or below it."""
    return el is root or any(a is root for a in el.iterancestors())


def outermost(found: list) -> list:
    """The elements of `found` (in page order) not inside another of them."""
    chosen: set = set()
    for el in found:
        if not any(a in chosen for a in el.iterancestors()):
            chosen.add(el)
    return [el for el in found if el in chosen]


def page_position(el) -> list[int]:
    """A key that sorts elements in document order: the child positions from the root down."""
    key = []
    parent = el.getparent()
    while parent is not None:
        key.append(parent.index(el))
        el, parent = parent, parent.getparent()
    key.reverse()
    return key
