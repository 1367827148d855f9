"""Something Awful pages: a post's parts come from one class pass over the page, handed to their posts."""
from pathlib import Path

import forumparse

PAGE = (Path(__file__).parent / "fixtures" / "somethingawful" / "showthread.html").read_text()


def test_attachment_links_belong_to_their_post():
    link = '<a href="attachment.php?attachmentid=77">press.jpg</a> '
    page = PAGE.replace("A garlic press that needs", link + "A garlic press that needs")
    first, second = forumparse.parse_thread(page).posts
    assert first.attachments == ()
    assert second.attachments == ("https://forums.somethingawful.com/attachment.php?attachmentid=77",)


def test_a_post_nested_in_another_keeps_its_own_parts():
    """Broken markup can put a post inside another's body: each keeps its own author and date."""
    outer_end = PAGE.index('</table><table class="post" id="post500000102"')
    inner = PAGE[outer_end + len("</table>"):PAGE.index("</table>", outer_end + 10) + len("</table>")]
    page = PAGE.replace("No, the banana hanger is worse.", inner + "No, the banana hanger is worse.", 1)
    posts = forumparse.parse_thread(page).posts
    assert [p.author.name for p in posts[:2]] == ["Spatula Baron", "Egg Slicer"]
    assert posts[0].author.profile_url.endswith("userid=240001")
    assert posts[0].timestamp_raw == "Apr 2, 2014 9:05 PM"
