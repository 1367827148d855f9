"""Engine adapters, one module per engine family, plus the registry that finds them.

Every module in this package that defines `ADAPTERS` (a tuple of adapter classes)
is registered; third-party packages add theirs through the `forumparse.adapters`
entry-point group.
"""
from .base import Adapter

__all__ = ["Adapter"]
