"""The thread title of a page: the part of <title> that the page also shows, og:title, h1."""
from __future__ import annotations

import re
from functools import lru_cache

from .dates_found import all_text
from .select import text_of

_SEPARATORS = re.compile(r"\s+(?:[-|•·»›«‹/—–:]|::|->|=>|>)\s+|\s*[|｜]\s*|(?<=[^\x00-\x7f])\s*[_-]\s*(?=[^\x00-\x7f])")
# (CJK titles join their pieces without spaces: "标题|版块 - 站名", "标题_版块_站名")
_PAGE_SUFFIX = re.compile(r"\s*\((?:page|seite|página|pagina|страница|strona)\s*\d+[^)]*\)\s*$"
                          r"|\s*[\[(](?:archive|archiv|print(?:able)?(?: version)?|lo-?fi(?: version)?)[\])]\s*$", re.I)
# (the archive or print view's label after the title: "Dense crumb [Archive] - Site")
_LABEL_CLASS = re.compile(r"label|prefix|badge|tag", re.I)
_PAGE_PART = re.compile(r"^(?:page|seite|página|pagina|страница|strona)\s*\d+(?:\s*(?:of|von|de|di|из)\s*\d+)?$",
                        re.I)
_GENERIC = re.compile(r"^(?:view topic|view thread|thread|topic|forum|forums|board|index|"
                      r"print(?:able)? (?:view|version|thread|page)|print|druckversion|druckansicht|"
                      r"version imprimable|versión (?:para )?imprimi(?:r|ble)|versione stampabile)$", re.I)
_PREFIX = re.compile(r"^(?:thread|topic|thema|sujet|tema|тема|view topic|re)\s*:\s*", re.I)
_SHOWN = ("h1", "h2", "h3", "h4", "strong", "b", "a", "span", "div", "td")


def thread_title(root, lengths: dict | None = None) -> str | None:
    """`lengths`: PageIndex.length (an element's visible text length, never more than its
    text_content's), which turns long elements away without reading their text."""
    found = _thread_title(root, lengths or {})
    if not found:
        return found
    if _print_page(root):  # "Site - Printable version": the site's <h1>, then the topic's heading
        headings = [h for h in root.iter("h1", "h2", "h3")]
        for h, nxt in zip(headings, headings[1:]):
            if h.tag == "h1" and text_of(h) == found and nxt.tag != "h1" and text_of(nxt):
                return _PREFIX.sub("", text_of(nxt))
    # "Patch Notes - Patchnotes 4.47": the heading shows the label apart
    for bare in _bare_headings(root, lengths or {}):
        if len(found) > len(bare) and found.casefold().endswith(bare.casefold()):
            return bare
    if ": " in found:  # "Stitch Diary: Blocking a lace shawl" over a heading that shows the part after the colon
        for el in root.iter("h1", "h2", "h3"):
            text = " ".join(el.text_content().split())
            if len(text) >= 8 and found.casefold().endswith(": " + text.casefold()):
                return text
    return found


# a site name that stands before the title with a colon: "Developer Forums: JDBC leaks"
_SITE_COLON = re.compile(r"^[^:]{1,40}\b(?:forums?|boards?|community|foren|communauté|comunidad)\s*:\s+(?=\S)", re.I)
_HOST = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+$", re.I)  # "www.example.com :: View topic - Title"


_POWERED = re.compile(r"^(?:powered by|forum software by|created with)\b", re.I)
_CRUMB_SEP = re.compile(r"^\s*(?:»|>|›|/|::|→|\||-)\s*$")
_CRUMB_TAIL = re.compile(r"^(?:»|>|›|/|::|→|\|)\s*(\S.*)$")


