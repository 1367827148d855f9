"""Engines certain of their own pages end detection at once: what makes each certain, and what does not."""
from __future__ import annotations

from pathlib import Path

import pytest

from forumparse import registry
from forumparse.document import Document

FIXTURES = Path(__file__).parent / "fixtures"


def _score(name: str, html: str) -> float:
    return registry.get(name, "html").detect(Document.load(html))


@pytest.mark.parametrize("case", ["forumotion/phpbb2-template", "forumotion/phpbb3-template",
                                  "forumotion/modernbb-template", "invision/ipb3-topic", "phpbb/prosilver-30",
                                  "phpbb/phpbb2-subsilver"])
def test_fixture_pages_are_certain(case):
    adapter, _ = case.split("/")
    html = (FIXTURES / f"{case}.html").read_text(encoding="utf-8")
    assert _score(adapter, html) == 1.0


FORUMOTION = ('<html><head><script src="https://illiweb.com/rs3/60/frm/lang/fr.js"></script></head><body>'
              '<div class="post" id="p1"><div class="postprofile">ann</div><div class="post-entry">hi</div></div>'
              '<a href="https://x.forumactif.com/t3-x">x</a>{links}<script>$(function(){{fa_endpage();}});</script>'
              '</body></html>')


def test_forumotion_certain_with_its_cdn_and_page_script():
    assert _score("forumotion", FORUMOTION.format(links="")) == 1.0
    assert _score("forumotion", FORUMOTION.format(links="").replace("fa_endpage(", "other(")) == 0.95


def test_forumotion_not_certain_on_a_phpbb_board_linking_to_it():
    links = '<a href="viewtopic.php?t=1">a</a><a href="memberlist.php?mode=viewprofile&amp;u=2">b</a>'
    assert _score("forumotion", FORUMOTION.format(links=links)) < 1.0


IPB3 = ("<html><head><script>ipb.vars['base_url'] = 'x';</script></head><body>{posts}</body></html>")


def test_invision3_certain_with_its_scripts_and_post_blocks():
    post = '<div class="post_block"><div class="post entry-content">hi</div></div>'
    assert _score("invision", IPB3.format(posts=post)) == 1.0
    assert _score("invision", IPB3.format(posts="<p>an index page</p>")) == 0.9


PHPBB = ('<html><head>{head}</head><body>{wrap}<div class="postbody"><a href="memberlist.php?mode=viewprofile&amp;u=2">'
         'ann</a> hi</div><a href="viewtopic.php?t=3">t</a><p>Powered by phpBB</p></body></html>')


@pytest.mark.parametrize("head, wrap", [
    ("<script>window.open('privmsg.php?mode=newpm', '_phpbbprivmsg', 'HEIGHT=225');</script>", ""),
    ("", '<div id="wrapheader"></div><div id="wrapcentre"></div>'),
])
def test_phpbb2_and_subsilver2_templates_are_certain(head, wrap):
    assert _score("phpbb", PHPBB.format(head=head, wrap=wrap)) == 1.0


def test_phpbb_wrapper_ids_need_each_other():
    assert _score("phpbb", PHPBB.format(head="", wrap='<div id="wrapheader"></div>')) == 0.95
