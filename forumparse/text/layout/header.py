"""How far a post header reaches around its date line: up over the name, rank and statistics,
down over the profile lines printed below the date."""
from __future__ import annotations

import re
from collections import Counter

from ..profile import GROUP
from ..tokens import Token
from .anchors import LIKED, LIST_NUMBER
from .names import AVATAR, RE_LINE, is_text, name_like
from .quotes import EXPAND
from .wrapping import wraps_into


def find_subjects(tokens: list[Token]) -> set[str]:
    """Post subjects: every "Re: X" line, and X itself (the first post's subject)."""
    found = set()
    for tok in tokens:
        text = subject_text(tok.text)
        if tok.kind == "body" and RE_LINE.match(text) and len(text) < 200:
            found.add(text)
            found.add(RE_LINE.sub("", text).strip())
    return found


_POST_ICON = re.compile(r"^(?:\[[^\]]{0,40}\]\s*)+(?=\S)")  # the post icon's alt text before a subject ("[xx] Re: ...")


def subject_text(text: str) -> str:
    return _POST_ICON.sub("", text) if text.startswith("[") else text


def trim_to_template(tokens: list[Token], anchors: list[int], starts: list[int], inlines=None) -> list[int]:
    """Headers hold the same number of name-like lines: a header with more than most have
    took the short last lines of the previous post; give them back."""
    names = []
    for s, a in zip(starts, anchors):
        first_stat = next((j for j in range(s, a) if tokens[j].kind in ("stat", "stat_value")
                           and tokens[j].data.get("field") in ("posts", "joined")), a)
        names.append([j for j in range(s, first_stat) if tokens[j].kind == "body"])  # names come before stats
    counts = Counter(len(n) for n in names)
    if len(anchors) < 3 or not counts:
        return starts
    usual, freq = counts.most_common(1)[0]
    if freq * 2 < len(anchors):
        return starts
    out = []
    for n, (s, found) in enumerate(zip(starts, names)):
        inline = inlines[n] if inlines else None
        if inline and any(tokens[j].text == inline for j in found):
            out.append(s)  # the block names the author of the date line: it is this post's header
            continue
        if len(found) > usual and not _named_twice(tokens, found):
            s = found[len(found) - usual] if usual else found[-1] + 1
        out.append(s)
    return out


def extend_to_template(tokens: list[Token], anchors: list[int], starts: list[int]) -> list[int]:
    """A header with two name-like lines fewer than every other header (name, title, rank over
    the statistics) lost its first line to the text above it (a table layout without a blank
    line between the post and the next author column): the name-like line right above it is its
    own. One line fewer proves nothing: many members show no user title."""
    # distinct lines: the name shown twice (avatar, then name) is one
    counts = [len({tokens[j].text for j in _header_names(tokens, s, a)}) for s, a in zip(starts, anchors)]
    if len(anchors) < 2:
        return starts
    out = list(starts)
    for n, s in enumerate(starts):
        others = [c for c in counts[:n] + counts[n + 1:] if c]
        if not counts[n] or not others or counts[n] + 2 > min(others):
            continue
        j = s - 1
        while j > (anchors[n - 1] if n else -1) and tokens[j].kind == "blank":
            j -= 1
        if j > (anchors[n - 1] if n else -1) and j < s - 1 and tokens[j].kind == "body" \
                and name_like(tokens[j].text) and tokens[j].indent == tokens[s].indent:
            out[n] = j
    return out


def _header_names(tokens: list[Token], s: int, a: int) -> list[int]:
    """The name-like lines of a header above its statistics."""
    first_stat = next((j for j in range(s, a) if tokens[j].kind in ("stat", "stat_value")), a)
    return [j for j in range(s, first_stat) if tokens[j].kind == "body" and name_like(tokens[j].text)]


def _named_twice(tokens: list[Token], found: list[int]) -> bool:
    """The header's first line shows again further down (the name above and beside the avatar,
    XenForo 2): the block is one post's header, however many lines its banners add."""
    first = tokens[found[0]].text
    return name_like(first) and any(tokens[j].text == first for j in found[1:])


def after_stats(tokens: list[Token], start: int, a: int) -> int:
    """Statistics above a "by NAME, date" line without the name are the previous post's profile."""
    last_stat = max((j for j in range(start, a) if tokens[j].kind in ("stat", "stat_value")), default=None)
    return start if last_stat is None else last_stat + 1


_MENU_ITEM = (r"(?:view profile|view public profile|view forum posts|view blog entries|view articles|private message|"
              r"send (?:a )?private message|send pm|visit homepage|find (?:all|more) posts(?: by .{1,40})?|send email|"
              r"profil|beiträge anzeigen|private nachricht|homepage besuchen|blog-einträge anzeigen|"
              r"voir le profil|message privé|ver perfil|mensaje privado|профиль|личное сообщение)")


