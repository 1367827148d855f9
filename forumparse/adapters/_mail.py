"""Helpers of the mail-archive adapters (HyperKitty, MHonArc): a sender's display name from a
From header as shown, and a message body element back to the mail text it was rendered from
(so that `split_mail` takes quotes, attribution and signature out of it), and that split itself,
shared with the pipermail adapters."""
from __future__ import annotations

import html
import re

from ..html.select import select
from ..records import Quote
from ..vocab import quote_header_author

# An address as archives show it: plain, HyperKitty's full-width at sign, "ann at example.org",
# "ann [at] example dot org", GNU's "address@hidden", MHonArc's "ann@xxxxxxxxxxx".
_ADDRESS = re.compile(r"\S@\S|\uff20|\S\s+(?:at|AT)\s+\S|[\[(]at[\])]|&#0*64;", re.I)
_ANGLE = re.compile(r"^(?P<name>.*?)\s*<(?P<addr>[^<>]*)>\s*$")
_PAREN = re.compile(r"^(?P<addr>[^()]*?)\s*\((?P<name>[^()]+)\)\s*$")

# Elements that start a line; those of _PARAGRAPH a paragraph (a blank line) outside preformatted
# text, where the text's own line breaks do it.
_BLOCK = frozenset({"div", "pre", "blockquote", "li", "tr", "dt", "dd", "section", "article", "center", "br"})
_PARAGRAPH = frozenset({"p", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr"})
_DROP = "script, style, noscript, button, input, select, textarea, form"
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_BLANKS = re.compile(r"\n(?:[ \t]*\n){2,}")
_EXTRA_BLANKS = re.compile(r"\n\n\n+")  # (not r"\n{3,}": a literal start is searched for, ten times faster)
# An inline PGP signature block (on its lines, or flowed into a paragraph by a text dump), and
# the armour header above a signed mail's text.
_PGP = re.compile(r"-----BEGIN PGP SIGNATURE-----.*?-----END PGP SIGNATURE-----"
                  r"|^-----BEGIN PGP SIGNED MESSAGE-----\n(?:Hash:[^\n]*\n)?", re.M | re.S)
# What a mail client writes before the name in "On Mon, Jun 14, 2021 at 9:05 AM Ann <a@x> wrote:".
_BEFORE_NAME = re.compile(r"^.*?\d{1,2}[:.]\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[+-]\d{4})?\s*,?\s*")


def sender_name(value: str | None) -> str | None:
    """The display name of a From header as shown: '"Ann Lee" <ann@x.org>', 'Ann Lee <ann at x.org>'
    and 'ann@x.org (Ann Lee)' give "Ann Lee"; an address alone stays as it is (full-width at sign
    made plain)."""
    if not value:
        return None
    text = " ".join(html.unescape(value).split()).replace("\uff20", "@")
    m = _ANGLE.match(text)
    if m and _unquote(m.group("name")):
        return _unquote(m.group("name"))
    m = _PAREN.match(text)
    if m and _ADDRESS.search(m.group("addr")) and _unquote(m.group("name")):
        return _unquote(m.group("name"))
    if m is None and _ANGLE.match(text):
        text = _ANGLE.match(text).group("addr")
    return text.strip(" <>\"'") or None


def _unquote(name: str) -> str:
    name = name.strip()
    if len(name) > 1 and name[0] == name[-1] == '"':
        name = name[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return name.strip(" '\"")


def _quoted_name(author: str) -> str | None:
    if re.search(r"\d[:.]\d\d", author):
        author = _BEFORE_NAME.sub("", author)
    return sender_name(author.split("<")[0]) or sender_name(author)


def mail_text(el, *, pre: bool = False, quote_css: str | None = None, drop_css: str | None = None,
              signature_css: str | None = None, keep: bool = False) -> str:
    """The text of a rendered mail body: line breaks as the page shows them (`pre`: the whole
    element is preformatted, as CSS `white-space: pre-wrap` shows HyperKitty's bodies), quote
    boxes turned back into "> " lines, the signature box after a "-- " line, `drop_css` left out.
    """
    if el is None:
        return ""
    dropped = set(select(el, _DROP))
    if drop_css:
        dropped.update(select(el, drop_css))
    quotes = set(select(el, quote_css)) if quote_css else set()
    signatures = set(select(el, signature_css)) if signature_css else set()
    parts: list[str] = []
    _walk(el, parts, pre, dropped, quotes, signatures, top=True)
    lines = [ln.rstrip() if ln.rstrip() != "--" else "-- " for ln in "".join(parts).split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def _walk(el, parts, pre, dropped, quotes, signatures, top=False):
    tag = el.tag if isinstance(el.tag, str) else ""
    if not top:
        if not tag or el in dropped:  # comments, processing instructions, noise
            _tail(el, parts, pre)
            return
        if el in quotes or el in signatures:
            inner: list[str] = []
            _walk(el, inner, pre or tag == "pre", dropped, quotes, signatures, top=True)
            text = _BLANKS.sub("\n\n", "".join(inner)).strip("\n")
            if el in quotes:
                # "> " before each line ("&gt; text" lost its "&gt;" but kept the space)
                text = "\n".join("> " + ln.removeprefix(" ") if ln.strip() else ">" for ln in text.split("\n"))
            elif not text.lstrip().startswith("--"):
                text = "-- \n" + text
            _break(parts, 1)
            parts.append(text + "\n")
            _tail(el, parts, pre)
            return
    inner_pre = pre or tag == "pre"
    breaks = 0 if top else 2 if tag in _PARAGRAPH and not pre else 1 if tag in _BLOCK or tag in _PARAGRAPH else 0
    if tag == "br":
        parts.append("\n")
    elif breaks:
        _break(parts, breaks)
    if el.text:
        _add(parts, el.text, inner_pre)
    for child in el:
        _walk(child, parts, inner_pre, dropped, quotes, signatures)
    if breaks and tag != "br":
        _break(parts, breaks)
    if not top:
        _tail(el, parts, pre)


def _break(parts: list[str], n: int) -> None:
    """End the text so far with (at least) `n` line breaks: a block's edges never double one."""
    if not parts:
        return
    have = 0
    for part in reversed(parts):
        stripped = part.rstrip(" \t")
        have += len(stripped) - len(stripped.rstrip("\n"))
        if stripped.strip("\n"):
            break
    if have < n:
        parts.append("\n" * (n - have))


def _tail(el, parts, pre):
    if el.tail:
        _add(parts, el.tail, pre)


def _add(parts: list[str], text: str, pre: bool) -> None:
    """Preformatted text as it is; other text with its spacing collapsed, none at a line start."""
    if not pre:
        text = _SPACE.sub(" ", text)
        if not parts or parts[-1].endswith("\n"):
            text = text.lstrip(" ")
    if text:
        parts.append(text)


def unrot13(value: str) -> str:
    """MHonArc's X-From-R13 comment back to the From header (its rot13 also turns "@" into "N")."""
    return value.translate(_R13)


_R13 = str.maketrans("@ABCDEFGHIJKLMNOPQRSTUVWXYZ[abcdefghijklmnopqrstuvwxyz",
                     "NOPQRSTUVWXYZ[@ABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")


# A line that introduces the quoted mail below it: "On Mon, 1 Mar 2010, X wrote:", "Quoting X:".
_ATTRIBUTION = re.compile(
    r"(?:^|,\s*|\bon\b.*?,\s*)(?P<author>[^,]{1,80}?)\s+(?:wrote|writes|said|schrieb|a écrit|escribió)\s*:\s*$"
    r"|^quoting\s+(?P<author2>.{1,80}?)\s*:\s*$",
    re.I,
)
_RULE = re.compile(r"^_{20,}\s*$")
_RULE_RUN = "_" * 20  # in every line _RULE matches
_LIST_FOOTER = re.compile(r"mailing list|maillist|listinfo|/mailman/", re.I)


def split_mail(text: str) -> tuple[str, tuple[Quote, ...], str | None]:
    """A mail body to (own words, quoted blocks, signature), inline PGP armour left out.

    Quoted lines start with ">"; the "X wrote:" line right above them names the quoted
    author; a "-- " line starts the signature; the list footer below a rule of
    underscores is dropped.
    """
    # each step looks for something most mails lack: a plain search rules it out (a search for
    # one character is quick; a replace of two reads the whole text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "-----BEGIN PGP" in text:
        text = _PGP.sub("", text)
    lines = text.split("\n")
    if _RULE_RUN in text:
        lines = _drop_list_footer(lines)
    signature = None
    if "--" in text:
        for i, line in enumerate(lines):
            if line.rstrip() == "--" and i > 0:
                signature = "\n".join(ln for ln in lines[i + 1:] if not ln.lstrip().startswith(">")).strip() or None
                lines = lines[:i]
                break
    if ">" not in text:
        return _paragraphs(lines), (), signature
    own: list[str] = []
    quotes: list[Quote] = []
    quoted = [ln.lstrip().startswith(">") for ln in lines]
    i = 0
    while i < len(lines):
        if not quoted[i]:
            own.append(lines[i])
            i += 1
            continue
        start = i
        while i < len(lines) and (quoted[i] or not lines[i].strip()):
            i += 1
        block = [ln.lstrip()[1:].removeprefix(" ") for ln in lines[start:i] if ln.strip()]
        author = _take_attribution(own)
        quotes.append(Quote(author=author, text="\n".join(block).strip()))
    return _paragraphs(own), tuple(q for q in quotes if q.text), signature


def _take_attribution(own: list[str]) -> str | None:
    """Remove the attribution line(s) above a quote block from `own`; return the quoted author."""
    j = len(own) - 1
    while j >= 0 and not own[j].strip():
        j -= 1
    if j < 0:
        return None
    line = own[j].strip()
    m = _ATTRIBUTION.search(line)
    if not m:
        is_header, author = quote_header_author(line)
        if not is_header:
            return None
        del own[j:]
        return _quoted_name(author) if author else None
    start = j
    # a long attribution wraps: "On Mon, Mar 01, 2010 at 04:47:49PM +0000,\nX wrote:"
    if j > 0 and own[j - 1].strip() and re.match(r"^\s*(?:on|am|le|el|il)\s", own[j - 1], re.I):
        start = j - 1
    del own[start:]
    author = (m.group("author") or m.group("author2") or "").strip()
    author = re.sub(r"^on\s.*?,\s*", "", author, flags=re.I)
    author = re.sub(r"\s*[<(\[][^<>()\[\]]*[>)\]]", "", author)  # "Ann <ann at example.org>" -> "Ann"
    author = author.strip(" <>\"'")
    return _quoted_name(author) if author else None


def _drop_list_footer(lines: list[str]) -> list[str]:
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if _RULE_RUN in line and _RULE.match(line.lstrip("> ")) and any(
                _LIST_FOOTER.search(ln) for ln in lines[i + 1:i + 4]):
            if not line.lstrip().startswith(">"):
                return lines[:i]
    return lines


def _paragraphs(lines: list[str]) -> str:
    text = "\n".join(map(str.rstrip, lines))
    return _EXTRA_BLANKS.sub("\n\n", text).strip()
