"""The text tokenizer: line kinds, date spans, statistics, quote headers, columns, speed."""
from __future__ import annotations

import pytest

from forumparse.dates import DateContext
from forumparse.text.columns import unfold
from forumparse.text.spans import find_date
from forumparse.text.tokens import is_buttons, scan, split_compound


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in scan(text, DateContext()) if t.kind != "blank"]


@pytest.mark.parametrize("line, iso", [
    ("by madman_xxx » Wed Jan 02, 2013 7:14 pm", "2013-01-02T19:14:00"),
    ("« Reply #1 on: September 19, 2007, 02:16:51 PM »", "2007-09-19T14:16:51"),
    ("1. 06-15-2016, 03:03 PM #1", "2016-06-15T15:03:00"),
    ("Old 2016-02-01, 02:21      Link #3021", "2016-02-01T02:21:00"),
    ("• 27. September 2018", "2018-09-27"),
    ("26 Май 2014", "2014-05-26"),
    ("asked Jul 8 '12 at 9:10", "2012-07-08T09:10:00"),  # Stack Exchange's two-digit year
    ("[icon_posticon.gif] Posted - 05/21/2009 :  19:42:10", "2009-05-21T19:42:10"),  # Snitz: " : " before the time
])
def test_date_spans_in_lines(line, iso):
    found = find_date(line, DateContext())
    assert found is not None and found[0].iso() == iso


def test_words_that_look_like_months_are_not_dates():
    assert find_date("Marching 12 2019 miles", DateContext()) is None
    assert find_date("see page 12 of 20", DateContext()) is None


def test_relative_dates_count_without_a_reference_time():
    found = find_date("seldo 4 hours ago | link", DateContext())
    assert found is not None and found[0].relative and found[0].value is None


def test_date_line_keeps_its_residual():
    tok = scan("by greenthumb » Mon Jun 03, 2019 8:12 am", DateContext())[0]
    assert tok.kind == "date"
    assert tok.data["residual"] == "by greenthumb »"


def test_long_text_with_a_date_stays_text():
    line = "We met on Jan 5, 2019 at the club and talked about the new boat for hours and hours on end."
    assert kinds(line) == [("body", line)]


@pytest.mark.parametrize("text, field, value", [
    ("Posts: 1,204", "posts", "1,204"),
    ("Beiträge: 2.206", "posts", "2.206"),
    ("Сообщения: 301", "posts", "301"),
    ("Joined: Tue Mar 02, 2010 6:40 pm", "joined", "Tue Mar 02, 2010 6:40 pm"),
    ("Inscrit le : 12/03/2011", "joined", "12/03/2011"),
    ("Registriert: 01.02.2008", "joined", "01.02.2008"),
    ("Location: Leeds", "location", "Leeds"),
    ("1,208 Posts", "posts", "1,208"),
])
def test_user_stat_lines(text, field, value):
    tok = scan(text, DateContext())[0]
    assert tok.kind == "stat" and tok.data["field"] == field and tok.data["value"] == value


def test_stat_label_with_value_on_next_line():
    toks = [t for t in scan("   Join Date\n           Oct 2010\n   Posts\n           3,882\n", DateContext())
            if t.kind != "blank"]
    assert [t.kind for t in toks] == ["stat", "stat_value", "stat", "stat_value"]
    assert toks[0].data["value"] == "Oct 2010" and toks[2].data["value"] == "3,882"


def test_words_that_start_like_labels_are_text():
    assert kinds("Postscript: I forgot the link") == [("body", "Postscript: I forgot the link")]
    assert kinds("from the docs I learned it") == [("body", "from the docs I learned it")]


@pytest.mark.parametrize("line", ["Reply With Quote", "Back to top", "Quote | Reply | Report",
                                  "Find More Posts by Shirohige", "(BUTTON) Share", "Logged",
                                  "Back to top  View user's profile Send private message Send e-mail "
                                  "Visit poster's website AIM Address Yahoo", "Messenger MSN Messenger"])
def test_buttons(line):
    assert is_buttons(line)


def test_text_is_not_buttons():
    assert not is_buttons("Reply to him with a quote from the manual")


def test_a_sentence_ending_in_posted_or_said_is_no_quote_header():
    assert kinds("keep you posted") == [("body", "keep you posted")]
    assert kinds("as I said") == [("body", "as I said")]
    assert kinds("Max wrote")[0][0] == "quote_header"


def test_quote_headers():
    toks = scan("Max wrote:Ran into the same issue\nQuote from: mmccarn on September 20, 2007, 09:46:50 AM\n",
                DateContext())
    assert toks[0].kind == "quote_header" and toks[0].data == {"author": "Max", "rest": "Ran into the same issue"}
    assert toks[1].kind == "quote_header" and toks[1].data["author"] == "mmccarn"


def test_status_line_carries_a_user_title():
    tok = scan("sunsetkilling ist offline Mich gibt's schon länger", DateContext())[0]
    assert tok.kind == "status" and tok.data["rest"] == "Mich gibt's schon länger"


def test_w3m_columns_unfold_left_then_right():
    left_column = ["Shirohige", "Member", "Join Date: May 2015", "Posts: 12", "Age: 54", "Location: Leeds",
                   "Likes: 3", "Thanks: 4", "", ""]
    lines = [f"{left:<27}line {n} of the post text goes on here" for n, left in enumerate(left_column)]
    out, left = unfold(lines)
    assert out[:4] == ["Shirohige", "Member", "Join Date: May 2015", "Posts: 12"]
    assert left == set(range(8))
    assert out[8:10] == ["", "line 0 of the post text goes on here"]


