"""Parse HTML text into an lxml tree safely: no network, no entity expansion, no crash."""
from __future__ import annotations

import re

import lxml.etree
import lxml.html

from ..errors import InputError

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def _parser(encoding: str | None = None):
    # no_network and no entity resolution: a page never makes us touch the network or expand entities.
    parser = lxml.etree.HTMLParser(no_network=True, remove_comments=False, remove_pis=True,
                                   recover=True, collect_ids=False, encoding=encoding)
    # lxml.html picks each element's class in Python (forms, inputs, labels get their own); a
    # C-level default lookup gives every element the HtmlElement API at a fraction of the cost.
    parser.set_element_class_lookup(lxml.etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
    return parser


_PARSER = _parser()
_UTF8_PARSER = _parser("utf-8")  # the given encoding wins over any the page declares


def parse_html(text: str, utf8: bytes | None = None):
    """Return the root element of `text` parsed as HTML.

    `utf8`: bytes whose strict UTF-8 decoding is `text`, parsed instead when given (the same
    tree; lxml reads a str with characters beyond U+FFFF at half speed)."""
    if utf8 is not None and not _XML_DECL.match(text):
        source, parser = utf8, _UTF8_PARSER
    else:
        # lxml refuses str input with an encoding declaration
        source, parser = _XML_DECL.sub("", text, count=1), _PARSER
    try:
        root = lxml.html.document_fromstring(source, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(f"could not parse the HTML: {exc}") from None
    if root is None:
        raise InputError("the HTML document is empty")
    return root
