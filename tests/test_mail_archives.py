"""Mail archive pages beside pipermail: Mailman 3 HyperKitty (thread and message pages), MHonArc and
MARC (message pages), as HTML and as text dumps: detection limits, sender names, dates carried
between mails, quotes and signatures."""
from __future__ import annotations

import pytest
from conftest import FIXTURES

import forumparse
from forumparse import registry
from forumparse.adapters._mail import mail_text, sender_name, split_mail, unrot13
from forumparse.document import Document
from forumparse.html.tree import parse_html


def _thread(engine: str, case: str, **kw):
    return forumparse.parse_thread(FIXTURES / engine / case, **kw)


@pytest.mark.parametrize("engine", ("hyperkitty", "mhonarc", "marc"))
def test_detectors_claim_their_fixtures_and_leave_the_others_alone(engine):
    adapter = registry.get(engine, "html")
    for page in sorted(FIXTURES.glob("*/*.html")):
        score = adapter.detect(Document.load(page))
        if page.parent.name == engine:
            assert score >= 0.9, page.name
        else:
            assert score < 0.5, f"{engine} scores {score} on {page.parent.name}/{page.name}"


@pytest.mark.parametrize(("shown", "name"), [
    ('"Bob O\'Neil" <bob@example.net>', "Bob O'Neil"),
    ("Ann Lee <ann at example.org>", "Ann Lee"),
    ("walter@xxxxxxxxxxx (Walter Quince)", "Walter Quince"),
    ("John Doe <address@hidden>", "John Doe"),
    ("pete\uff20example.net", "pete@example.net"),
    ("<solo@example.org>", "solo@example.org"),
    ('"Anna Lee (allotments)"', "Anna Lee (allotments)"),
])
def test_sender_name_drops_the_address(shown, name):
    assert sender_name(shown) == name


def test_unrot13_reverses_mhonarc_from_comment():
    assert unrot13("\"Pbo A'@rvy\" &#60;oboNrknzcyr.arg>") == "\"Bob O'Neil\" &#60;bob@example.net>"


def test_gmail_attribution_names_the_quoted_author_and_pgp_armour_is_dropped():
    body, quotes, _ = split_mail(
        "On Mon, Jun 14, 2021 at 9:05 AM Maria Stone <maria@example.org> wrote:\n> dry?\n\nBoth.\n\n"
        "-----BEGIN PGP SIGNATURE-----\n\niQEz\n-----END PGP SIGNATURE-----\n")
    assert body == "Both."
    assert quotes[0].author == "Maria Stone"


def test_mail_text_turns_quote_boxes_back_into_quoted_lines():
    root = parse_html("<div><pre>Ann wrote:\n</pre><blockquote><tt>tea\n</tt><tt>now?</tt></blockquote>"
                      "<pre>\nCoffee.\n</pre></div>")
    box = root.find(".//div")
    assert mail_text(box, quote_css="blockquote") == "Ann wrote:\n> tea now?\n\nCoffee."


def test_hyperkitty_thread_carries_the_shown_date_to_later_replies():
    thread = _thread("hyperkitty", "hk13-thread-replies.html")
    first, reply, renamed, last = thread.posts
    assert thread.title == "Compost smells sour"
    assert thread.reply_count == 3  # "3 comments": the mails after the first
    assert first.timestamp == "2021-06-14T07:05:00"  # the shown (server) clock, not the sender's 9:05
    assert reply.timestamp == "2021-06-14T10:40:00"  # "14 Jun" gets the first mail's year
    assert last.timestamp_raw == "15 Jun 9:30 p.m." and last.timestamp == "2021-06-15T21:30:00"
    assert renamed.title == "Cardboard in compost"  # "New subject: ..."
    assert "PGP" not in renamed.body
    assert last.author.name == "pete@example.net"
    assert first.author.user_id == "7c1e5b0d4a2f4b8e9d3c6a1f2e0b9d84"
    assert (first.likes, first.author.signature) == (2, "Maria Stone\nhttps://garden.example.org/~maria")
    # thread order: a direct reply has no "reply-level" box, a reply to it "reply-level-1"
    assert [p.reply_to for p in thread.posts] == [None, first.post_id, reply.post_id, first.post_id]


def test_hyperkitty_thread_without_loaded_replies_keeps_the_first_mail_and_warns(tmp_path):
    page = (FIXTURES / "hyperkitty" / "hk13-thread-replies.html").read_text(encoding="utf-8")
    start = page.index('<div class="replies">')
    end = page.index("<!-- end of content -->")
    cut = page[:start] + '<div class="replies"><img alt="Loading..." class="ajaxloader" src="/x.gif" />' \
        + page[page.index('<div class="col-12 col-md-3">', start, end) - 80:]
    path = tmp_path / "loading.html"
    path.write_text(cut, encoding="utf-8")
    thread = forumparse.parse_thread(path)
    assert [p.author.name for p in thread.posts] == ["Maria Stone"]
    assert any("3 replies" in w for w in thread.warnings)