def _breadcrumb_end(root) -> str | None:
    """The plain last item of a breadcrumb (links joined by "»" and the like, then the page's own name)."""
    for el in root.iter("td", "div", "nav", "p", "span", "li", "ul", "ol", "b", "strong"):
        if len(el) < 2:
            continue  # (fewer than two element children: neither test below can pass)
        kids = [c for c in el if isinstance(c.tag, str)]
        if len(kids) >= 2 and kids[-1].tag == "a" and kids[-2].tag == "a" and _CRUMB_SEP.match(kids[-2].tail or ""):
            tail = (kids[-1].tail or "").strip()
            m = _CRUMB_TAIL.match(tail)  # "<a>Forums</a> :: <a>Layouts</a> :: Which track cleaner?"
            if m and len(m.group(1)) <= 200:
                return _PREFIX.sub("", " ".join(m.group(1).split()))
        if len(kids) < 2 or kids[-1].tag == "a" or sum(1 for c in kids if c.tag == "a") < 1:
            continue
        last, before = kids[-1], kids[-2]
        text = " ".join(last.text_content().split())
        if (before.tag == "a" and _CRUMB_SEP.match(before.tail or "") and text and len(text) <= 200
                and next(last.iter("a"), None) is None):
            return _PREFIX.sub("", text)
    return None


_HOME_HREF = re.compile(r"^(?:https?://[^/]+)?/?(?:(?:index|default|forum|forums|board)\.\w{2,4})?/?(?:\?)?$"
                        r"|^(?:https?://[^/]+)?/(?:forum|forums|board|community)/?$", re.I)


def _home_link_texts(root) -> set[str]:
    """Texts of links to the site's front page (the breadcrumb's first link, the logo)."""
    out = set()
    for el in root.iter("a"):
        href = (el.get("href") or "").strip()
        if href and _HOME_HREF.match(href):
            text = " ".join(all_text(el).split())
            if text and len(text) <= 100:
                out.add(text.casefold())
    return out


def _bare_headings(root, lengths: dict) -> list[str]:
    """Title texts without the prefix labels they show (<h1><span class="label">Patch Notes</span> ...,
    <td class="navbar"><strong><span class="prefix">[Help]</span> ...)."""
    out, seen = [], set()
    labels = [el for el in root.iter() if isinstance(el.tag, str) and _label_class(el.get("class") or "")]
    for label in labels:
        for el, _ in zip(label.iterancestors(), range(3)):
            if el.tag not in _TITLE_TAGS or id(el) in seen:
                continue
            seen.add(id(el))
            if el.tag != "h1" and (len(el) > 3 or lengths.get(el, 0) > 200 or len(el.text_content()) > 200):
                continue
            bare = " ".join(_unlabelled_text(el).split())
            if bare and bare != " ".join(el.text_content().split()):
                out.append(bare)
    return out


@lru_cache(maxsize=8192)
def _label_class(cls: str) -> bool:
    return bool(_LABEL_CLASS.search(cls))


_TITLE_TAGS = frozenset({"h1", "h2", "h3", "strong", "b", "td", "span", "div"})


