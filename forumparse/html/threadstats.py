"""Thread counts that pages show outside the posts: "1,041 Views", "Replies: 6", "Read 11186 times".

Only exact numbers count ("38k views" is not a view count), and only text
outside the post records, so that a number quoted in a post is never taken.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..numbers import parse_count
from .dates_found import all_text

_N = r"(?P<n>\d[\d,.\u00a0\u202f' ]*)"
_VIEW_WORDS = (r"(?:views?|aufrufe|zugriffe|vues|visitas|visualizzazioni|visualizações|weergaven|hits|просмотр\w*|"
               r"查看|浏览|瀏覽|阅读|閱讀|点击|點擊)")
_REPLY_WORDS = (r"(?:replies|reply|comments?|answers?|antworten|réponses|respuestas|risposte|respostas|reacties|"
                r"ответ\w*|комментари\w*|回复|回覆|回應)")
VIEWS = (
    re.compile(rf"^{_N}\s*{_VIEW_WORDS}\.?$", re.I),
    re.compile(rf"^{_VIEW_WORDS}\s*[:：]?\s*{_N}$", re.I),
    re.compile(rf"^(?:read|viewed|gelesen|angesehen|lu|vu|visto|vista|visualizado|letto|bekeken|просмотрен\w*)\s+{_N}"
               r"\s*(?:times|mal|fois|vezes|veces|volte|keer|раз[а]?)\.?$", re.I),
)
REPLIES = (
    re.compile(rf"^{_N}\s*{_REPLY_WORDS}(?:\s+(?:(?:to|in|on)\s+this\s+(?:topic|thread|post|question)|"
               r"(?:auf|zu|in) (?:dieses|diesem) thema|(?:à|sur) ce sujet|(?:en|a) este tema|"
               r"(?:a|in) questa discussione|на эту тему|в этой теме))?:?$", re.I),
    re.compile(rf"^{_REPLY_WORDS}\s*[:：]?\s*{_N}$", re.I),
)
_MAX = 40
_MAX_PHRASE = 200
# "Topic: X (Read 11186 times)": a phrase that says views on its own, inside a longer heading.
# "This topic has 4 replies, 3 voices": a sentence that states the reply count.
_HAS_REPLIES = re.compile(rf"\b(?:has|contains|with)\s+(?P<n>\d[\d,.]*)\s+{_REPLY_WORDS}\b", re.I)
# a blog's comments heading: "3 thoughts on “Title”", "12 Responses to "Title"", "2 comments on ‘Title’"
_RESPONSES_TO = re.compile(r"(?P<n>\d[\d,.]*)\s+(?:thoughts?|responses?|repl(?:y|ies)|comments?)\s+(?:on|to)\s+"
                           r"[“\"'‘«„]", re.I)
_READ_TIMES = re.compile(r"\((?:read|viewed|gelesen|lu|leído|letto|lido|gelezen|прочитано)\s+(?P<n>\d[\d,.\u00a0' ]*)"
                         r"\s*(?:times|mal|fois|veces|volte|vezes|keer|раз[а]?)\)", re.I)


def thread_counts(index, inside_posts) -> tuple[int | None, int | None]:
    """(views, replies) shown as short texts of their own outside the posts, or None each."""
    views = replies = None
    named: dict = {}  # element -> its class or id names a list of other topics (asked per ancestor once)
    for el in index.order:
        n = index.length.get(el, 0)
        if not n or n > _MAX_PHRASE or not isinstance(el.tag, str) or inside_posts(el) or _other_topics(el, named):
            continue
        if n > _MAX:
            own = " ".join([el.text or "", *(c.tail or "" for c in el)])  # (the phrase may follow a label)
            if not _DIGIT.search(own):
                continue  # (every count pattern holds a digit)
            if views is None and "(" in own:
                m = _READ_TIMES.search(own)
                views = parse_count(m.group("n").strip(), allow_abbrev=False) if m else None
            if replies is None and own.strip():
                m = _HAS_REPLIES.search(own) or _RESPONSES_TO.match(own.strip())
                replies = parse_count(m.group("n").strip(), allow_abbrev=False) if m else None
            continue
        texts = tuple(t.strip("()[] ") for t in (
            " ".join(all_text(el).split()), " ".join((el.text or "").split()), el.get("title") or ""))
        if texts[0].endswith((":", "：")) or _LABEL_ONLY.match(texts[0]):
            # "<span>查看:</span> <span>8215</span>", "<td>viewed</td><td>2,345 times</td>": the value is next
            nxt = _value_after(el)
            if nxt is not None:
                texts = (texts[0] + " " + " ".join(nxt.text_content().split()),) + texts[1:]
        if len(el) and any(c.get("title") for c in el if isinstance(c.tag, str)):
            texts += (_exact_text(el),)  # "<span title="1532">1.5k</span> Views": the title is exact
        if not _DIGIT.search(" ".join(texts)):
            continue  # (every count pattern holds a digit)
        if views is None:
            views = next((c for c in (_count(VIEWS, t) for t in texts) if c is not None), None)
        if replies is None:
            replies = next((c for c in (_count(REPLIES, t) for t in texts[:2]) if c is not None), None)
            m = _RESPONSES_TO.match(texts[0]) if replies is None else None
            replies = parse_count(m.group("n"), allow_abbrev=False) if m else replies
        if views is not None and replies is not None:
            break
    return views, replies


_DIGIT = re.compile(r"\d")
_LABEL_ONLY = re.compile(rf"^(?:{_VIEW_WORDS}|{_REPLY_WORDS}|viewed|read)$", re.I)


def _value_after(el):
    """The element that shows a label's value: the next one, or the next cell of a cell that holds only it."""
    if (el.tail or "").strip():
        return None
    nxt = el.getnext()
    if nxt is None:
        parent = el.getparent()
        if parent is not None and parent.tag in ("td", "th", "dt", "li") and len(parent) == 1 \
                and not (parent.text or "").strip() and not (parent.tail or "").strip():
            nxt = parent.getnext()
    return nxt if nxt is not None and isinstance(nxt.tag, str) else None


