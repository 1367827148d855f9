"""Text dumps from other renderers, brought to the plain shape the text adapters read:
lynx's link numbers ("[12]Reply") and its closing "References" list go; Markdown from
HTML-to-text converters (html2text: "[name](url)", "![alt](src)", "**bold**", "# heading",
backslash escapes) becomes the text a browser shows.
"""
from __future__ import annotations

import re
from functools import lru_cache

_LINK_NUMBER = re.compile(r"\[\d{1,5}\](?=[^\s(])")  # "[2](url)" is a Markdown link to "2"
_REFERENCES = re.compile(r"^\s*References\s*$", re.M)
_REFERENCE_LINE = re.compile(r"^\s*(?:\d{1,5}\.\s+\S+|visible links:?|hidden links:?)\s*$", re.I)

_MD_LINK_HINT = re.compile(r"\]\((?:https?:|\.{0,2}/|#|[\w.-]+\.(?:php|html?|aspx?)|mailto:|javascript:)")
_MD_IMAGE = re.compile(r"!\[(?P<alt>(?:\\.|[^\]\\]){0,200})\]\((?:\\.|[^)\"\\]|\"[^\"]*\")*\)")
_MD_LINK = re.compile(r"\[(?P<text>(?:\\.|[^\[\]\\]|\[[^\[\]]*\]){0,300})\]\((?:\\.|[^)\"\\]|\"[^\"]*\")*\)")
_MD_BOLD = re.compile(r"(\*\*|__)(?=\S)(?P<text>.+?)(?<=\S)\1", re.S)
_MD_ITALIC = re.compile(r"(?<![\w_*])_(?=[^\s_])(?P<text>[^_\n]{1,200}(?:\n[^_\n]{1,200})?)(?<=[^\s_])_(?![\w_])")
_MD_EMPTY_EMPHASIS = re.compile(r"(?<![\w_])__|__(?![\w_])")  # empty pairs (icons) and unpaired marks
_MD_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_MD_QUOTE = re.compile(r"^(?:>[ \t]?)+", re.M)
# a heading at the line's start, or as a list item ("  * ###### Thread Tools"); an indented "#" is
# text (Something Awful's " # ? DATE")
_MD_HEADING = re.compile(r"^((?:[ \t]*[*+-][ \t]+)?)#{1,6}[ \t]+", re.M)
_MD_ESCAPE = re.compile(r"\\([\[\]()#*_\-.!+`>{}|\\])")
_MD_BREAK = re.compile(r"[ \t]+$", re.M)
# tables: "---|---" rule rows go, and so do the empty cells that open or close a row
# ("|  | Title": the first cell held only an icon), as a browser shows no pipes there
_MD_TABLE_RULE = re.compile(r"^[ \t]*(?:[-:]{3,}[ \t]*\|[ \t]*)+[-:]{3,}[ \t]*\|?[ \t]*$\n?", re.M)
_MD_EMPTY_CELLS = re.compile(r"^[ \t]*(?:\|[ \t]*)+|(?:[ \t]*\|)+[ \t]*$", re.M)
# phpBB's "by **NAME** » DATE" comes out of html2text on three lines: one line again
_MD_SPLIT_BYLINE = re.compile(r"^([ \t]*(?:post\s*)?(?:by|von|par|por|da|door|przez|от))\n[ \t]*([^\n]{1,40})\n"
                              r"[ \t]*(»[^\n]{4,60})$", re.M | re.I)
_MD_SPLIT_BYLINE2 = re.compile(r"^([^\n]{0,20}\b(?:by|von|par|por|da|door|przez|от))\n"
                               r"[ \t]*([^\n»]{1,40}\s»[^\n]{4,60})$", re.M | re.I)  # "#1 Post by" / "NAME » DATE"


# lynx prints an image without alt text as the last part of its address in brackets: for an
# inline data: URI ("[svg+xml,%3Csvg%20xmlns...]", icons of share buttons) that is a blob
# of escapes wrapped over many lines, which would stand between a profile and its post
_BRACKET_BLOB = re.compile(r"\[[^\]\s]{20,}(?:\n[ \t]*[^\]\s]+)*\]")
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


# A date shown in spans without space between them ("Posted on<span>&lrm;04-17-2019</span><span>10:22
# AM</span>"): browsers and text renderers glue the parts, "Posted on‎04-17-201910:22 AM"
_BIDI_MARK = re.compile(r"[\u200e\u200f]")
_GLUED_TIME = re.compile(r"(\d[./-]\d{4})(\d{1,2}:\d\d)")
_GLUED_POSTED_ON = re.compile(r"([Pp]osted on)(?=[^\W_])")


def _unglue_dates(text: str) -> str:
    if "\u200e" in text or "\u200f" in text:
        text = _BIDI_MARK.sub(" ", text)
    if "osted on" in text:
        text = _GLUED_POSTED_ON.sub(r"\1 ", text)
    return _GLUED_TIME.sub(r"\1 \2", text)


@lru_cache(maxsize=8)
def plain(text: str) -> str:
    """The dump without renderer marks (the text itself is returned when it has none)."""
    text = _unglue_dates(text)
    if "%3C" in text or "%3c" in text:
        text = _BRACKET_BLOB.sub(_drop_blob, text)
    if len(_LINK_NUMBER.findall(text, 0, 200_000)) >= 3:
        text = _strip_link_numbers(text)
    if len(_MD_LINK_HINT.findall(text, 0, 200_000)) >= 5:
        text = _from_markdown(text)
    return text


def _drop_blob(m: re.Match) -> str:
    blob = m.group(0)
    return "" if len(_ESCAPE.findall(blob)) >= 8 else blob


def _strip_link_numbers(text: str) -> str:
    refs = list(_REFERENCES.finditer(text))
    if refs:
        tail = text[refs[-1].end():].strip("\n").split("\n")[:5]
        if tail and all(_REFERENCE_LINE.match(line) or not line.strip() for line in tail):
            text = text[:refs[-1].start()]
    return _LINK_NUMBER.sub("", text)


def _from_markdown(text: str) -> str:
    text = _MD_IMAGE.sub(lambda m: _one_line(m.group("alt")), text)
    for _ in range(2):  # a link around an image: the image goes first, then its link
        text = _MD_LINK.sub(lambda m: _one_line(m.group("text")), text)
    text = _MD_BOLD.sub(lambda m: m.group("text"), text)
    text = text.replace("**", "")
    text = _MD_ITALIC.sub(lambda m: m.group("text"), text)
    text = _MD_EMPTY_EMPHASIS.sub("", text)  # icons print as empty "__" pairs
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _MD_QUOTE.sub(lambda m: "    " * m.group(0).count(">"), text)  # quoted lines indented, as browsers do
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    if _MD_TABLE_RULE.search(text):  # html2text draws tables: the rows carry pipes
        text = _MD_TABLE_RULE.sub("", text)
        text = _MD_EMPTY_CELLS.sub("", text)
    text = _MD_BREAK.sub("", text)
    text = _MD_SPLIT_BYLINE.sub(r"\1 \2 \3", text)
    return _MD_SPLIT_BYLINE2.sub(r"\1 \2", text)


def _one_line(text: str) -> str:
    return " ".join(text.split())
