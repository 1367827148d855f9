"""The one exception family that leaves forumparse."""


class ForumParseError(Exception):
    """Base class of every error forumparse raises on purpose."""


class InputError(ForumParseError):
    """The source could not be read or decoded (missing file, unknown type, undecodable bytes)."""


class NotAThreadError(ForumParseError):
    """The input was read, but no forum post could be found in it."""


class UnknownAdapterError(ForumParseError):
    """`adapter=` named an adapter that is not registered for this input's format."""


class AdapterError(ForumParseError):
    """An adapter failed on this page in a way it did not foresee."""