_EXACT = re.compile(r"^\d[\d,.\u00a0' ]*$")
_SHORT = re.compile(r"^\d[\d,.]*\s*[kKmM万萬]?$")


def _exact_text(el) -> str:
    """The element's text with a shortened number ("1.5k") replaced by the exact one in its title."""
    parts = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):
            continue
        shown = " ".join(child.text_content().split())
        title = (child.get("title") or "").strip()
        parts.append(title if _EXACT.match(title) and _SHORT.match(shown) else shown)
        parts.append(child.tail or "")
    return " ".join(" ".join(parts).split())


_OTHER_TOPICS = re.compile(r"similar|related|suggested|topic_?list|topiclist|threadlist|thread_?list|"
                           r"more-?topics", re.I)


@lru_cache(maxsize=8192)
def _topics_class(cls: str) -> bool:
    return bool(_OTHER_TOPICS.search(cls))


def _other_topics(el, named: dict) -> bool:
    """Counts in a list of other topics ("Similar Topics", "Related threads") are theirs: one of
    the element's eight nearest ancestors names such a list. `named` keeps the answers for the page
    (per element and number of levels: siblings share their parent's)."""
    parent = el.getparent()
    return parent is not None and _names_topics(parent, 8, named)


def _names_topics(el, levels: int, named: dict) -> bool:
    """el or one of its levels - 1 nearest ancestors has a class or id that names a topic list."""
    key = (el, levels)
    got = named.get(key)
    if got is None:
        own = named.get(el)
        if own is None:
            cls, ident = el.get("class"), el.get("id")
            # (no word of the pattern holds a space: class and id are searched apart, a class once per page)
            own = named[el] = bool((cls and _topics_class(cls)) or (ident and _OTHER_TOPICS.search(ident)))
        parent = el.getparent() if not own and levels > 1 else None
        got = named[key] = own or (parent is not None and _names_topics(parent, levels - 1, named))
    return got


def _count(patterns, text: str) -> int | None:
    for rx in patterns:
        m = rx.match(text)
        if m:
            return parse_count(m.group("n").strip(), allow_abbrev=False)
    return None
