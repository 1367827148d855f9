"""forumparse: forum page dumps (HTML or text) to typed records and JSON.

    >>> from forumparse import parse_thread, to_json
    >>> thread = parse_thread("saved-thread.html")
"""
from .api import parse_document, parse_thread
from .dates import DateContext, ParsedDate, parse_date
from .document import Document
from .errors import AdapterError, ForumParseError, InputError, NotAThreadError, UnknownAdapterError
from .records import Author, LatestReply, Post, Quote, Thread
from .serialize import from_dict, to_dict, to_json

__version__ = "0.1.0"


def list_adapters() -> list[dict]:
    """The registered adapters: name, format, description (built-ins and plugins)."""
    from .registry import all_adapters

    return [{"name": a.name, "format": a.format, "description": getattr(a, "description", "")}
            for a in all_adapters()]


__all__ = [
    "AdapterError", "Author", "DateContext", "Document", "ForumParseError", "InputError", "LatestReply",
    "NotAThreadError", "ParsedDate", "Post", "Quote", "Thread", "UnknownAdapterError", "list_adapters",
    "from_dict", "parse_date", "parse_document", "parse_thread", "to_dict", "to_json",
]
