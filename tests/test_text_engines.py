"""Helpers of the engine text adapters: renderer marks, repeated signatures, flat dumps."""
from __future__ import annotations

import forumparse
from forumparse.records import Author, Post
from forumparse.text.normalize import plain
from forumparse.text.signatures import split_signatures


def test_lynx_link_numbers_and_references_go():
    text = "[1]Home [2]Forums\n[3]alice wrote:\n   [4]Reply [5]Quote\n\nReferences\n\n   1. http://x/\n   2. http://y/\n"
    out = plain(text)
    assert "[3]" not in out and "alice wrote:" in out
    assert "References" not in out and "http://x/" not in out


def test_markdown_links_images_and_bold_become_text():
    text = ("[Home](/) [Forums](/forums) [Help](/help) [Rules](/rules)\n"
            "**[alice](https://ex.org/u/alice)** ![Offline](https://ex.org/off.png)\n"
            "Posts: 12 [Send a\nmessage](private.php?uid=1 \"Send (now)\")\n# Title here\n\\[+\\]\n")
    out = plain(text)
    assert "alice Offline" in out
    assert "Send a message" in out and "private.php" not in out
    assert "Title here" in out and "#" not in out
    assert "[+]" in out


def test_lynx_data_uri_image_names_go():
    """lynx names an image without alt text by its address: an inline SVG is a bracketed blob
    of escapes over many lines (share buttons between a profile and its post)."""
    blob = ("     * [svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20viewBox%3D%220%2\n"
            "       00%2072%2072%22%3E%3Cpath%20fill%3D%22none%22%20d%3D%22M0%200h72v72H0z%22%2F%3E%3Cpath%\n"
            "       2%2F%3E%3C%2Fsvg%3E] Tweet\n")
    out = plain("   Buckeye\n     * Posts: 29036\n" + blob + "   #2\n")
    assert "%3C" not in out and "Tweet" in out and "Posts: 29036" in out
    assert plain("[see %3C here] and [a_file_name_of_twenty_chars.png]") == \
        "[see %3C here] and [a_file_name_of_twenty_chars.png]"


def test_plain_text_is_left_alone():
    text = "alice\nPosts: 12\n[quote] not a link [1] either\n"
    assert plain(text) == text


def _post(name, body):
    return Post(author=Author(name=name), body=body)


def test_closing_lines_repeated_under_one_author_are_the_signature():
    sig = "Visit my widget shop\nopen every day"
    posts = [_post("ann", "First post text.\n\n" + sig), _post("bob", "A reply.\n\n" + sig),
             _post("ann", "Second post.\n" + sig)]
    out = split_signatures(posts)
    assert out[0].body == "First post text." and out[0].author.signature == sig
    assert out[2].body == "Second post."
    assert out[1].body.endswith(sig)  # bob wrote it once: no signature is known for him


def test_a_lone_posts_signature_is_learned_from_the_pages_layout():
    """Every repeated signature stands alone after a blank line and no author with several posts
    closes one with a text paragraph: a lone post's last paragraph is its signature too."""
    sig = "Visit my widget shop\nopen every day"
    posts = [_post("ann", "First post text.\n\n" + sig), _post("bob", "A reply.\n\nJust me, Bob\n555-0100"),
             _post("ann", "Second post.\n\n" + sig), _post("cy", "No signature here.")]
    out = split_signatures(posts, set_apart=True)
    assert out[1].body == "A reply." and out[1].author.signature == "Just me, Bob\n555-0100"
    assert out[3].body == "No signature here." and out[3].author.signature is None
    assert split_signatures(posts)[1].body == posts[1].body  # only engines that show signatures


def test_no_lone_signature_where_a_closing_paragraph_is_text():
    sig = "Visit my widget shop\nopen every day"
    posts = [_post("ann", "First post text.\n\n" + sig), _post("bob", "A reply.\n\nIts second paragraph."),
             _post("ann", "Second post.\n\n" + sig), _post("cy", "One.\n\nTwo paragraphs of text."),
             _post("cy", "Three.\n\nFour, the last paragraph.")]
    out = split_signatures(posts, set_apart=True)
    assert out[1].body == posts[1].body and out[1].author.signature is None


def test_a_post_never_loses_all_its_text():
    posts = [_post("ann", "same words here again"), _post("ann", "same words here again")]
    assert [p.body for p in split_signatures(posts)] == ["same words here again"] * 2


def test_pipermail_dump_on_one_line():
    text = ("[Widget-users] Release notes Ann Example ann at example.org Tue Feb 9 14:05:33 CET 2021 "
            "Previous message: [Widget-users] Release notes Next message: [Widget-users] Build "
            "Messages sorted by: [ date ] [ thread ] [ subject ] [ author ] "
            "The notes are online now. More information about the Widget-users mailing list")
    thread = forumparse.parse_thread(text)
    assert thread.engine == "pipermail"
    assert thread.title == "[Widget-users] Release notes"
    assert thread.posts[0].author.name == "Ann Example"
    assert thread.posts[0].body == "The notes are online now."


def test_a_quoted_line_sharing_the_reply_paragraph_leaves_the_body():
    from forumparse.text.tidy import tidy_posts

    posts = [_post("ann", "The main difference is the downstem on a bong."),
             _post("bob", "The main difference is the downstem on a bong.\nThat is false, many bubblers have one too.")]
    out = tidy_posts(posts)
    assert out[1].body == "That is false, many bubblers have one too."
    assert out[1].quotes[-1].text == "The main difference is the downstem on a bong."