def test_hyperkitty_12_message_page():
    (post,) = _thread("hyperkitty", "hk12-message.html").posts
    assert post.timestamp == "2019-05-07T21:48:00"
    assert post.quotes[0].author == "Jack Hoe"  # "Jack Hoe <jack(a)example.com> wrote:"
    assert post.quotes[0].text.startswith("Beer traps")
    assert post.author.signature == "Anna"


def test_mhonarc_header_list_gives_sender_date_and_ids():
    (post,) = _thread("mhonarc", "mhonarc-default-reply.html").posts
    assert post.author.name == "Greta M. Holm"
    assert post.timestamp == "2022-02-05T11:30:07-05:00"
    assert post.post_id == "87k0e1x2yz.fsf@greta.example.net"
    assert post.reply_to == "20220205081244.GA2211@walter.example.org"
    assert post.author.signature == "Greta M. Holm · Göteborg"
    assert "Walter Quince wrote" not in post.body


def test_mhonarc_spammode_flowed_quotes_and_attachment():
    url = "https://lists.example.org/debian-user/2022/02/msg00002.html"
    (post,) = _thread("mhonarc", "mhonarc-spammode-flowed.html", url=url).posts
    assert post.author.name == "Walter Quince"  # "walter@xxxxxxxxxxx (Walter Quince)"
    assert post.body == "That did it, the new kernel boots fine.\n\nWalter"  # no "Attachment: signature.asc"
    assert post.quotes[0].author == "Greta M. Holm"
    assert post.attachments[0].startswith("https://lists.example.org/debian-user/2022/02/pgp")


def test_mhonarc_page_without_header_list_falls_back_to_the_comments(tmp_path):
    page = (FIXTURES / "mhonarc" / "mhonarc-default-reply.html").read_text(encoding="utf-8")
    start, end = page.index("<!--X-Head-of-Message-->"), page.index("<!--X-Head-of-Message-End-->")
    path = tmp_path / "bare.html"
    path.write_text(page[:start] + page[end:], encoding="utf-8")
    (post,) = forumparse.parse_thread(path).posts
    assert post.author.name == "Greta M. Holm"  # from X-From-R13
    assert post.timestamp == "2022-02-05T11:30:07-05:00"  # from X-Date


def test_mhonarc_w3m_dump_gives_the_flowed_quote_its_marks_back():
    (post,) = _thread("mhonarc", "mhonarc-spammode-flowed-w3m.txt").posts
    assert post.quotes[0].author == "Greta M. Holm"
    assert "kernel ABI" in post.quotes[0].text and "kernel ABI" not in post.body
    assert "signature.asc" not in post.body  # the attachment note closes the mail


def test_hyperkitty_w3m_dump_reads_each_mail_head():
    thread = _thread("hyperkitty", "hk13-thread-replies-w3m.txt")
    assert (thread.title, thread.reply_count) == ("Compost smells sour", 3)
    assert [p.timestamp for p in thread.posts] == ["2021-06-14T07:05:00", "2021-06-14T10:40:00",
                                                   "2021-06-15T18:12:00", "2021-06-15T21:30:00"]
    first, reply, renamed, _ = thread.posts
    assert first.author.signature == "Maria Stone https://garden.example.org/~maria"  # "... dry? -- Maria Stone"
    assert reply.quotes[0].author == "Maria Stone" and "Should I turn" not in reply.body
    assert renamed.title == "Cardboard in compost" and "PGP" not in renamed.body


def test_hyperkitty_replies_after_new_year_get_the_next_year():
    page = (FIXTURES / "hyperkitty" / "hk13-thread-replies.html").read_text(encoding="utf-8")
    thread = forumparse.parse_thread(page.replace("14 Jun", "30 Dec").replace("15 Jun", "2 Jan"))
    assert [p.timestamp[:10] for p in thread.posts] == ["2021-12-30", "2021-12-30", "2022-01-02", "2022-01-02"]


def test_marc_headers_in_the_pre_and_obfuscated_addresses():
    (post,) = _thread("marc", "marc-reply.html").posts
    assert post.author.name == "Karin Lund"  # "Karin Lund <karin () example ! org>"
    assert post.post_id == "20220207030405.GA77@karin.example.org"
    assert post.timestamp == "2022-02-07T03:04:05"
    assert post.quotes[0].author == "Olaf Berg"
    assert post.author.signature == "Karin"  # the "[Attachment #3 ...]" line after it is not part of it
    assert post.attachments == ("?l=widget-devel&m=164420200012345&q=p4",)


def test_marc_address_only_sender_stays_as_shown():
    (post,) = _thread("marc", "marc-patch-address-only.html").posts
    assert post.author.name == "olaf () example ! net"
    assert post.body.startswith("widget_open() takes a reference")


def test_hyperkitty_without_heading_takes_the_subject_from_the_head_title():
    page = (FIXTURES / "hyperkitty" / "hk13-thread-replies.html").read_text(encoding="utf-8")
    page = page.replace("<h3>Compost smells sour</h3>", "").replace("- Gardeners -", "- Garden-ers -")
    assert forumparse.parse_thread(page).title == "Compost smells sour"  # "subject - list - site"
