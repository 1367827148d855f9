"""MARC (marc.info) message pages as text dumps: the page is one <pre>, so a dump shows it as is:
the "[prev in list] ... [next in thread]" line, the aligned headers, "[Download RAW message or
body]", the mail, the links again and MARC's footer."""
from __future__ import annotations

import re

from ..errors import NotAThreadError
from ..records import Thread
from ..text.dump import dump_lines, dump_text
from .base import Adapter
from .marc import message_post, read_message

NAV = re.compile(r"^\s*\[\s*prev in list\s*\]\s*\[\s*next in list\s*\]\s*\[\s*prev in thread\s*\]"
                 r"\s*\[\s*next in thread\s*\]\s*$", re.I | re.M)
FOOTER = re.compile(r"^\s*configure\s*\|\s*about\s*\|", re.I)


class MarcText(Adapter):
    name = "marc"
    format = "text"
    priority = 0.6
    description = "MARC (marc.info) message pages as text dumps"

    def detect(self, doc) -> float:
        if "prev in thread" not in doc.text:
            return 0.0
        text = dump_text(doc)
        if not NAV.search(text):
            return 0.0
        return 1.0 if re.search(r"(?:^|\s)From:\s+\S", text, re.M) else 0.0

    def parse(self, doc, ctx) -> Thread:
        lines = dump_lines(doc)
        read = read_message(lines)
        if read is None:
            raise NotAThreadError("no MARC message headers found")
        fields, mail = read
        # the mail ends where the page's links come back
        end = next((i for i, ln in enumerate(mail) if NAV.match(ln) or FOOTER.match(ln)), len(mail))
        post = message_post(fields, mail[:end], ctx)
        return Thread(title=fields.get("subject"), url=ctx.url, posts=[post])


ADAPTERS = (MarcText,)