def test_quote_without_indentation_runs_over_repeated_lines():
    from forumparse.context import ParseContext
    from forumparse.document import Document
    from forumparse.text.postbody import body_and_quotes
    from forumparse.text.repeats import SeenLines
    from forumparse.text.tokens import scan

    text = "ann said in Kettles:\nDoes the whistle need oiling at all?\nIt never needs oil, just descale it.\n"
    ctx = ParseContext(Document.load(text), url=None, now=None, date_order=None, tz=None)
    seen = SeenLines()
    seen.add("Does the whistle need oiling at all?")
    body, quotes, _ = body_and_quotes(scan(text, ctx.dates), seen=seen)
    assert body == "It never needs oil, just descale it."
    assert quotes[0].author == "ann" and "oiling" in quotes[0].text


def test_reddit_comment_age_after_a_list_bullet():
    """html2text prints Reddit's "· 3 yr. ago" as a list item ("* 3 yr. ago")."""
    text = ("r/AskReddit\nPosted by u/asker\nWhat is worth it?\n12 comments\nSort by\nUpvoted\n\n"
            "level 1\n\n* 3 yr. ago\n\nA good vacuum cleaner.\n\n364\n\nShare\n\n"
            "level 1\n\n* 2 yr. ago\n\nA long charging cord.\n\nReply\n")
    thread = forumparse.parse_thread(text)
    assert thread.engine == "reddit"
    assert [p.body for p in thread.posts[1:]] == ["A good vacuum cleaner.", "A long charging cord."]


def test_html2text_heading_in_a_list_item_loses_its_marks():
    text = "[a](/a) [b](/b) [c](/c) [d](/d) [e](/e)\n  * ###### Thread Tools\n"
    assert "  * Thread Tools" in plain(text).split("\n")


def test_html2text_rule_is_a_rule():
    """html2text draws <hr> as "* * *": a rule, not a list item."""
    from forumparse.dates import DateContext
    from forumparse.text.tokens import scan
    assert [t.kind for t in scan("* * *\n* one item\n", DateContext()) if t.kind != "blank"] == ["rule", "body"]


SE_SPREAD_CARDS = """\
Date format in a shell script

Asked 11 years, 3 months ago

Viewed 1.5m times

I want the date in YYYY-MM-DD format in my shell script. How do I get it?

bash

share | improve this question | follow  |

edited Apr 16 at 8:11



Arsen Khachaturyan

6,12533 gold badges

asked Sep 9 '09 at 19:06



Kapsh Kapsh

17.1k1111 gold badges

add a comment  |

2 Answers

Use date +%F, it prints the date in that format.

share | improve this answer | follow  |

answered Sep 9 '09 at 19:08



KapshKapsh

17.1k1111 gold badges

add a comment  |
"""


def test_stack_exchange_cards_spread_over_blank_lines():
    """html2text parts the editor's card from the owner's with blank lines; inscriptis prints
    the owner's name twice with a space between."""
    thread = forumparse.parse_thread(SE_SPREAD_CARDS)
    assert thread.engine == "stackexchange"
    assert [(p.author.name, p.timestamp[:10]) for p in thread.posts] == [("Kapsh", "2009-09-09")] * 2


def test_reddit_comment_keeps_an_ellipsis_line_and_ends_before_the_page_foot():
    text = ("r/Python\nPosted by u/asker\nWhat goes in __init__.py?\n50 comments\nSort by\nUpvoted\n\n"
            "level 1\nalice\n· 7 yr. ago\n\nI import the key names:\nfrom pkg.a import *\n...\n\n"
            "And each module sets __all__.\n\n12\nReply\n"
            "level 1\nbob\n· 7 yr. ago\n\nSee the tutorial.\n\n"
            "View entire discussion (50 comments)\nMore posts from the Python community\n"
            "Continue browsing in r/Python\n")
    thread = forumparse.parse_thread(text)
    assert thread.posts[1].body.endswith("And each module sets __all__.")
    assert thread.posts[2].body == "See the tutorial."


def test_stack_exchange_title_wrapped_at_the_dump_width():
    text = SE_SPREAD_CARDS.replace(
        "Date format in a shell script\n",
        "Stack Exchange network consists of 180 Q&A communities including Stack\n\n"
        "When to use wurde versus war (eg Ich wurde ausgeraubt vs Ich war\nausgeraubt)\n")
    thread = forumparse.parse_thread(text)
    assert thread.title == "When to use wurde versus war (eg Ich wurde ausgeraubt vs Ich war ausgeraubt)"


def test_an_indented_hash_is_no_heading():
    """Something Awful's post date line " # ? Sep 20, 2012" keeps its "#" (html2text)."""
    text = "[a](/a) [b](/b) [c](/c) [d](/d) [e](/e)\n # ? Sep 20, 2012 11:16\n"
    assert " # ? Sep 20, 2012 11:16" in plain(text).split("\n")


def test_somethingawful_copied_custom_title():
    # copied text sets nothing apart: the title is the lines up to a special title, or the short
    # lines right above the quote a post opens with; a post's own short first line stays text
    from forumparse.adapters.text_somethingawful import _unindented_title

    assert _unindented_title(["by Smythe", "Fun Shoe", "My vote has been cast."]) == 2
    assert _unindented_title(["...Can we have the radio?", "", "leg posted:", "quoted words"]) == 2  # the blank too
    assert _unindented_title(["Yeah, I got the same email.", "", "I also used my old info."]) == 0
    assert _unindented_title(["", "Look at you, all on a tv advertisement!"]) == 0


def test_somethingawful_wet_title_without_tab():
    # WET: a text cell that opens with a quote leaves no tab after the title; a line ending with
    # the special title ("... Fun Shoe") ends the title
    from forumparse.adapters.text_somethingawful import _unindented_title

    assert _unindented_title(["Have you heard?", "Read it, it is good. Fun Shoe", "AgentF posted:How easy"]) == 2
