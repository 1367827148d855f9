"""No engine adapter claims another engine's fixtures (score 0.5 or more), in either format.

One test over every adapter and every fixture, so a new adapter or fixture is covered without
writing its own copy of this loop. The golden tests check the other half: every fixture is
won by the adapter its folder names.
"""
from __future__ import annotations

import pytest
from conftest import FIXTURES

from forumparse import registry
from forumparse.document import Document

GENERIC = {"generic-html", "generic-text", "schemaorg"}  # fallbacks and structured data: not engines
# Engines whose markup descends from another's: a middling score on the other's pages is expected
# (the winner is still the page's own adapter, which the golden tests check).
KIN = {("phpbb", "fluxbb")}


@pytest.fixture(scope="module")
def documents():
    pages = sorted(FIXTURES.glob("*/*.html")) + sorted(FIXTURES.glob("*/*.txt"))
    return [(page, Document.load(page)) for page in pages]


@pytest.mark.parametrize("adapter", [a for a in registry.all_adapters() if a.name not in GENERIC],
                         ids=lambda a: f"{a.name}-{a.format}")
def test_adapter_leaves_other_engines_fixtures_alone(adapter, documents):
    claimed = [f"{page.parent.name}/{page.name} ({score:.2f})" for page, doc in documents
               if doc.format == adapter.format and page.parent.name != adapter.name
               and (adapter.name, page.parent.name) not in KIN
               and (score := adapter.detect(doc)) >= 0.5]
    assert claimed == []
