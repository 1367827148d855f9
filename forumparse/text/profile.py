"""The short lines of a post's author card in a text dump (name, user title, group, counts),
for the engine text adapters: what each line is, by its words alone.

Which of the remaining lines is the name and which the title is an engine's (or a
theme's) layout; `name_slot` finds it from the page: the slot whose values differ most
from post to post holds the names (titles and groups repeat).
"""
from __future__ import annotations

import re
from collections import Counter

from ..numbers import parse_count
from ..vocab import JOINED_LABEL, OTHER_STAT_LABEL, POSTS_LABEL

# "5,401 posts", "57 messages", "1.2k posts"
COUNT_AFTER = re.compile(r"^(?P<n>\d[\d,.\u00a0 ]*k?)\s+(?:posts?|messages?|beiträge|beitrag|mensajes|messaggi|"
                         r"сообщени[йея]|comments?)\s*$", re.I)
# Image placeholders where the avatar or rank images were: "[37cff07316]", "[photo-thum]", "Photo", "Pip"
# (a long one wraps: "[d41d8...%" / "2Fstyle...png]").
PLACEHOLDER = re.compile(r"^(?:\[[^\]]*\]|\[[^\s\]]+|[^\s\[]+\]|\S*%[0-9A-Fa-f]{2}\S*|"
                         r"\(?(?:photo|avatar|image|user avatar|no photo|pip|star)\)?"
                         r"(?:\s+(?:pip|star))*|\S+'s (?:photo|avatar))$", re.I)
# Usergroup names of the forum engines' default installs (shown beside the user title).
GROUP = re.compile(r"^(?:members|registered(?:\s+\w+)?|registered users|administrators?|admins?|moderators?|"
                   r"global moderators?|super moderators?|banned|validating|guests?|awaiting (?:email )?"
                   r"confirmation|unverified|vip(?: members)?|premium(?: members)?|subscribers?|donators?|"
                   r"supporters?|staff|team|community (?:team|staff)|invité|gast|invitado|ospite|convidado|гость)$",
                   re.I)
# Words of user titles (never of names in the default ladders).
TITLE_WORDS = re.compile(r"\b(?:member|newbie|newcomer|rookie|junior|senior|advanced|veteran|regular|guru|expert|"
                         r"contributor|enthusiast|moderator|administrator|admin|legend|addict|user|poster|elite|"
                         r"fanatic|master|apprentice|novice|beginner|participant|lurker|"
                         r"modérat(?:eur|rice)|administrat(?:eur|rice)|membre|mitglied|moderador|administrador|miembro|moderatore|"
                         r"amministratore|membro|модератор|администратор|участник)\b", re.I)


def post_count(text: str) -> int | None:
    """The count of a "N posts" or "Posts: N" line, else None."""
    m = COUNT_AFTER.match(text)
    if m:
        return parse_count(m.group("n"))
    m = POSTS_LABEL.match(text)
    if m and m.group("value") and re.fullmatch(r"\d[\d,.\u00a0 ]*k?", m.group("value")):
        sep = text[m.start("value") - 1]
        if sep in ":：" or sep.isspace():
            return parse_count(m.group("value"))
    return None


def joined_value(text: str) -> str | None:
    m = JOINED_LABEL.match(text)
    if m and m.group("value") and re.search(r"\d", m.group("value")):
        return m.group("value")
    return None


def is_stat(text: str) -> bool:
    """Any labelled statistic ("Reputation: 12", "Joined: May 2011", "Gender: Male")."""
    if post_count(text) is not None or joined_value(text):
        return True
    m = OTHER_STAT_LABEL.match(text)
    return bool(m and ":" in text[:m.start("value") + 1])


def is_filler(text: str) -> bool:
    return bool(PLACEHOLDER.match(text)) or not any(ch.isalnum() for ch in text)


def name_slot(slots: list[dict]) -> object | None:
    """The key that holds the author in every post's {slot: text}: the one whose values
    differ most between posts; names look like handles (no spaces, no title words)."""
    keys = Counter(k for s in slots for k in s)
    if not keys:
        return None

    def score(key):
        values = [s[key] for s in slots if key in s]
        distinct = len(set(values)) / len(slots)
        handle = sum(1 for v in values if " " not in v) / len(values)
        titled = sum(1 for v in values if TITLE_WORDS.search(v) or GROUP.match(v)) / len(values)
        return distinct + 0.3 * handle - 0.6 * titled + 0.5 * keys[key] / len(slots)

    return max(keys, key=score)