def _unlabelled_text(el) -> str:
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and not _LABEL_CLASS.search(child.get("class") or ""):
            parts.append(_unlabelled_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _thread_title(root, lengths: dict) -> str | None:
    head_title = next(iter(root.iter("title")), None)
    title = " ".join(head_title.text_content().split()) if head_title is not None else None
    og = _meta(root, "og:title")
    site = (_meta(root, "og:site_name") or "").casefold()
    parts = [p for p in _title_parts(title) if not _PAGE_PART.match(p) and not _GENERIC.match(p)
             and p.casefold() != site and not _HOST.match(p) and not _POWERED.match(p)] if title else []
    home = _home_link_texts(root)
    if any(p.casefold() not in home for p in parts):
        parts = [p for p in parts if p.casefold() not in home]  # the site's name links to its front page
        crumb = _breadcrumb_end(root) if len(parts) > 1 else None
        if crumb and crumb.casefold() in {p.casefold() for p in parts}:
            return crumb  # the breadcrumb ends with the page's own name: of the <title> pieces, that one
    elif not og:  # <title> names the site only ("Aquarienforum - Powered by XMB"): the breadcrumb's end
        crumb = _breadcrumb_end(root)
        if crumb and not _GENERIC.match(crumb):
            return crumb
        after = _after_breadcrumb(root)
        if after:
            return after
    if og and _PREFIX.sub("", og).casefold() in {p.casefold() for p in parts}:
        return _PREFIX.sub("", og)
    shown = _shown_texts(root, {p.casefold() for p in parts} | ({og.casefold()} if og else set()), lengths)
    if og and _PREFIX.sub("", og).casefold() in _heading_texts(root):
        return _PREFIX.sub("", og)  # the page's main heading, before a breadcrumb that shows the site's name
    ranked = sorted(parts, key=len, reverse=True)
    labelled = _labelled_title(root, ranked)
    if labelled and not any(p.casefold() in shown for p in ranked if len(p) > len(labelled)):
        return labelled  # "<strong><span>(</span><acronym title="Licensed">L</acronym>...) Title</strong>"
    if len(parts) > 1 and shown:
        linked = _link_texts(root)
        for part in ranked:  # a piece shown only as a link's text is the site's (a breadcrumb's first link)
            if part.casefold() in shown and part.casefold() not in linked:
                return part
        headed = _heading_start(root, ranked)
        if headed:  # <th>Rewiring a caravan; <small>12V only</small></th>: the title with its description
            return headed
    for part in ranked:
        if part.casefold() in shown:
            return part
    if og and og.casefold() in shown:
        return og
    ended = _heading_end(root, ranked)
    if ended:
        return ended
    for el in root.iter("h1"):
        text = text_of(el)
        if text and text.casefold() != site:
            return _PREFIX.sub("", text)
    if og:
        return og
    for el in root.iter("h2", "h3"):  # no <h1>, and <title> names the page kind ("Community - Club")
        cls = el.get("class") or ""
        text = text_of(el)
        if text and _TITLE_CLASS.search(cls) and not _NOT_TITLE_CLASS.search(cls) and len(text) <= 200:
            return _PREFIX.sub("", text)
    singles = [p for p in parts if not _SEPARATORS.search(p)]
    return max(singles or parts, key=len) if parts else title


_TITLE_CLASS = re.compile(r"(?:^|[-_ ])(?:title|subject|topic-?title|thread-?title|headline)(?:$|[-_ ])", re.I)
_NOT_TITLE_CLASS = re.compile(r"widget|sidebar|comment|section|block|menu|footer|site", re.I)


def _title_parts(title: str) -> list[str]:
    """The pieces between separators, and runs of neighbouring pieces (a title may hold " - ")."""
    pieces = _SEPARATORS.split(title)
    seps = _SEPARATORS.findall(title)
    out = []
    for i in range(len(pieces)):
        text = pieces[i]
        out.append(text)
        for j in range(i + 1, min(len(pieces), i + 4)):
            if _PAGE_PART.match(pieces[j].strip()) or _PAGE_PART.match(pieces[i].strip()):
                break
            text = text + seps[j - 1] + pieces[j]
            if j - i < len(pieces) - 1:  # never the whole <title> again
                out.append(text)
    return [t for t in (_SITE_COLON.sub("", _PREFIX.sub("", _PAGE_SUFFIX.sub("", t).strip())) for t in out) if t]


def _shown_texts(root, wanted: set[str], lengths: dict) -> set[str]:
    """Which of the wanted strings the page shows as the whole text of some element."""
    if not wanted:
        return set()
    longest = max(len(w) for w in wanted) + 20
    found = set()
    for el in root.iter(*_SHOWN):
        if lengths.get(el, 0) > longest * 3:
            continue  # (its text_content is longer still)
        text = all_text(el)
        if len(text) > longest * 3:
            continue
        text = _PREFIX.sub("", " ".join(text.split())).casefold()
        if text in wanted:
            found.add(text)
        elif el.tag in ("h1", "h2", "h3"):  # a heading shown with a prefix label ("Solved", "[Help]")
            bare = _without_labels(el).casefold()
            if bare in wanted:
                found.add(bare)
    return found


def _labelled_title(root, parts: list[str]) -> str | None:
    """A title shown after label elements whose <title> counterpart is spelled out: the heading's
    own text (outside its child elements) ends a <title> piece ("Licensed + Crunchyroll Title")."""
    for el in root.iter("strong", "b", "h1", "h2", "h3"):
        if not len(el) or len(el) > 8:
            continue
        own = " ".join(" ".join([el.text or "", *(c.tail or "" for c in el)]).split())
        if len(own) < 12 or len(own) > 200 or not any(len(" ".join(c.text_content().split())) for c in el):
            continue
        for part in parts:
            if len(part) > len(own) and part.casefold().endswith(" " + own.casefold()):
                return own
    return None


_NAV = re.compile(r"nav|crumb", re.I)


def _after_breadcrumb(root) -> str | None:
    """The heading right under the breadcrumb (<div class="navbar">links</div><div class="largefont">Title</div>),
    for pages whose <title> names only the site and the page kind."""
    for el in root.iter("div", "td", "p", "span", "nav", "ul", "ol"):
        if not _NAV.search((el.get("class") or "") + " " + (el.get("id") or "")) or len(el.findall(".//a")) < 2:
            continue
        nxt = el.getnext()
        if nxt is None or not isinstance(nxt.tag, str) or (el.tail or "").strip():
            return None
        text = " ".join(nxt.text_content().split())
        linked = sum(len(" ".join(a.text_content().split())) for a in nxt.iter("a"))
        return _PREFIX.sub("", text) if 3 <= len(text) <= 200 and linked * 2 < len(text) else None
    return None


_PRINT = re.compile(r"print|druck|imprim|stampa", re.I)


def _print_page(root) -> bool:
    head_title = next(iter(root.iter("title")), None)
    text = " ".join(head_title.text_content().split()) if head_title is not None else ""
    return bool(text) and any(_GENERIC.match(p) and _PRINT.search(p) for p in _SEPARATORS.split(text))


_BEFORE_TITLE = re.compile(r"(?:[:»>›|/–—-]|=>|::)\s*$")


def _heading_end(root, parts: list[str]) -> str | None:
    """The piece that a heading shows last, after a trail ("Workshop => Repairs => Topic: Title")."""
    for el in root.iter("h1", "h2", "h3"):
        text = " ".join(el.text_content().split())
        if len(text) > 400:
            continue
        for part in parts:
            if len(part) >= 8 and len(text) > len(part) and text.casefold().endswith(part.casefold()) and \
                    _BEFORE_TITLE.search(text[:-len(part)]):
                return part
    return None


def _link_texts(root) -> set[str]:
    """Texts of links outside headings (a topic's heading often links to the topic itself)."""
    out = set()
    for el in root.iter("a"):
        if any(a.tag in ("h1", "h2", "h3", "h4") for a in el.iterancestors()):
            continue
        text = " ".join(el.text_content().split())
        if text and len(text) <= 200:
            out.add(_PREFIX.sub("", text).casefold())
    return out


_AFTER_TITLE = re.compile(r"^\s*[;:,(|–—-]")


def _heading_start(root, parts: list[str]) -> str | None:
    """The piece that a heading or table head shows first, before a description of the topic."""
    for el in root.iter("h1", "h2", "h3", "th", "caption"):
        text = " ".join(el.text_content().split())
        if len(text) > 400:
            continue
        for part in parts:
            if len(part) >= 8 and text.casefold().startswith(part.casefold()) and \
                    _AFTER_TITLE.match(text[len(part):]):
                return part
    return None


def _heading_texts(root) -> set[str]:
    """The texts of the page's <h1> headings (with and without prefix labels), casefolded."""
    out = set()
    for el in root.iter("h1"):
        for text in (" ".join(el.text_content().split()), _without_labels(el)):
            if text and len(text) <= 300:
                out.add(_PREFIX.sub("", text).casefold())
    return out


def _without_labels(el) -> str:
    parts = [el.text or ""]
    for child in el:
        if not _LABEL_CLASS.search(child.get("class") or ""):
            parts.append(child.text_content() if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _meta(root, name: str) -> str | None:
    for el in root.iter("meta"):
        if el.get("property") == name or el.get("name") == name:
            value = " ".join((el.get("content") or "").split())
            if value:
                return value
    return None
