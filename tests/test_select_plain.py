"""select.matches_plain answers as the XPath of the same plain selector does, element by element."""
from __future__ import annotations

import random

import lxml.etree
import lxml.html
from cssselect import GenericTranslator

from forumparse.html.select import matches_plain, plain_parts

_ATTRS = ['class="a"', 'class="a b"', 'class="b\tc"', 'class=""', 'id="x"', 'id="y"', 'data-k="v"', 'data-k=""',
          'hidden', 'title="t"']


def _element(rnd) -> str:
    tag = rnd.choice(["div", "span", "a"])
    attrs = " ".join(dict.fromkeys(rnd.sample(_ATTRS, rnd.randint(0, 3))))
    attrs = " ".join({a.split("=")[0]: a for a in attrs.split(" ") if a}.values())  # one value per attribute
    return f"<{tag} {attrs}>t</{tag}>"


def _selector(rnd) -> str:
    def part():
        head = rnd.choice(["", "div", "a"])
        tests = [".a", ".b", ".c", "#x", "[data-k]", "[data-k=v]", "[data-k='']", "[hidden]", "[title=t]"]
        return head + "".join(rnd.sample(tests, rnd.randint(0 if head else 1, 2)))
    return ", ".join(part() for _ in range(rnd.randint(1, 3)))


def test_matches_plain_agrees_with_xpath():
    rnd = random.Random(7)
    translator = GenericTranslator()
    for _ in range(40):
        root = lxml.html.fragment_fromstring("".join(_element(rnd) for _ in range(12)), create_parent="section")
        for _ in range(10):
            css = _selector(rnd)
            parts = plain_parts(css)
            assert parts is not None, css
            test = lxml.etree.XPath(translator.css_to_xpath(css, prefix="self::"))
            for el in root:
                assert matches_plain(el, parts) == bool(test(el)), (css, lxml.html.tostring(el))
