"""PTT article pages without metaline markup keep the header as screen text."""
import forumparse

PAGE = ("""<html><head><title>[閒聊] 颱風天 - 看板 Weather - 批踢踢實業坊</title></head><body>
<div id="main-content" class="bbs-screen bbs-content">作者  rainfan (雨迷)  看板  Weather
標題  [閒聊] 颱風天
時間  Mon Aug  8 08:08:08 2016

今天風好大，大家出門小心。

--
<span class="f2">※ 發信站: 批踢踢實業坊(ptt.cc)
</span><div class="push"><span class="hl push-tag">推 </span><span class="f3 hl push-userid">umbrella</span>"""
"""<span class="f3 push-content">: 傘都開花了</span><span class="push-ipdatetime"> 08/08 09:00
</span></div></div></body></html>""")


def test_screen_text_header():
    thread = forumparse.parse_thread(PAGE.encode())
    assert thread.engine == "ptt"
    assert thread.title == "[閒聊] 颱風天"
    article, push = thread.posts
    assert article.author.name == "rainfan"
    assert article.timestamp == "2016-08-08T08:08:08"
    assert article.body == "今天風好大，大家出門小心。"
    assert (push.author.name, push.body, push.timestamp) == ("umbrella", "傘都開花了", "2016-08-08T09:00:00")
