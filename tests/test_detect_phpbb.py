"""phpBB detection: certain only with phpBB's own template markup besides the usual evidence."""
from __future__ import annotations

from forumparse import registry
from forumparse.document import Document

POST = ('<div class="post" id="p1"><div class="postbody"><p class="author">by <a href="memberlist.php?mode=viewprofile'
        '&amp;u=2">ann</a></p><div class="content">hello</div></div></div>'
        '<a href="./viewtopic.php?f=2&amp;t=3">topic</a>')
CREDIT = 'Powered by <a href="http://www.phpbb.com/"{target}>phpBB</a>'


def _score(html: str) -> float:
    return registry.get("phpbb", "html").detect(Document.load(html))


def _page(body_attrs="", target="", extra=""):
    return (f"<html><head><title>t</title></head><body{body_attrs}>{POST}{extra}"
            f"<p>{CREDIT.format(target=target)}</p></body></html>")


def test_prosilver_body_id_makes_it_certain():
    assert _score(_page(' id="phpbb" class="section-viewtopic"')) == 1.0


def test_subsilver_credit_target_makes_it_certain():
    assert _score(_page(target=' target="_phpbb" class="copyright"')) == 1.0


def test_the_evidence_alone_stays_below_certain():
    assert _score(_page()) == 0.95


def test_template_markup_without_the_evidence_is_not_enough():
    assert _score('<html><body id="phpbb"><p>a page that names phpBB</p></body></html>') < 1.0


def test_forumotion_boards_are_not_claimed():
    forumotion = '<script src="https://illiweb.com/rs3/60/frm/lang/de.js"></script><a href="https://x.forumotion.com/">x</a>'
    html = _page(' id="phpbb"', extra=forumotion).replace("memberlist.php", "/u2").replace("./viewtopic.php", "/t3-x")
    assert _score(html) == 0.0


def test_a_certain_phpbb_page_ends_detection(monkeypatch):
    asked = []
    for adapter in registry.all_adapters():
        monkeypatch.setattr(adapter, "detect", lambda doc, a=adapter, f=adapter.detect: asked.append(a.name) or f(doc))
    html = _page(' id="phpbb"').replace("<title>t</title>", '<link href="./styles/prosilver/theme/stylesheet.css">')
    assert registry.choose(Document.load(html)).name == "phpbb"
    assert asked == ["phpbb"]  # hinted by its style path, asked first, certain


def test_phpbb30_header_script_makes_a_saved_page_certain():
    # a saved 3.0 page whose viewtopic links were rewritten: the profile links and the
    # header script's style cookie remain
    script = "<script>var style_cookie = 'phpBBstyle';</script>"
    html = _page(extra=script).replace("./viewtopic.php?f=2&amp;t=3", "#top")
    assert "viewtopic" not in html
    assert _score(html) == 1.0
    assert _score(html.replace(script, "")) < 1.0


def test_wordpress_bypostauthor_comment_is_no_phpbb_markup():
    page = ('<html><head><title>A post</title></head><body class="single"><ol class="commentlist">'
            '<li class="comment byuser comment-author-ann bypostauthor" id="comment-2"><p>Thanks all. '
            'I moved my board to phpBB last year.</p></li></ol></body></html>')
    assert _score(page) < 0.2
