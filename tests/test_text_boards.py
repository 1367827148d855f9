"""Classic board text dumps (vBulletin, phpBB, Forumotion) and Stack Exchange text: echoed
quotes, app sign-offs, detection limits, and the generic layout still reading a phpBB dump."""
from __future__ import annotations

from pathlib import Path

import forumparse
from forumparse.adapters.text_forumotion import ForumotionText
from forumparse.adapters.text_phpbb import PhpBBText
from forumparse.adapters.text_vbulletin import VBulletinText
from forumparse.dates import DateContext
from forumparse.document import Document
from forumparse.records import Author, Post
from forumparse.text.quoted import indent_echoed_quotes
from forumparse.text.signatures import split_sign_offs, split_signatures
from forumparse.text.tokens import scan

FIXTURES = Path(__file__).parent / "fixtures"


def _tokens(text):
    return scan(text, DateContext())


def test_echoed_lines_under_a_quote_header_are_set_deeper():
    text = ("alice\nThe pump runs hot after an hour of use in summer.\n\n"
            "bob wrote nothing\nalice wrote:\nThe pump runs hot after an hour\nof use in summer.\n"
            "Mine too, fit a fan.\n")
    toks = indent_echoed_quotes(_tokens(text))
    by_text = {t.text: t for t in toks}
    assert by_text["The pump runs hot after an hour"].indent > by_text["alice wrote:"].indent
    assert by_text["of use in summer."].indent > by_text["alice wrote:"].indent
    assert by_text["Mine too, fit a fan."].indent == by_text["alice wrote:"].indent


def test_centred_reply_under_an_echoed_quote_goes_to_the_header_column():
    # w3m centres a cell: the quote starts at the margin, the reply sits deeper than the header
    text = ("alice\nThe pump runs hot after an hour of use in summer.\n\n"
            "        alice wrote:\nThe pump runs hot after an hour of use in summer.\n"
            "             Mine too, fit a fan.\n")
    toks = indent_echoed_quotes(_tokens(text))
    head = next(t for t in toks if t.kind == "quote_header")
    quoted = [t for t in toks if t.text.startswith("The pump")][-1]
    reply = next(t for t in toks if t.text.startswith("Mine too"))
    assert quoted.indent > head.indent and reply.indent == head.indent


def test_a_quote_of_a_post_not_on_the_page_is_left_alone():
    text = "carol wrote:\nSomething said on another page long ago.\nMy answer.\n"
    toks = _tokens(text)
    assert [t.indent for t in indent_echoed_quotes(toks)] == [t.indent for t in toks]


def test_quoted_lines_are_no_echo_source():
    # a double post: both quote the same words and answer alike; the second quote must not run on
    # into the answer, although the first post shows quote and answer one after the other
    text = ("Own words of the sixth post here.\n\n"
            "ann wrote:\nOwn words of the sixth post here.\nDefinitely yes.\n\n"
            "ann wrote:\nOwn words of the sixth post here.\nDefinitely yes.\n")
    toks = indent_echoed_quotes(_tokens(text))
    answers = [t for t in toks if t.text == "Definitely yes."]
    quoted = [t for t in toks if t.text == "Own words of the sixth post here."]
    assert [t.indent for t in answers] == [0, 0]
    assert [t.indent for t in quoted] == [0, 4, 4]


def test_app_sign_off_goes_to_the_signature():
    posts = [Post(author=Author(name="x"), body="Real text here.\nSent from my Pixel 4 using Tapatalk"),
             Post(author=Author(name="y"), body="Sent from my phone")]
    out = split_sign_offs(posts)
    assert out[0].body == "Real text here." and out[0].author.signature.startswith("Sent from my Pixel")
    assert out[1].body == "Sent from my phone"  # a post never loses all its text


def test_double_post_keeps_its_text_and_loses_the_signature():
    sig = "Measure twice, cut once, and keep your saw sharp."
    posts = [Post(author=Author(name="t"), body="Definitely ...\n\n" + sig),
             Post(author=Author(name="t"), body="Definitely ...\n\n" + sig),
             Post(author=Author(name="t"), body="Other words.\n\n" + sig)]
    out = split_signatures(posts)
    assert [p.body for p in out] == ["Definitely ...", "Definitely ...", "Other words."]


def _claims(adapter, name):
    return adapter().detect(Document.load(FIXTURES / name))


def test_board_adapters_claim_only_their_own_dumps():
    assert _claims(VBulletinText, "vbulletin/vb4-lynx.txt") > 0.5
    assert _claims(PhpBBText, "phpbb/prosilver-w3m.txt") > 0.5
    assert _claims(ForumotionText, "forumotion/forumieren-w3m.txt") > 0.5
    for adapter, other in ((VBulletinText, "phpbb/prosilver-w3m.txt"), (PhpBBText, "vbulletin/vb4-lynx.txt"),
                           (ForumotionText, "phpbb/phpbb2-lynx.txt"), (PhpBBText, "forumotion/forumieren-w3m.txt"),
                           (VBulletinText, "jive/given-thread.txt"), (PhpBBText, "jive/given-thread.txt"),
                           (VBulletinText, "phpbb/prosilver-noindent.txt")):
        assert _claims(adapter, other) == 0.0, (adapter.name, other)


def test_generic_layout_still_reads_a_phpbb2_dump():
    thread = forumparse.parse_thread(FIXTURES / "phpbb" / "phpbb2-lynx.txt", adapter="generic-text")
    assert [p.author.name for p in thread.posts] == ["spokes_mcgee", "derailleur_dan", "spokes_mcgee"]
    assert thread.posts[1].quotes and thread.posts[1].body.startswith("Did you replace the chain")


def test_vbulletin_reply_keeps_only_its_own_words():
    thread = forumparse.parse_thread(FIXTURES / "vbulletin" / "vb4-lynx.txt")
    last = thread.posts[-1]
    assert last.body.startswith("Forgot to add") and "windy night" not in last.body
    assert last.quotes[0].author == "shedhead"


def test_a_row_of_one_two_sided_statistic_line_unfolds():
    from forumparse.text.columns import unfold

    pad = lambda left: left.ljust(27)  # noqa: E731 - the w3m column of the post text
    rows = []
    for i in range(5):
        rows += [pad("alice") + f"line {i} of the text of the post", pad("Member") + "and more of its words", ""]
    rows += [pad("Join Date: Mar 2011") + "@bob thanks", ""]
    rows += [pad("Post Posted: today") + "Post subject: hello", ""]  # no statistic: left as it is
    out, left = unfold(rows)
    assert "Join Date: Mar 2011" in [out[n].strip() for n in left]
    assert "@bob thanks" in [line.strip() for line in out]
    assert any(line.startswith("Post Posted: today") and "hello" in line for line in out)


def test_smiley_codes_leave_the_text():
    from forumparse.adapters._text_board import _without_smilies

    post = Post(author=Author(name="a"), body="So sad :cry: really [smile]\nsee array[i] and :not a smiley:")
    assert _without_smilies(post).body == "So sad really\nsee array[i] and :not a smiley:"