# one item a line, or the whole menu on one line (WET)
_PROFILE_MENU = re.compile(rf"^{_MENU_ITEM}(?:\s+{_MENU_ITEM})*$", re.I)


_REACTED = re.compile(r"^(?:reactions|likes|reaktionen|réactions|reacciones|реакции)\s*:\s*\D*$", re.I)


_CENTRED = 12  # a line this much further right than the date line is centred, not in the header's column
_IMAGE_ONLY = re.compile(r"^\[[^\]]{1,40}\](?:\s*\[[^\]]{1,40}\]){0,9}$")  # one or a row of images (rank stars)
_STARS = re.compile(r"^\*(?: ?\*){0,9}$")


def scan_back(tokens: list[Token], a: int, limit: int, subjects: set[str] = frozenset(),
               recurring: set[str] = frozenset(), through: bool = True) -> int:
    start = a
    j = a - 1
    buttons = 0
    while j > limit:
        tok = tokens[j]
        if tok.kind == "status" and buttons:
            break  # "X is offline" above the previous post's buttons closes that post
        if tok.kind == "body" and EXPAND.match(tok.text):
            # "Click to expand..." closes a quote inside the previous post, and the reply follows it
            k = j + 1
            while k < a and tokens[k].kind == "blank":
                k += 1
            # the reply runs up to the header's name, shown twice (a line repeated just below)
            while k < a and tokens[k].kind == "body" and not any(
                    t.text == tokens[k].text for t in tokens[k + 1:min(a, k + 10)]):
                k += 1
            start = max(start, k) if k < a else start
            break
        if tok.kind == "stat" and _REACTED.match(tok.text):
            break  # "Reactions: Orca and Seal": who liked the post above, under its text
        if tok.kind == "body" and start < a and tok.indent >= tokens[a].indent + _CENTRED \
                and tokens[start].indent < tokens[a].indent + _CENTRED:
            break  # a centred line (breadcrumbs, the page title) above the header's column
        if tok.kind == "body" and start < a and _closes_text_above(tokens, j, start, limit):
            break  # "Paso a paso": a signature line under the previous post's text, a blank line above the header
        if tok.kind in ("stat", "stat_value", "postnum", "status") or (
                tok.kind == "body" and (name_like(tok.text) or tok.text in recurring or GROUP.match(tok.text))):
            start = j
        elif tok.kind == "button" and start == a and buttons == 0:
            buttons += 1  # buttons sit between the profile and the date line ("Quote")
        elif tok.kind == "button" and start < a and _PROFILE_MENU.match(tok.text):
            pass  # the member menu printed under the name (vBulletin 4: "View Profile", "Private Message")
        elif tok.kind == "body" and subject_text(tok.text) in subjects:
            start = j
        elif tok.kind == "body" and start == a and len(tok.text) <= 60 and j - 1 > limit \
                and tokens[j - 1].kind == "body" \
                and (tokens[j - 1].text in subjects or RE_LINE.match(tokens[j - 1].text)):
            pass  # right above the date line, the end of a subject the dump wrapped ("Re: ... in this" / "forum?")
        elif tok.kind == "body" and start == a and len(tok.text) <= 150 and _after_postnum(tokens, j, limit):
            start = j  # the post's subject, between its number and its date line (vBulletin 5)
        elif tok.kind == "body" and start == a and len(tok.text) <= 150 and _POST_ICON.match(tok.text):
            start = j  # "[question] Swarm in the chimney": the subject after its post icon, over the date
        elif tok.kind == "nav" and _IMAGE_ONLY.match(tok.text) or start < a and tok.kind == "rule" \
                and _STARS.match(tok.text):
            pass  # an avatar or rank image between the name and the statistics ("* * *": rank stars)
        elif through and tok.kind in ("rule", "nav", "button") and any(
                t.kind in ("stat", "stat_value") for t in tokens[max(limit + 1, j - 6):j]):
            pass  # a rule or share links under the profile's statistics: still the header
        elif tok.kind != "blank":
            break
        j -= 1
    return start


def _closes_text_above(tokens: list[Token], j: int, start: int, limit: int) -> bool:
    """A short line with text right above it (no blank between) and a blank line between it and
    the header found below: the last line of the post above."""
    if not any(tokens[k].kind == "blank" for k in range(j + 1, start)):
        return False
    above = tokens[j - 1] if j - 1 > limit else None
    return above is not None and above.kind == "body" and is_text(above) and above.indent == tokens[j].indent


def _after_postnum(tokens: list[Token], j: int, limit: int) -> bool:
    above = next((tokens[k] for k in range(j - 1, max(limit, j - 4), -1) if tokens[k].kind != "blank"), None)
    return above is not None and above.kind == "postnum"


