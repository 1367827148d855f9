"""forumparse.vocab: the shared word lists and line patterns."""
from __future__ import annotations

import pytest

from forumparse.vocab import REMOVED_TEXT, quote_header_author


@pytest.mark.parametrize("text", [
    "[deleted]", "[removed]", "[ removed by reddit ]", "[flagged]", "[dead]", "Comment deleted by user",
    "comment removed by moderator.", "[Comment removed by author]", "Comment deleted by author",
    "Comment removed by moderator from banned user",
])
def test_placeholders_of_removed_comments(text):
    assert REMOVED_TEXT.match(text)


@pytest.mark.parametrize("text", ["deleted", "removed", "I deleted my post", "removed by the author after"])
def test_words_of_a_real_post_are_no_placeholder(text):
    assert not REMOVED_TEXT.match(text)


@pytest.mark.parametrize("line, author", [
    ("Bob wrote:", "Bob"), ("Quote from: Bob on May 03, 2011", "Bob"), ("Originally Posted by Bob", "Bob"),
    ("Zitat von Anna", "Anna"), ("Иван писал(а):", "Иван"), ("Jan napisał:", "Jan"), ("Quote:", None),
    ("Bob said:", "Bob"), ("Anna hat folgendes geschrieben:", "Anna"),
    ("Original von Neon-Nina", "Neon-Nina"), ("Quote from: Jon-Erik on May 3, 2011", "Jon-Erik"),
    ("Zitat von Leon.K", "Leon.K"), ("Zitat von Anna am 3.5.2011 um 10:00", "Anna"),
    ("Originally Posted by Bob View Post", "Bob"), ("Citation Envoyé par Bob Voir le message", "Bob"),
    ("Сообщение от Bob", "Bob"), ("Originariamente inviato da Bob", "Bob"),
])
def test_quote_headers(line, author):
    assert quote_header_author(line) == (True, author)


@pytest.mark.parametrize("line", ["I will keep you updated.", "Thanks for the help!", "See the FAQ for more.", ""])
def test_ordinary_lines_are_no_quote_headers(line):
    assert quote_header_author(line) == (False, None)


def test_edit_notes_and_thread_ends_in_other_languages():
    from forumparse.vocab import EDIT_NOTE, THREAD_END

    assert EDIT_NOTE.match("Dieser Beitrag wurde von Anna bearbeitet: 06 Februar 2011 - 21:31")
    assert THREAD_END.match("Toutes les heures sont au format UTC + 1 heure")
    assert THREAD_END.match("Fuseau horaire sur UTC+01:00")
    assert not THREAD_END.match("Toutes les heures sont passées")
