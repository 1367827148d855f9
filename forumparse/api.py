"""`parse_thread()`: load, choose an adapter, parse, finish the records."""
from __future__ import annotations

from datetime import datetime

import attrs

from . import quality, registry
from .context import ParseContext
from .document import Document
from .errors import AdapterError, ForumParseError, NotAThreadError
from .records import Post, Thread


def parse_thread(source, *, adapter: str | None = None, url: str | None = None,
                 now: datetime | None = None, date_order: str | None = None, tz=None) -> Thread:
    """Parse one forum thread page (HTML or a text dump) into a `Thread`.

    `source` is a path (str naming an existing file, or os.PathLike), page text,
    bytes, or a binary file object. `adapter` forces an adapter by name; `url`
    is the page's address when the page does not say; `now` resolves relative
    dates ("Yesterday", "2 hours ago"; without it, and without a capture time in
    the dump, they stay unresolved); `date_order` ("DMY", "MDY", "YMD") decides
    all-numeric dates the page itself leaves ambiguous; `tz` (a tzinfo or zone
    name) makes naive times aware when the page states no zone.
    Raises a `ForumParseError` subclass, nothing else.
    """
    try:
        doc = Document.load(source, url=url)
        return parse_document(doc, adapter=adapter, url=url, now=now, date_order=date_order, tz=tz)
    except ForumParseError:
        raise
    except RecursionError:
        raise AdapterError("the page is nested too deeply to parse") from None
    except MemoryError:
        raise AdapterError("the page is too large to parse in memory") from None


def parse_document(doc: Document, *, adapter: str | None = None, url: str | None = None,
                   now: datetime | None = None, date_order: str | None = None, tz=None) -> Thread:
    if not doc.text.strip():
        raise NotAThreadError("the input is empty")
    if adapter:
        chosen = registry.get(adapter, doc.format)
        return _run(chosen, doc, url, now, date_order, tz)
    chosen = registry.choose(doc)
    fallback = registry.get(registry.FALLBACK[doc.format], doc.format)
    try:
        thread = _run(chosen, doc, url, now, date_order, tz)
    except (NotAThreadError, AdapterError):
        if chosen is fallback:
            raise
        # the engine adapter found nothing: the generic layout heuristics get their chance
        return _run(fallback, doc, url, now, date_order, tz)
    if chosen is fallback or doc.format != "html" or not quality.looks_incomplete(thread):
        return thread
    # A page of another version or theme of the engine: its markers matched, its post
    # markup only partly. The generic heuristics may read it whole; keep the better result.
    # (Text adapters stand on the generic text machinery already: nothing to gain there.)
    try:
        generic = _run(fallback, doc, url, now, date_order, tz)
    except (NotAThreadError, AdapterError):
        return thread
    if quality.better(generic, thread):
        note = f"the {chosen.name} adapter read this page incompletely; the generic layout heuristics were used"
        return attrs.evolve(generic, warnings=generic.warnings + (note,))
    return thread


def _run(adapter, doc, url, now, date_order, tz) -> Thread:
    ctx = ParseContext(doc, url=url, now=now, date_order=date_order, tz=tz)
    ctx.dates.learn_order(doc.text, doc.lang)
    try:
        thread = adapter.parse(doc, ctx)
    except ForumParseError:
        raise
    except RecursionError:
        raise AdapterError(f"{adapter.name}: the page is nested too deeply to parse") from None
    except Exception as exc:  # an adapter bug becomes our error, never a deep traceback
        raise AdapterError(f"{adapter.name} adapter failed: {type(exc).__name__}: {exc}") from exc
    if thread is None or not thread.posts:
        raise NotAThreadError(f"no forum posts found ({adapter.name})")
    return finish(thread, adapter, doc, ctx)


def finish(thread: Thread, adapter, doc, ctx) -> Thread:
    """Fill what every thread gets the same way: engine, format, url, indexes, warnings."""
    posts = tuple(_indexed(p, i) if p.index != i else p for i, p in enumerate(thread.posts))
    warnings = list(doc.warnings) + list(thread.warnings) + ctx.warnings + ctx.dates.warnings
    missing = sum(1 for p in posts if p.author is None or not p.author.name)
    if missing:
        warnings.append(f"{missing} of {len(posts)} posts have no author")
    single_page = (thread.page in (None, 1)) and (thread.page_count in (None, 1))
    if thread.reply_count is not None and single_page and thread.reply_count != len(posts) - 1:
        warnings.append(f"the page declares {thread.reply_count} replies but {len(posts) - 1} are present")
    return attrs.evolve(
        thread,
        engine=thread.engine or adapter.name,
        source_format=doc.format,
        url=thread.url or ctx.url or doc.saved_url,
        posts=posts,
        warnings=tuple(dict.fromkeys(warnings)),
    )


_POST_FIELDS = tuple(a.name for a in attrs.fields(Post))


def _indexed(post: Post, index: int) -> Post:
    """`attrs.evolve(post, index=index)` without running every converter again (the fields
    hold converted values already): a quarter of its cost, on pages of a few hundred posts."""
    if post.__class__ is not Post:  # a subclass may have fields of its own
        return attrs.evolve(post, index=index)
    new = object.__new__(Post)
    put = object.__setattr__  # the frozen class refuses its own __setattr__
    for name in _POST_FIELDS:
        put(new, name, getattr(post, name))
    put(new, "index", index)
    return new
