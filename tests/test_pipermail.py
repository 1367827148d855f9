"""Mail bodies of pipermail pages: own words, quoted blocks, attribution, signature, list footer."""
from forumparse.adapters._mail import split_mail


def test_attribution_and_quote_leave_the_body():
    body, quotes, signature = split_mail(
        "On Sun, 1 Aug 1999, Michael Dartt wrote:\n\n> I'm partial to 1.0\n> myself.\n\nI prefer 1.1.\n")
    assert body == "I prefer 1.1."
    assert quotes[0].author == "Michael Dartt"
    assert quotes[0].text == "I'm partial to 1.0\nmyself."
    assert signature is None


def test_wrapped_attribution_with_address():
    body, quotes, _ = split_mail("On Mon, Mar 01, 2010 at 04:47:49PM +0000,\nbob at example.com wrote:\n> hi\nyes")
    assert body == "yes"
    assert quotes[0].author == "bob at example.com"


def test_signature_needs_the_dash_dash_line():
    body, _, signature = split_mail("Thanks.\n\n--glyph\n")
    assert body == "Thanks.\n\n--glyph" and signature is None
    body, _, signature = split_mail("Thanks.\n\n-- \nGlyph\nhttp://example.org\n")
    assert body == "Thanks." and signature == "Glyph\nhttp://example.org"


def test_list_footer_is_dropped():
    body, _, _ = split_mail("Done.\n\n_______________________________________________\n"
                            "Twisted-Python mailing list\nhttp://example.org/mailman/listinfo/x\n")
    assert body == "Done."


def test_address_beside_the_quoted_name_is_dropped():
    _, quotes, _ = split_mail("Ann Lee <ann at example.org> wrote:\n> tea?\nCoffee.")
    assert quotes[0].author == "Ann Lee"


def test_pipermail_page_fields_follow_the_sender():
    """The date is the first <i> after the sender's <b>, the address the first mailto: link after it
    (in any case), the body the first <pre> after the beginarticle comment."""
    import forumparse

    page = ("<html><body><h1>[Dev] Tea</h1><i>not a date</i><b>Ann Lee</b> "
            '<a href="http://example.org/">home</a> <a href="MAILTO:ann@example.org">ann at example.org</a><br>'
            "<i>Mon Mar 1 12:23:10 EST 2010</i><pre>before</pre><!-- beginarticle -->"
            "<pre>Tea at four.\n</pre><!--endarticle--><p>Messages sorted by</p></body></html>")
    thread = forumparse.parse_thread(page, adapter="pipermail")
    post = thread.posts[0]
    assert (thread.title, post.author.name) == ("[Dev] Tea", "Ann Lee")
    assert post.timestamp_raw == "Mon Mar 1 12:23:10 EST 2010"
    assert post.body == "Tea at four."
    nameless = forumparse.parse_thread(page.replace("<b>Ann Lee</b>", "<b> </b>"), adapter="pipermail")
    assert nameless.posts[0].author.name == "ann at example.org"
