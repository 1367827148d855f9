"""Quoted paragraphs on engines without quote markup (Hacker News, Reddit)."""
from forumparse.records import Post
from forumparse.text.echo import EchoFinder, split_echoes


def test_gt_paragraph_is_a_quote_even_without_a_source():
    body, quoted = EchoFinder().split("> the docs say so\n\nThey are wrong.")
    assert body == "They are wrong."
    assert quoted == ("the docs say so",)


def test_repeated_paragraph_of_an_earlier_post_is_a_quote():
    finder = EchoFinder()
    finder.add("Then, I contact those companies. I set up meetings when I can.")
    body, quoted = finder.split('"Then, I contact those companies. I set up meetings..."\n\nHow do you contact them?')
    assert body == "How do you contact them?"
    assert quoted and quoted[0].startswith("Then, I contact")


def test_short_or_new_paragraphs_stay():
    finder = EchoFinder()
    finder.add("I agree with this plan completely.")
    body, quoted = finder.split("I agree\n\nSomething entirely new here.")
    assert quoted == ()
    assert body == "I agree\n\nSomething entirely new here."


def test_the_quoted_post_keeps_its_words():
    """Only earlier posts count: the post that is quoted does not lose its paragraph to its quoter."""
    posts = [Post(body="Caching is the hard part of this design."),
             Post(body="Caching is the hard part of this design.\n\nNo, naming is.")]
    first, second = split_echoes(posts)
    assert first.body == "Caching is the hard part of this design."
    assert second.body == "No, naming is."
    assert second.quotes[0].text == "Caching is the hard part of this design."


def test_with_reply_chains_only_the_answered_posts_count():
    """A common phrase said elsewhere on the page is not a quote; the same words from the parent are."""
    root = Post(post_id="1", body="Ship it on Friday and see what breaks in production.")
    other = Post(post_id="2", reply_to="1", body="We ship on Mondays only, as a rule of the team.")
    reply = Post(post_id="3", reply_to="1", body="We ship on Mondays only, as a rule of the team.\n\nWhy?")
    answer = Post(post_id="4", reply_to="1", body="Ship it on Friday and see what breaks\n\nBold.")
    _, _, third, fourth = split_echoes([root, other, reply, answer])
    assert third.quotes == () and third.body.endswith("Why?")
    assert fourth.body == "Bold."


def test_a_post_that_is_only_a_repeat_keeps_its_words():
    first, second = split_echoes([Post(body="There are only two hard things in computing."),
                                  Post(body="There are only two hard things in computing.")])
    assert second.body == "There are only two hard things in computing."
    assert second.quotes == ()


def test_words_said_before_in_another_order_are_no_quote():
    """Every word of the paragraph was said, but not as one run: no quote."""
    finder = EchoFinder()
    finder.add("The cache is slow because the index is cold.")
    body, quoted = finder.split("The index is slow because the cache is cold.\n\nThe cache is slow because the index")
    assert body == "The index is slow because the cache is cold."
    assert quoted == ("The cache is slow because the index",)


def test_a_reply_chain_compares_with_every_ancestor():
    root = Post(post_id="1", body="Tabs are better than spaces for indentation.")
    child = Post(post_id="2", reply_to="1", body="Spaces render the same in every editor though.")
    grandchild = Post(post_id="3", reply_to="2",
                      body="Tabs are better than spaces\n\nSpaces render the same in every editor\n\nAgreed.")
    *_, third = split_echoes([root, child, grandchild])
    assert third.body == "Agreed."
    assert [q.text for q in third.quotes] == ["Tabs are better than spaces", "Spaces render the same in every editor"]
