"""Hacker News markup of the years between the old nested tables and the comtr rows."""
import forumparse

PAGE_2015 = """<html><head><title>Rust 1.0 | Hacker News</title></head><body><center><table id="hnmain">
<tr><td><span class="pagetop"><b><a href="news">Hacker News</a></b></span></td></tr>
<tr><td><table border="0">
<tr class="athing"><td class="title"><span class="rank"></span></td>
<td class="title"><a href="http://blog.example.org/rust">Rust 1.0</a></td></tr>
<tr><td colspan="2"></td><td class="subtext"><span class="score" id="score_800">300 points</span> by
<a href="user?id=steve">steve</a> <a href="item?id=800">2 hours ago</a> | <a href="item?id=800">2 comments</a></td></tr>
</table><br>
<table border="0"><tr class="athing"><td><table border="0"><tr>
<td class="ind"><img src="s.gif" height="1" width="0"></td>
<td class="default"><div><span class="comhead"><a href="user?id=ann">ann</a>
<a href="item?id=801">1 hour ago</a></span></div>
<br><span class="comment"><span class="c00">Congratulations to the whole team.<span></span>
<div class="reply"><p><font size="1"><u><a href="reply?id=801">reply</a></u></font></p></div></span></span></td>
</tr></table></td></tr>
<tr class="athing"><td><table border="0"><tr>
<td class="ind"><img src="s.gif" height="1" width="40"></td>
<td class="default"><div><span class="comhead"><a href="user?id=bob">bob</a>
<a href="item?id=802">50 minutes ago</a></span></div>
<br><span class="comment"><span class="c00">Seconded, it was a long road.<span></span>
<div class="reply"><p><font size="1"><u><a href="reply?id=802">reply</a></u></font></p></div></span></span></td>
</tr></table></td></tr></table>
</td></tr></table></center></body></html>"""


def test_athing_rows_without_comtr():
    thread = forumparse.parse_thread(PAGE_2015.encode())
    assert thread.engine == "hackernews"
    assert thread.title == "Rust 1.0"
    assert thread.reply_count == 2
    assert [(p.post_id, p.author.name, p.reply_to) for p in thread.posts] == [
        ("800", "steve", None), ("801", "ann", "800"), ("802", "bob", "801")]
    assert thread.posts[2].body == "Seconded, it was a long road."  # no "reply" link text
    assert thread.posts[1].timestamp is None  # "1 hour ago" without a reference time


def _comment_row(cid: str, indent: int, head: str, text: str) -> str:
    return (f'<tr class="athing comtr" id="{cid}"><td><table border="0"><tr>'
            f'<td class="ind" indent="{indent}"><img src="s.gif" height="1" width="{indent * 40}"></td>'
            f'<td class="default"><div><span class="comhead">{head}'
            f'<span class="age" title="2024-04-21T19:00:02 1713726002"><a href="item?id={cid}">1 hour ago</a></span>'
            f'</span></div><br><div class="comment"><div class="commtext c00">{text}</div>'
            f'<div class="reply"></div></div></td></tr></table></td></tr>')


PAGE_2024 = ('<html op="item"><head><title>Ask HN: Backups? | Hacker News</title></head><body><table id="hnmain">'
             '<tr><td><table class="fatitem"><tr class="athing submission" id="500"><td class="title">'
             '<span class="titleline"><a href="item?id=500">Ask HN: Backups?</a></span></td></tr>'
             '<tr><td class="subtext"><span class="subline"><a href="user?id=op" class="hnuser">op</a> '
             '<span class="age" title="2024-04-21T18:00:00 1713722400"><a href="item?id=500">2 hours ago</a></span> | '
             '<a href="item?id=500">3&nbsp;comments</a></span></td></tr></table>'
             '<table class="comment-tree">'
             + _comment_row("501", 0, "", "[deleted]")
             + _comment_row("502", 1, '<a href="user?id=ann" class="hnuser">ann</a> ', "Replying to the void.")
             + _comment_row("503", 0, '<a href="user?id=spam" class="hnuser">spam</a> [flagged] ', "[flagged]")
             + '</table></td></tr></table></body></html>')


def test_deleted_and_flagged_comments_keep_their_place_without_words():
    thread = forumparse.parse_thread(PAGE_2024.encode())
    assert thread.engine == "hackernews"
    assert [(p.post_id, p.author.name if p.author else None, p.body, p.reply_to) for p in thread.posts] == [
        ("500", "op", "", None),
        ("501", None, "", "500"),  # "[deleted]": the place of a comment that has replies
        ("502", "ann", "Replying to the void.", "501"),
        ("503", "spam", "", "500"),
    ]


JOB_2024 = ('<html op="item"><head><title>Acme (YC S19) Is Hiring Backend Engineers | Hacker News</title></head>'
            '<body><table id="hnmain"><tr><td><table class="fatitem">'
            '<tr class="athing submission" id="600"><td class="title"><span class="titleline">'
            '<a href="https://jobs.example.com/acme">Acme (YC S19) Is Hiring Backend Engineers</a>'
            '<span class="sitebit comhead"> (<a href="from?site=example.com"><span class="sitestr">example.com'
            '</span></a>)</span></span></td></tr>'
            '<tr><td colspan="2"></td><td class="subtext"><span class="age" title="2024-05-01T17:00:12 1714582812">'
            '<a href="item?id=600">3 hours ago</a></span> | <a href="hide?id=600">hide</a></td></tr>'
            '<tr><td colspan="2"></td><td><div class="toptext">We build billing software. Remote in the EU.</div>'
            '</td></tr>'
            '</table></td></tr></table></body></html>')


def test_job_post_has_no_author_and_no_comment_count():
    thread = forumparse.parse_thread(JOB_2024.encode())
    assert thread.engine == "hackernews"
    assert thread.title == "Acme (YC S19) Is Hiring Backend Engineers"
    assert thread.reply_count is None
    [post] = thread.posts
    assert (post.post_id, post.author, post.body) == ("600", None, "We build billing software. Remote in the EU.")
    assert post.timestamp == "2024-05-01T17:00:12+00:00"
