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