def test_plain_text_is_not_unfolded():
    lines = ["A normal paragraph of text that wraps", "at the usual width and has no columns."] * 10
    assert unfold(lines) == (lines, set())


def test_a_centred_line_among_full_width_text_keeps_its_indentation():
    """Header lines with a wide gap ("Posted: DATE    Post subject:") make a column boundary
    appear; a short centred line between two full-width lines fits the right column but is
    no column: it keeps its place (lynx, phpBB 2 quote boxes)."""
    header = "   Post Posted: Wed Oct 10, 2007 1:06 am    Post subject: Reply with quote"
    text = ["   a full line of quoted text that runs well across the column boundary here",
            " " * 44 + "plunders.", "   the next full line of the quote crossing the columns again"]
    lines = ([header, "", "   some text"] * 9 + text)
    out, left = unfold(lines)
    assert out[-3:] == text and not left


def test_a_left_line_that_fills_the_left_column_stays_in_it():
    """w3m: "Location: Brisneyland" ends one space before the right column: still left-hand text,
    so the right-hand lines after it stay in the row (text, not a new block)."""
    def row(n: int) -> list[str]:
        return [f"{'user' + str(n):<22}PostPosted: Fri May 09, 2003 10:07 am    Post subject:",
                " " * 22 + f"first line of post {n} in the right-hand column of the table",
                f"{'Posts: 102':<22}second line of post {n}",
                "Location: Brisneyland",
                " " * 22 + f"third line of post {n}, after the location", ""]
    lines = [line for n in range(9) for line in row(n)]
    out, left = unfold(lines)
    assert "Location: Brisneyland" in out[:4]
    assert [line for line in out[4:9] if line] == [
        "PostPosted: Fri May 09, 2003 10:07 am    Post subject:",
        "first line of post 0 in the right-hand column of the table",
        "second line of post 0", "third line of post 0, after the location"]


def test_one_line_header_splits_into_parts():
    out = split_compound(["alice · Member · Posts: 12 · 3 March 2021, 10:15", "Hello · world"])
    assert out == ["alice", "Member", "Posts: 12", "3 March 2021, 10:15", "Hello · world"]


def test_two_megabytes_of_distinct_lines_tokenize():
    """Every line distinct (no help from repeated lines), one post header per dozen lines."""
    def post(n: int) -> str:
        return (
            f"user{n}\nMember\nPosts: {n}\nJoined: Mar {n % 28 + 1}, 2010\n"
            f"by user{n} » Mon Jun {n % 28 + 1:02d}, 2019 {n % 12 + 1}:{n % 60:02d} am\n"
            f"Post {n}: some words of a post that go on for a while, as posts do, line one.\n"
            f"More words in post {n}, with a version 1.{n} and a price of {n} dollars in it.\n"
            f"A third line of post {n}, ending the paragraph here.\n\n"
            f"Reply Quote {n}\n\n"
        )
    parts, size, n = [], 0, 0
    while size < 2_000_000:
        parts.append(post(n))
        size += len(parts[-1])
        n += 1
    text = "".join(parts)
    dates = DateContext()
    scan(post(0), dates)  # warm the date reader
    tokens = scan(text, dates)  # the time it takes is measured by benchmarks/tokenize.py, not here
    assert sum(t.kind == "date" for t in tokens) == n
    assert sum(t.kind == "stat" for t in tokens) >= 2 * n


def test_stat_pairs_on_one_line_become_one_line_each():
    from forumparse.text.tokens import split_compound

    # without colons each label goes above its value, as a dump of a <dl> list shows it
    assert [line.strip() for line in split_compound(["   Messages 1,293 Reaction score 1,434 Points 113"])] == [
        "Messages", "1,293", "Reaction score", "1,434", "Points", "113"]
    assert [line.strip() for line in split_compound(
        ["Senior Member Join Date Oct 2010 Location on a Marl Road Posts 3,882"])] == [
        "Senior Member", "Join Date", "Oct 2010", "Location", "on a Marl Road", "Posts", "3,882"]
    # a sentence that merely holds label words stays whole
    assert split_compound(["Posts 5 of them were from my brother"]) == ["Posts 5 of them were from my brother"]


def test_name_and_stat_pairs_on_one_line():
    from forumparse.text.tokens import split_compound

    assert split_compound(["  owlet Expert Posts: 3386 Joined: 22 Jan 2010 18:01 Location: Germany Contact:"]) == [
        "  owlet Expert", "  Posts: 3386", "  Joined: 22 Jan 2010 18:01", "  Location: Germany", "  Contact:"]
    # words before the first label need a colon after it ("NAME Posts: 3"), not a sentence
    assert split_compound(["I read posts 3 times and joined 2 clubs"]) == ["I read posts 3 times and joined 2 clubs"]


def test_french_hour_times_and_relative_days_are_date_lines():
    assert kinds("1. Hier, 21h12 #21")[0][0] == "date"


def test_a_byline_ending_in_its_date_is_no_quote_header():
    assert kinds("Junior Member      posted on 3-2-2015 at 07:12 PM")[0][0] == "date"
    assert kinds("Originally posted by combhoney")[0][0] == "quote_header"


def test_member_is_offline_names_no_user():
    tok = scan("Member Is Offline", DateContext())[0]
    assert tok.kind == "status" and tok.data["name"] is None


def test_an_edit_note_behind_an_image_mark_is_an_edit_note():
    assert kinds("[edit_40b] Dernière modification par guppy_fan ; Hier à 21h40.")[0][0] == "edit"
