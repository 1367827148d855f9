"""Adapter registry: built-ins from `forumparse.adapters`, plugins from entry points.

Choosing works like Pygments' lexer guessing: every adapter of the document's
format scores it, a 1.0 wins at once, else the highest score wins (ties broken
by priority, then name), and the generic adapter of the format is the fallback.

Adapters are asked in name order, except that those whose `hints` (lower-case
strings) occur in the page's fingerprint are asked first: a page's own engine is
then usually the first adapter asked, and its certain score ends detection after
one detect() instead of thirty. Hints only order the asking: an adapter without
hints, or whose hints are absent, is still asked whenever no adapter was certain,
so they can change the choice only between two adapters that are both certain.
Adapters that can never be certain (`max_score` below 1.0) are asked last.
"""
from __future__ import annotations

import importlib
import os
import pkgutil
import warnings
from functools import lru_cache

from .errors import UnknownAdapterError

ENTRY_POINT_GROUP = "forumparse.adapters"
NO_PLUGINS_ENV = "FORUMPARSE_NO_PLUGINS"  # set to 1 to ignore third-party adapters
FALLBACK = {"html": "generic-html", "text": "generic-text"}


class PluginWarning(UserWarning):
    """A third-party adapter could not be loaded and was skipped."""


def _valid(adapter) -> bool:
    return (isinstance(getattr(adapter, "name", None), str) and adapter.name
            and getattr(adapter, "format", None) in ("html", "text")
            and callable(getattr(adapter, "detect", None)) and callable(getattr(adapter, "parse", None)))


def _builtin() -> list:
    package = importlib.import_module(__package__ + ".adapters")  # the package, not the function

    found = []
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        if info.name.rsplit(".", 1)[-1].startswith("_") or info.name.endswith(".base"):
            continue
        try:
            module = importlib.import_module(info.name)
            found.extend(cls() for cls in getattr(module, "ADAPTERS", ()))
        except Exception as exc:  # one broken module must not take every other adapter down
            warnings.warn(f"forumparse: skipping built-in adapter module {info.name}: {exc!r}",
                          PluginWarning, stacklevel=2)
    return found


def _plugins() -> list:
    if os.environ.get(NO_PLUGINS_ENV, "").strip() not in ("", "0"):
        return []
    from importlib.metadata import entry_points

    found = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            obj = ep.load()
            adapter = obj() if isinstance(obj, type) else obj
            if not _valid(adapter):
                raise TypeError("not an adapter (needs name, format, detect, parse)")
        except Exception as exc:  # a broken plugin must not break parsing
            warnings.warn(f"forumparse: skipping adapter plugin {ep.name!r}: {exc}", PluginWarning, stacklevel=2)
            continue
        found.append(adapter)
    return found


@lru_cache(maxsize=1)
def all_adapters() -> tuple:
    """Every registered adapter instance; plugins may replace a built-in of the same name and format."""
    by_key = {}
    for adapter in _builtin() + _plugins():
        by_key[(adapter.name, adapter.format)] = adapter
    return tuple(sorted(by_key.values(), key=lambda a: (a.format, a.name)))


def reload() -> None:
    """Forget the cached registry (tests, or after installing a plugin at run time)."""
    all_adapters.cache_clear()
    _split.cache_clear()



def get(name: str, fmt: str):
    for adapter in all_adapters():
        if adapter.name == name and adapter.format == fmt:
            return adapter
    known = [a.name for a in all_adapters() if a.format == fmt]
    other = [a.format for a in all_adapters() if a.name == name]
    if other:
        raise UnknownAdapterError(f"adapter {name!r} reads {other[0]} input, not {fmt}")
    raise UnknownAdapterError(f"no adapter named {name!r}; known for {fmt}: {', '.join(known)}")


def _score(adapter, doc) -> float | None:
    try:
        score = float(adapter.detect(doc))
    except Exception as exc:  # a detector bug must not stop the others
        warnings.warn(f"forumparse: adapter {adapter.name!r} detect() failed: {exc!r}", stacklevel=3)
        return None
    return min(1.0, max(0.0, score))


