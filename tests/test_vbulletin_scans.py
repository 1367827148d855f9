"""vBulletin's scans that stop early or skip work give the answers of a full read: the
last-resort post date, the "Label: value" lines of a user block, the rel=next link."""
from __future__ import annotations

import lxml.html

from forumparse.adapters.vbulletin import _rel_link, _scan_date, _stats


def _el(html: str):
    return lxml.html.fromstring(html)


def test_scan_date_takes_the_first_date_in_page_order_outside_scripts_and_the_message():
    box = _el('<div class="postbit"><script>Today, 10:15 AM</script>'
              '<div id="post_message_1">Today, 09:00 AM</div>'
              '<span>Posted</span><!-- date -->Today, 11:20 AM <span>Yesterday, 08:00 PM</span></div>')
    assert _scan_date(box) == "Today, 11:20 AM"  # a comment's tail is page text


def test_scan_date_reads_the_text_of_nested_blocks_before_what_follows_them():
    box = _el('<div><div class="head"><b>by kea</b><i>Yesterday, 08:00 PM</i></div>Today, 11:20 AM</div>')
    assert _scan_date(box) == "Yesterday, 08:00 PM"


def test_scan_date_finds_nothing_in_a_box_inside_a_message():
    page = _el('<div><div id="post_message_2"><div class="inner"><span>Today, 11:20 AM</span></div></div></div>')
    assert _scan_date(page.find(".//div[@class='inner']")) is None


def test_user_block_lines_with_labels_are_read():
    block = _el('<div>kea<br>Join Date: May 2015<br>Posts: 12<br><a href="#">Beitr\u00e4ge anzeigen</a></div>')
    assert _stats(block) == {"joined": "May 2015", "posts": "12"}


def test_a_label_in_its_own_element_before_the_colon_is_read():
    assert _stats(_el("<div><b>Posts</b> : 1,234</div>")) == {"posts": "1,234"}


def test_a_block_whose_colons_follow_no_label_has_no_statistics():
    # "Beitr\u00e4ge" is a label word, but no colon follows it; the clock's colon follows digits
    block = _el('<div><a href="#">Beitr\u00e4ge anzeigen</a><dl><dt></dt><dd>03.03.2011, 14:27</dd></dl></div>')
    assert _stats(block) == {}


def test_rel_next_prefers_the_head_link_and_falls_back_to_the_page():
    head_and_body = _el('<html><head><link rel="next" href="http://x.org/t/2"></head>'
                        '<body><a rel="next" href="http://x.org/t/3">next</a></body></html>')
    assert _rel_link(head_and_body, None, "next") == "http://x.org/t/2"
    body_only = _el('<html><head><title>t</title></head>'
                    '<body><a rel="next" href="http://x.org/t/3">next</a></body></html>')
    assert _rel_link(body_only, None, "next") == "http://x.org/t/3"
    assert _rel_link(body_only, None, "prev") is None
