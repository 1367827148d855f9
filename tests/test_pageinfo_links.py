"""pageinfo.link_href: the first <link href> whose rel holds the token (as the XPath class-style test)."""
from __future__ import annotations

import lxml.html

from forumparse.html.pageinfo import link_href


def test_link_href_matches_whole_rel_tokens():
    root = lxml.html.document_fromstring(
        '<html><head><link rel="nextpage" href="/a"><link rel="next"><link rel="prefetch\tnext" href="/b">'
        '<link rel="next" href="/c"><link rel="prev" href="/p"></head><body></body></html>')
    assert link_href(root, "next") == "/b"  # not "nextpage", not a link without href
    assert link_href(root, "prev") == "/p"
    assert link_href(root, "canonical") is None