def _rank(score: float, adapter) -> tuple:
    """Sort key: best score first, ties broken by priority, then name."""
    return (-score, -getattr(adapter, "priority", 0.5), adapter.name)


def _ceiling(adapter) -> float:
    """The highest score the adapter's detect() can return (`max_score`, default 1.0)."""
    return min(1.0, max(0.0, float(getattr(adapter, "max_score", 1.0))))


def fingerprint(doc) -> str:
    """What a page says about itself in places that cost next to nothing, lower-cased.

    HTML: the attributes of <html> and <body>, then those of each element in <head> (script
    and style addresses, meta names and values), then the start of each inline head script,
    cut at `FINGERPRINT_SIZE` characters: engines name themselves there, early. Text: the
    first `FINGERPRINT_SIZE` characters.
    """
    if doc.format != "html":
        return doc.text[:FINGERPRINT_SIZE].lower()
    root = doc.tree
    if root is None:
        return ""
    parts = list(root.values())
    head = None
    for child in root:
        if child.tag == "head":
            head = child
        elif child.tag == "body":
            parts.extend(child.values())
    if head is not None:
        scripts = []
        for el in head:
            parts.extend(el.values())
            if el.tag == "script" and el.text:
                scripts.append(el.text[:_INLINE_SCRIPT])
        parts.extend(scripts)  # last: analytics and ad snippets come before the engine's own
    return "\n".join(parts)[:FINGERPRINT_SIZE].lower()


FINGERPRINT_SIZE = 1200  # each hint is a search of it; the corpus pages name their engine within 700
_INLINE_SCRIPT = 300  # characters of an inline head script: its first variables name the engine


def _table(fmt: str) -> tuple[tuple, tuple, tuple]:
    """The format's adapters by name, split once per registry: (hint, adapter) for each hint of
    those that can be certain, those that can be certain, those that cannot (`max_score` < 1)."""
    return _split(fmt, all_adapters())


@lru_cache(maxsize=8)
def _split(fmt: str, registered: tuple) -> tuple[tuple, tuple, tuple]:
    adapters = [a for a in registered if a.format == fmt]
    certain = [a for a in adapters if _ceiling(a) >= 1.0]
    hints = tuple((hint, a) for a in certain for hint in (getattr(a, "hints", ()) or ()))
    return hints, tuple(certain), tuple(a for a in adapters if _ceiling(a) < 1.0)


def _order(doc) -> list:
    """The document's format's adapters in asking order, each group by name: those whose hints
    the fingerprint shows, the others that can be certain, those that cannot (`max_score` < 1);
    the place of the last ones changes nothing, as they never end detection early."""
    hints, certain, uncertain = _table(doc.format)
    page = fingerprint(doc) if hints else ""
    shown = {adapter for hint, adapter in hints if hint in page} if page else ()
    doc.unhinted = not shown  # every adapter may be asked: their marker scans share a word list early
    if not shown:
        return [*certain, *uncertain]
    return [a for a in certain if a in shown] + [a for a in certain if a not in shown] + list(uncertain)


def score_all(doc) -> list[tuple[float, object]]:
    """(score, adapter) for every adapter of the document's format asked, best first.

    Asking stops at the first certain (1.0) score, in the order of `_order`."""
    scored = []
    for adapter in _order(doc):
        score = _score(adapter, doc)
        if score is None:
            continue
        scored.append((score, adapter))
        if score >= 1.0:
            break
    scored.sort(key=lambda sa: _rank(*sa))
    return scored


def choose(doc):
    """The best adapter for the page: the same choice as the top of `score_all`, for less work.

    The first adapter (in asking order) that is certain wins, as in `score_all`; an adapter
    runs only while its ceiling (`max_score`) could still beat the best score so far.
    """
    best, best_rank = None, None
    for adapter in _order(doc):
        if best_rank is not None and _rank(_ceiling(adapter), adapter) > best_rank:
            continue  # even its highest score would lose
        score = _score(adapter, doc)
        if score is None:
            continue
        rank = _rank(score, adapter)
        if best_rank is None or rank < best_rank:
            best, best_rank = (score, adapter), rank
        if score >= 1.0:
            break
    if best is not None and best[0] > 0:
        return best[1]
    return get(FALLBACK[doc.format], doc.format)
