"""Records to and from JSON through one private cattrs converter."""
from __future__ import annotations

import json
from typing import Any

import cattrs

from .records import Thread

_converter = cattrs.Converter()


def to_dict(thread: Thread) -> dict[str, Any]:
    """The thread as plain JSON-ready data: None stays None, tuples become lists."""
    return _converter.unstructure(thread)


def to_json(thread: Thread, indent: int | None = None) -> str:
    return json.dumps(to_dict(thread), ensure_ascii=False, indent=indent)


def from_dict(data: dict[str, Any]) -> Thread:
    """The way back from `to_dict` output (or parsed JSON) to records."""
    try:
        return _converter.structure(data, Thread)
    except Exception as exc:  # cattrs raises its own exception group
        from .errors import InputError

        raise InputError(f"not a forumparse thread record: {exc}") from None