def scan_forward(tokens: list[Token], a: int, nxt: int, need_names: bool,
                  known: set | None = None, width: int = 0) -> tuple[int, list[Token]]:
    end = a
    names: list[Token] = []
    seen_stat = False
    known = set(known or ())
    skip = 0
    for j in range(a + 1, nxt):
        tok = tokens[j]
        if tok.kind == "blank" or j <= skip:
            continue
        if need_names and not seen_stat and names and len(names) < 4 and width and j + 1 < nxt \
                and not name_like(tok.text) and wraps_into(tok, tokens[j + 1], width):
            # a user title the dump wrapped at its width ("... fluorite," / "England NAME's Avatar")
            joined = Token("body", f"{tok.text} {tokens[j + 1].text}", tok.line, tok.indent)
            if len(joined.text) <= 80 and (AVATAR.match(joined.text) and len(joined.text.split()) <= 12
                                           or _stat_follows(tokens, j + 1, nxt)):
                names.append(joined)
                end = skip = j + 1
                continue
        if tok.kind == "body" and tok.text in known | {t.text for t in names[:1]}:
            end = j  # the name again, as the title of a profile menu
            continue
        if tok.kind == "body" and tok.data.get("left") and (seen_stat or not need_names or len(names) >= 4):
            end = j  # the rest of the author column
            continue
        if tok.kind in ("stat", "stat_value", "postnum", "rule", "button", "nav", "status"):
            seen_stat = seen_stat or tok.kind in ("stat", "stat_value")
            end = j
            continue
        if not need_names and not seen_stat and tok.kind == "body" and len(tok.text) <= 60 and j < a + 4 \
                and all(t.kind in ("blank", "postnum") for t in tokens[a + 1:j]) \
                and not tok.data.get("left") and name_like(tok.text) \
                and _stat_follows(tokens, j, nxt, fields=("posts", "joined"), column=tok) \
                and _text_after_stats(tokens, j, nxt):
            end = j  # the user title between the date line and the statistics ("Registered Member #104")
            continue
        if need_names and not seen_stat and tok.kind == "body" and len(names) < 4 and (
                name_like(tok.text) or names and AVATAR.match(tok.text) and len(tok.text.split()) <= 12
                or names and GROUP.match(tok.text)  # "Guest" under the name: a user group, no text
                or names and len(tok.text) <= 80 and _stat_follows(tokens, j, nxt, side=tok)):
            names.append(tok)
            end = j
            continue
        break
    return end, names


def _text_after_stats(tokens: list[Token], j: int, nxt: int) -> bool:
    """Text comes after the statistics under line `j`: the profile stands before the text, so the
    line is a user title ("Same here" followed by its profile and the next post is the text)."""
    k = j + 1
    while k < nxt and tokens[k].kind in ("blank", "stat", "stat_value", "nav"):
        k += 1
    return k < nxt and tokens[k].kind == "body"


def _stat_follows(tokens: list[Token], j: int, nxt: int, fields=None, column: Token | None = None,
                  side: Token | None = None) -> bool:
    """A line between the name and the statistics is the user title, whatever its words
    ("War. War never changes.")."""
    # an avatar's alt text ("[avatar32968_2.gif]") may stand between
    after = next((t for t in tokens[j + 1:min(nxt, j + 10)] if t.kind not in ("blank", "nav")), None)
    if side is not None and after is not None and bool(after.data.get("left")) != bool(side.data.get("left")):
        return False  # the text's column beside the author column's statistics (w3m)
    if column is not None and (after is None or after.indent != column.indent or after.data.get("left")
                               or after.line > column.line + 2):
        return False  # the statistics right under the line, in its column
    return after is not None and after.kind == "stat" and (fields is None or after.data.get("field") in fields)


_SIGNED = re.compile(r"\s[–—-]\s+\S{1,40}\s+\S.{0,30}\d$")


def footer_start(tokens: list[Token], prev: int, a: int, card: bool = False) -> int:
    """After the previous post's date line come its buttons; the next post starts after them.
    The first post starts after the last navigation line above it (above its own buttons, where
    a user card under the date line closes the post)."""
    if prev < 0:
        top = a
        while card and top > 0 and tokens[top - 1].kind in ("blank", "button"):
            top -= 1
        prev = max((j for j in range(top) if tokens[j].kind in ("nav", "button", "rule")), default=-1)
    j = prev + 1
    while j < a and (tokens[j].kind in ("blank", "button", "nav", "rule", "postnum")
                     or (tokens[j].bullet and len(tokens[j].text) <= 25)  # a menu of links
                     # a comment on the post above, signed "– NAME DATE"
                     or tokens[j].bullet and (tokens[j].kind == "date" or _SIGNED.search(tokens[j].text))
                     or tokens[j].kind == "body" and (LIST_NUMBER.match(tokens[j].text)
                                                      or LIKED.search(tokens[j].text))):
        j += 1
    return j

