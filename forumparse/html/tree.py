"""Parse HTML text into an lxml tree safely: no network, no entity expansion, no crash."""
from __future__ import annotations

import re

import lxml.etree
import lxml.html

from ..errors import InputError

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# no_network and no entity resolution: a page never makes us touch the network or expand entities.
_PARSER = lxml.etree.HTMLParser(no_network=True, remove_comments=False, remove_pis=True,
                                recover=True, collect_ids=False)
# lxml.html picks each element's class in Python (forms, inputs, labels get their own); a
# C-level default lookup gives every element the HtmlElement API at a fraction of the cost.
_PARSER.set_element_class_lookup(lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))


def parse_html(text: str):
    """Return the root element of `text` parsed as HTML."""
    text = _XML_DECL.sub("", text, count=1)  # lxml refuses str input with an encoding declaration
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(f"could not parse the HTML: {exc}") from None
    if root is None:
        raise InputError("the HTML document is empty")
    return root
