"""A record's post date (the first unlabelled date outside its body, or the machine time
around it) and its labelled dates (joined, edited)."""
from __future__ import annotations

import re
from bisect import bisect_left

from .dates_found import DateHit
from .record_fields import Fields
from .records_found import PageIndex, Record


def date_of(f: Fields, index: PageIndex, positions: list[int], by_pos: list) -> DateHit | None:
    lo_b, hi_b = index.span(f.body_el) if f.body_el is not None else (-1, -2)
    if f.record.kind == "date":
        for _, hit in by_pos[bisect_left(positions, index.pos.get(f.record.anchor, -1)):][:1]:
            if hit.el is f.record.anchor:
                return _machine_around(hit, index, positions, by_pos)
    for part in f.record.parts:
        lo, hi = index.span(part)
        start = bisect_left(positions, lo)
        for p, hit in by_pos[start:]:
            if p > hi:
                break
            if hit.label is None and not lo_b <= p <= hi_b:
                return hit
    return None


def _machine_around(hit: DateHit, index: PageIndex, positions: list[int], by_pos: list) -> DateHit:
    """A shown date inside an element that carries the machine-readable time: take that time."""
    if hit.machine:
        return hit
    for anc, _ in zip(hit.el.iterancestors(), range(3)):
        p = index.pos.get(anc, -1)
        i = bisect_left(positions, p)
        if i < len(by_pos) and by_pos[i][0] == p and by_pos[i][1].machine and by_pos[i][1].label is None:
            return by_pos[i][1]
    return hit


def labelled_date(f: Fields, index: PageIndex, positions: list[int], by_pos: list, label: str) -> DateHit | None:
    lo_b, hi_b = index.span(f.body_el) if f.body_el is not None else (-1, -2)
    for part in f.record.parts:
        lo, hi = index.span(part)
        for p, hit in by_pos[bisect_left(positions, lo):]:
            if p > hi:
                break
            if hit.label == label and not lo_b <= p <= hi_b:
                return hit
    return None


_EPOCH_ATTR = re.compile(r"(?:publish|created|posted|time|date)", re.I)


_EPOCH_VALUE = re.compile(r"^\d{9,10}$")


def container_epoch(record: Record, ctx) -> str | None:
    """<li data-node-publishdate="1554824243">: the post's container states the instant."""
    root = record.parts[0]
    for el in [root, *root.iterchildren()][:4]:
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            if name.startswith("data-") and _EPOCH_ATTR.search(name) and _EPOCH_VALUE.match(value.strip()):
                return ctx.dates.machine(value.strip())
    return None
