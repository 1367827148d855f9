"""A post's content element to plain text, with quotes, signature and edit notes split out.

The corpus rules: the post's own words; paragraphs separated by one blank line;
`<br>` a line break; no buttons, scripts, hidden elements, quote boxes (with
their "X wrote:" header), signature or edit notes; links kept as their text.
Engine adapters pass the selectors of their markup; the defaults cover the
common class names, so the generic path gets sensible results too.
"""
from __future__ import annotations

import copy
import re
from functools import lru_cache

import lxml.etree
from attrs import frozen

from ..records import Quote
from ..vocab import EDIT_NOTE, quote_header_author
from .select import matches_plain, outermost, plain_parts, select, split_classes, text_of

QUOTE_CSS = (
    "blockquote, .bbCodeQuote, .bbcode_quote, .bbCodeBlock--quote, div.quote, td.quote, .quotebox, "
    ".quotecontent, .ipsQuote, .mycode_quote, .post-quote, .quoted-message"
)
QUOTE_AUTHOR_CSS = "cite, .quote-author, .bbcode_postedby, .attribution, .ipsQuote_citation, .bbCodeBlock-title"
SIGNATURE_CSS = ".signature, .postsignature, .post-signature, .message-signature, .sig, .Signature, .UserSignature"
# Attributes that name the quoted author on the quote box itself (XenForo, Discourse, Invision).
QUOTE_AUTHOR_ATTRS = ("data-author", "data-quote", "data-username", "data-ipsquote-username")
EDIT_CSS = ".editedBy, .edited, .message-lastEdit, .lastedit, .post-edit, .notice.edit, .editnote"
DROP_CSS = (
    "script, style, noscript, template, button, input, select, textarea, object, embed, iframe, "
    "[hidden], [aria-hidden=true], title"  # a <title> in a post (inside an inline SVG) is a tooltip, not text
)

BLOCK_PARAGRAPH = frozenset({"p", "blockquote", "pre", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5",
                             "h6", "hr", "figure", "section", "article", "header", "footer", "address"})
