"""Lines of a text dump to typed tokens.

Kinds: blank, boilerplate, thread_stats, user_stats, date, quote_header,
signature_rule, body. The tokenizer knows words, not layouts: grouping tokens
into posts is the job of `layout` and the text adapters.
"""
from __future__ import annotations

import re

from attrs import field, frozen

from ..vocab import quote_header_author

BULLETS = "•*-·◦▪▫‣○●■□+o"
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<bullet>[•·◦▪▫‣○●■□]|[*+-](?=\s)|o(?=\s{2,}|\s\S))?\s*")
BOILERPLATE = re.compile(
    r"^(?:skip navigation|skip to (?:main )?content|currently being moderated|more like this|"
    r"retrieving data\s*\.*|loading\s*\.*|jump to|back to top|top|reply|quote|report|share|"
    r"reply with quote|quick reply|multi-?quote|like|likes|permalink|log ?in|sign ?in|register|"
    r"sign up|logout|log out|search|home|forums?|members|help|faq|print view|"
    r"\[?\s*(?:reply|quote|report|edit|delete|pm|email|www|profile)\s*\]?)\s*$",
    re.I,
)
THREAD_STATS = re.compile(
    r"^(?P<views>[\d,.\u00a0 ]+)\s+views?\s+(?P<replies>[\d,.\u00a0 ]+)\s+repl(?:y|ies)"
    r"(?:\s+latest reply:?\s*(?P<latest>.+?)\s+by\s+(?P<latest_by>.+?))?\s*$",
    re.I,
)
# "2 posts since Feb 6, 2011" (Jive), possibly preceded by a name and rank on the same line.
POSTS_SINCE = re.compile(r"^(?P<head>.*?)\s*(?P<count>[\d,.]+)\s+posts?\s+since\s*(?P<since>.*?)\s*$", re.I)
SIGNATURE_RULE = re.compile(r"^(?:--|-- |_{5,}|-{5,}|={5,}|~{5,})\s*$")
_DATEISH = re.compile(r"\d{1,4}[./:-]\d{1,2}|\d{4}|\b\d{1,2}\s*(?:st|nd|rd|th)?\b|today|yesterday|ago", re.I)


@frozen
class Token:
    kind: str
    text: str  # the line without indentation and bullet
    line: int  # 0-based line number in the dump
    indent: int = 0
    bullet: str | None = None
    data: dict = field(factory=dict, eq=False, hash=False)


def split_lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line.replace("\t", "    ").replace("\u00a0", " ").rstrip() for line in lines]


def join_wrapped_stats(lines: list[str]) -> list[str]:
    """A user-stat line cut across two lines ("2 posts since" / "Feb 6, 2011") becomes one."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if re.search(r"\bposts?\s+since\s*$", line, re.I) and i + 1 < len(lines) and lines[i + 1].strip():
            out.append(line + " " + lines[i + 1].strip())
            out.append("")  # keep line numbers stable
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def tokenize(text: str, dates) -> list[Token]:
    """Classify every line. `dates` is the page's DateContext (for date-only lines)."""
    tokens = []
    for number, line in enumerate(join_wrapped_stats(split_lines(text))):
        tokens.append(classify(line, number, dates))
    return tokens


def classify(line: str, number: int, dates) -> Token:
    m = _BULLET.match(line)
    indent = len(m.group("indent").expandtabs(4)) if m else 0
    bullet = m.group("bullet") if m else None
    body = line[m.end():] if m else line.strip()
    body = body.strip()
    if not body:
        return Token("blank", "", number, indent, bullet)
    if BOILERPLATE.match(body):
        return Token("boilerplate", body, number, indent, bullet)
    stats = THREAD_STATS.match(body)
    if stats:
        return Token("thread_stats", body, number, indent, bullet, stats.groupdict())
    since = POSTS_SINCE.match(body)
    if since:
        return Token("user_stats", body, number, indent, bullet, since.groupdict())
    if SIGNATURE_RULE.match(body):
        return Token("signature_rule", body, number, indent, bullet)
    if len(body) <= 60 and _DATEISH.search(body):
        parsed = dates.parse(body)
        if parsed.value is not None or parsed.relative:
            return Token("date", body, number, indent, bullet, {"date": parsed})
    is_quote, author = quote_header_author(body) if len(body) < 100 else (False, None)
    if is_quote and author:
        return Token("quote_header", body, number, indent, bullet, {"author": author})
    return Token("body", body, number, indent, bullet)


def paragraphs(tokens: list[Token]) -> str:
    """Body tokens to text: lines joined, blank lines as paragraph breaks."""
    out: list[str] = []
    pending_break = False
    for tok in tokens:
        if tok.kind == "blank":
            pending_break = bool(out)
            continue
        if pending_break:
            out.append("")
            pending_break = False
        out.append(tok.text)
    return "\n".join(out).strip()