BLOCK_LINE = frozenset({"div", "li", "tr", "dd", "dt", "figcaption", "center", "main", "aside", "nav",
                        "form", "fieldset", "legend", "caption", "tbody", "thead", "details", "summary"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_PARA, _LINE = "\ue002", "\ue001"  # private-use marks: lxml refuses control characters
# the spacing characters that normalise_text makes spaces: ASCII ones, and the others
_ODD_SPACES = ("\t", "\f", "\v")
_WIDE_SPACES = _ODD_SPACES + ("\u00a0", *(chr(c) for c in range(0x2000, 0x200b)), "\u202f", "\u205f", "\u3000")
_DOUBLE_SPACES = re.compile("  +")
_BLANKS = re.compile(r"\n\n\n+")  # (not "\n{3,}": a literal start is searched for, 10x faster)


@frozen
class Body:
    text: str
    html: str | None = None
    quotes: tuple[Quote, ...] = ()
    signature: str | None = None
    edited: str | None = None  # the edit note as shown, e.g. "Last edited by X; 05-05-2010 at 10:00"


def extract_body(
    el,
    *,
    quote_css: str | None = QUOTE_CSS,
    quote_author_css: str = QUOTE_AUTHOR_CSS,
    signature_css: str | None = SIGNATURE_CSS,
    edit_css: str | None = EDIT_CSS,
    drop_css: str | None = None,
    keep_html: bool = True,
    quote_author_attrs: tuple[str, ...] = QUOTE_AUTHOR_ATTRS,
) -> Body:
    """Split a post's content element into body text, quotes, signature and edit note.

    `drop_css` names engine-specific noise (buttons, footers) removed as well as
    the standard `DROP_CSS`. The element itself is not changed.
    """
    if el is None:
        return Body("")
    html = inner_html(el) if keep_html else None
    found = _found_parts(el, {"drop": DROP_CSS, "engine": drop_css, "signature": signature_css,
                              "edit": edit_css, "quote": quote_css})
    # Nothing to take out (most posts): render the element itself, no copy and no passes.
    work = copy.deepcopy(el) if found else el
    if "drop" in found:
        _remove_all(work, DROP_CSS)
    if "hidden" in found:
        _remove_hidden(work)
    if "engine" in found:
        _remove_all(work, drop_css)
    signature = _take_text(work, signature_css) if "signature" in found else None
    edited = _take_text(work, edit_css) if "edit" in found else None
    quotes = _take_quotes(work, quote_css, quote_author_css, quote_author_attrs) if "quote" in found else ()
    text = render_text(work)
    text, note = strip_edit_note(text)
    return Body(text=text, html=html, quotes=quotes, signature=signature, edited=edited or note)


def _found_parts(el, selectors: dict) -> set[str]:
    """Which removal passes would find something under `el` ("hidden" for inline-hidden
    elements): one walk of the subtree for plain selectors, an XPath for the others.
    A pass that finds nothing in the original finds nothing in the copy either."""
    by_tag, by_class, any_node, complex_, plain_names = _pass_table(tuple(selectors.items()))
    found = {name for name, css in complex_
             if any(f is not el and (name != "quote" or f.tag not in _INLINE) for f in select(el, css))}
    everything = found | plain_names | {"hidden"}
    bare = tuple(entry for entry in any_node if entry[2] is None)
    split = _split_class_value
    for node in el.iterdescendants():
        tag = node.tag
        if tag.__class__ is not str:
            continue
        keys = node.keys()
        if not keys:  # no class, id, style or other attribute: only the tag can match
            for name, part in by_tag.get(tag, ()):
                if part is None or part.__class__ is not frozenset and matches_plain(node, part, None):
                    found.add(name)
            for name, part, _ in bare:
                if matches_plain(node, part, None) and not (name == "quote" and tag in _INLINE):
                    found.add(name)
            if found >= everything:
                break
            continue
        cls = node.get("class") if "class" in keys else None
        classes = split(cls) if cls is not None else None
        for name, part in by_tag.get(tag, ()):
            if _part_matches(node, part, classes):
                found.add(name)
        inline = tag in _INLINE
        if classes:
            for cls in classes:
                for name, part in by_class.get(cls, ()):
                    if _part_matches(node, part, classes) and not (inline and name == "quote"):
                        found.add(name)
        for name, part, needs in any_node:
            if (needs is None or needs in keys) and matches_plain(node, part, classes) and not (
                    inline and name == "quote"):
                found.add(name)
        if "hidden" not in found and "style" in keys:
            style = node.get("style")
            if style is not None and _HIDDEN_STYLE.search(style):
                found.add("hidden")
        if found >= everything:
            break
    return found


def _part_matches(node, part, classes) -> bool:
    """A table entry's test: None (the tag or class alone matches), the class names that
    must all be present, or a plain selector part for matches_plain."""
    if part is None:
        return True
    if part.__class__ is frozenset:
        return classes is not None and part <= classes
    return matches_plain(node, part, classes)


@lru_cache(maxsize=4096)
def _split_class_value(value: str) -> frozenset[str]:
    """A class attribute's names (posts repeat a few values; read-only)."""
    return frozenset(split_classes(value))


@lru_cache(maxsize=256)
def _pass_table(selectors: tuple) -> tuple:
    """The passes' plain selectors as lookup tables, so that a node is checked only against
    the selector parts that name its tag or one of its classes: tag -> (pass, test),
    class -> (pass, test), where a test is None when the tag or class alone matches, the
    class names when only they are needed, else the part for matches_plain; the parts
    naming neither, as (pass, part, an attribute the node must have or None); the passes
    whose selectors need XPath; and the names of the plain passes."""
    by_tag: dict[str, list] = {}
    by_class: dict[str, list] = {}
    any_node, complex_ = [], []
    for name, css in selectors:
        if not css:
            continue
        parts = plain_parts(css)
        if parts is None:
            complex_.append((name, css))
            continue
        for part in parts:
            tag, ident, names, attrs = part
            bare = ident is None and not attrs
            if name == "quote" and tag in _INLINE:
                continue  # quote boxes are never inline elements (checked in the walk for the others)
            if tag is not None:
                test = None if bare and not names else frozenset(names) if bare else (part,)
                by_tag.setdefault(tag, []).append((name, test))
            elif names:
                first = sorted(names)[0]
                test = None if bare and len(names) == 1 else frozenset(names) if bare else (part,)
                by_class.setdefault(first, []).append((name, test))
            else:
                any_node.append((name, (part,), "id" if ident is not None else attrs[0][0] if attrs else None))
    plain_names = frozenset(name for name, css in selectors if css) - {name for name, _ in complex_}
    return ({k: tuple(v) for k, v in by_tag.items()}, {k: tuple(v) for k, v in by_class.items()},
            tuple(any_node), tuple(complex_), plain_names)


def render_text(el) -> str:
    """Text of an element with block structure kept: paragraphs, line breaks, list items."""
    parts: list[str] = []
    _render(el, parts, pre=False)
    return normalise_text("".join(parts))


def normalise_text(raw: str) -> str:
    """Collapse spacing: one space inside lines, one blank line between paragraphs."""
    raw = _resolve_marks(raw)
    # spacing runs never hold a line break: one pass over the text, not one per line. Each odd
    # space becomes a space, then each run of spaces one space; no regex character class (a
    # slow scan of texts that the block marks made two bytes a character)
    for odd in _ODD_SPACES if raw.isascii() else _WIDE_SPACES:
        if odd in raw:
            raw = raw.replace(odd, " ")
    if "  " in raw:
        raw = _DOUBLE_SPACES.sub(" ", raw)
    text = "\n".join([line.strip() for line in raw.split("\n")])
    if "\n\n\n" in text:
        text = _BLANKS.sub("\n\n", text)
    return text.strip()


def _resolve_marks(raw: str) -> str:
    """Block marks to line breaks. The rule: a run of marks and line breaks holding a mark is
    a blank line when it holds a paragraph mark or two line breaks, else one line break.
    Done with plain replaces: a paragraph mark is two line breaks; a line mark next to a
    line break adds nothing, alone it is one. Runs of three or more line breaks that this
    leaves are the blank line that normalise_text makes of them anyway."""
    if _PARA in raw:
        raw = raw.replace(_PARA, "\n\n")
    if _LINE in raw:
        while _LINE + _LINE in raw:
            raw = raw.replace(_LINE + _LINE, _LINE)
        raw = raw.replace("\n" + _LINE, "\n").replace(_LINE + "\n", "\n").replace(_LINE, "\n")
    return raw


def _render(el, parts: list[str], pre: bool) -> None:
    tag = el.tag
    if not isinstance(tag, str):
        return
    kind = _TAG_KINDS.get(tag) or _tag_kind(tag)
    if kind is _BR:
        parts.append("\n")
        return
    if kind is _SKIP:
        return
    mark, cell, keeps_lines = kind
    if cell:
        parts.append(" ")
    if mark:
        parts.append(mark)
    pre = pre or keeps_lines
    text = el.text
    if text:
        parts.append(text if pre else text.replace("\n", " ").replace("\r", " "))
    for child in el:
        _render(child, parts, pre)
        tail = child.tail
        if tail:
            parts.append(tail if pre else tail.replace("\n", " ").replace("\r", " "))
    if mark:
        parts.append(mark)


_BR, _SKIP = ("br",), ("skip",)
_TAG_KINDS: dict[str, tuple] = {}  # tag -> _BR, _SKIP or (block mark or None, table cell, keeps line breaks)


def _tag_kind(tag: str) -> tuple:
    name = tag.lower()
    if name == "br":
        kind = _BR
    elif name == "img":
        kind = _SKIP
    else:
        mark = _PARA if name in BLOCK_PARAGRAPH else _LINE if name in BLOCK_LINE else None
        kind = (mark, name in ("td", "th"), name in ("pre", "textarea"))
    if len(_TAG_KINDS) < 2000:  # pages may invent tags: keep the table small
        _TAG_KINDS[tag] = kind
    return kind


def strip_edit_note(text: str) -> tuple[str, str | None]:
    """Drop a trailing "Last edited by ..." paragraph; return (text, note or None)."""
    if not text:
        return text, None
    head, sep, last = text.rpartition("\n")
    if len(last) < 200 and EDIT_NOTE.match(last):
        return head.rstrip(), last.strip()
    return text, None


# lxml.html.tostring = etree.tostring, then this pattern removed: run once over the children
_META_CONTENT_TYPE = re.compile('<meta http-equiv="Content-Type"[^>]*>')
# the start tag as libxml2's HTML serialiser writes it: attribute values always quoted
_START_TAG = re.compile(r"""<[^\s>/]+(?:\s+[^\s=>]+(?:="[^"]*"|='[^']*')?)*\s*>""")


def inner_html(el) -> str:
    """The element's leading text as it is (not escaped) and its children serialised. One
    serialisation of the element, its own tags cut off, costs less than one per child; it is
    used when its parts are where they must be, else each child is serialised."""
    text = el.text or ""
    tag = el.tag if isinstance(el.tag, str) else "?"
    whole = lxml.etree.tostring(el, method="html", encoding="unicode", with_tail=False)
    start = _START_TAG.match(whole)
    end = len(whole) - len(tag) - 3  # "</tag>"
    if start is None or not whole.endswith(f"</{tag}>", end) or not whole.startswith(text, start.end()):
        children = "".join([lxml.etree.tostring(child, method="html", encoding="unicode", with_tail=True)
                            for child in el])
    else:
        children = whole[start.end() + len(text):end]
    if "<meta" in children:
        children = _META_CONTENT_TYPE.sub("", children)
    return (text + children).strip()


def _remove(el) -> None:
    """Remove an element but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and isinstance(el.tag, str) and (el.tag in BLOCK_PARAGRAPH or el.tag in BLOCK_LINE):
        tail = _LINE + tail  # the removed block still separated what came before from its tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _select(root, css: str) -> list:
    """select(root, css), by one walk of the subtree when `css` is a list of three or more
    class selectors (one XPath pass each: a walk with a table lookup per element costs less;
    for tag and attribute tests and short lists the XPath is cheaper)."""
    parts = plain_parts(css)
    if parts is None or len(parts) < 3:
        return select(root, css)
    by_tag, by_class, any_node, _complex, _names = _pass_table((("css", css),))
    if by_tag or any_node:
        return select(root, css)
    split = _split_class_value
    found = []
    for node in root.iter():
        cls = node.get("class") if node.tag.__class__ is str else None
        if cls is not None:
            classes = split(cls)
            if any(_part_matches(node, part, classes) for c in classes for _name, part in by_class.get(c, ())):
                found.append(node)
    return found


def _remove_all(root, css: str) -> None:
    for found in _select(root, css):
        if found is not root:
            _remove(found)


_STYLED = lxml.etree.XPath("descendant::*[@style]", regexp=False)
_LINKS = lxml.etree.XPath("descendant::a[@href]", regexp=False)


def _remove_hidden(root) -> None:
    for found in _STYLED(root):
        if _HIDDEN_STYLE.search(found.get("style", "")):
            _remove(found)


def _take_text(root, css: str) -> str | None:
    texts = []
    for found in outermost([f for f in _select(root, css) if f is not root]):
        text = render_text(found)
        if text:
            texts.append(text)
        _remove(found)
    return "\n\n".join(texts) or None


_INLINE = frozenset({"a", "span", "button", "img", "li", "b", "i", "em", "strong", "font", "small"})


def _take_quotes(root, css: str, author_css: str, author_attrs: tuple[str, ...] = ()) -> tuple[Quote, ...]:
    quotes = []
    found = [f for f in _select(root, css) if f is not root and f.tag not in _INLINE]
    for box in outermost(found):
        author = None
        post_id = _quoted_post_id(box)  # before the header (which may hold the link) is removed
        named_by_attr = next((box.get(a).strip() for a in author_attrs if (box.get(a) or "").strip()), None)
        cite = next(iter(select(box, author_css)), None) if author_css else None
        if cite is not None and cite is not box:
            header = text_of(cite) or ""
            is_header, author = quote_header_author(header)
            if not is_header:
                author = header.strip(" :") or None
            _remove(cite)
        else:
            author = _take_header_before(box)
        text = render_text(box)
        # a header line inside the box ("X wrote:") that no selector named
        first, _, rest = text.partition("\n")
        is_header, named = quote_header_author(first)
        if is_header:
            author = author or named
            text = rest.strip()
        quotes.append(Quote(author=named_by_attr or author, text=text, post_id=post_id))
        _remove(box)
    return tuple(quotes)


def _take_header_before(box) -> str | None:
    """A "X wrote:" header just before the quote box (a table row, a bold line, or text)."""
    anchor = box
    if box.tag == "td":  # phpBB 2: the header is the previous table row
        row = box.getparent()
        prev = row.getprevious() if row is not None else None
        if prev is not None:
            is_header, author = quote_header_author(text_of(prev) or "")
            if is_header:
                _remove(prev)
                return author
        anchor = row if row is not None else box
        if anchor.getparent() is not None and anchor.getparent().tag in ("tbody",):
            anchor = anchor.getparent()
    prev = anchor.getprevious()
    if prev is not None and not (prev.tail or "").strip():
        is_header, author = quote_header_author(text_of(prev) or "")
        if is_header:
            _remove(prev)
            return author
    # plain text right before the box, e.g. "Quote: Originally Posted by X"
    holder, attr_name = (prev, "tail") if prev is not None else (anchor.getparent(), "text")
    if holder is not None:
        before = getattr(holder, attr_name) or ""
        head, _, last = before.rstrip().rpartition("\n")
        is_header, author = quote_header_author(last.strip())
        if is_header and last.strip():
            setattr(holder, attr_name, head)
            return author
    return None


_POST_ID_IN = re.compile(r"(?:post|p|msg|comment)(?:\?id=|[-_=#])?(\d+)", re.I)  # also XenForo's goto/post?id=N


def _quoted_post_id(box) -> str | None:
    for name in ("data-source", "data-postid", "data-post-id", "data-pid", "data-ipsquote-contentcommentid",
                 "data-cid"):
        value = box.get(name)
        if value:
            match = re.search(r"\d+", value)
            if match:
                return match.group(0)
    for link in _LINKS(box)[:2]:
        match = _POST_ID_IN.search(link.get("href", "").rsplit("/", 1)[-1])
        if match:
            return match.group(1)
    return None
