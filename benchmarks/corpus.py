"""Shared bits of the corpus benchmarks: where the corpus is and which adapter each engine maps to."""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
# corpus engine folders name versions ("phpbb3", "reddit-new"); adapters name families
_FAMILY = {"ptt-bbs": "ptt", "reddit-new": "reddit",
           # IP.Board 1/2 markup has an adapter of its own; Invision 3+ is "invision"
           "invision1": "ipboard", "invision2": "ipboard", "wbb3": "woltlab", "wbb4": "woltlab", "wbb5": "woltlab",
           "lithium": "khoros", "simple-press": "simplepress"}


def adapter_for_engine(engine: str) -> str:
    return _FAMILY.get(engine, re.sub(r"\d+$", "", engine))


def pages(corpus: Path = CORPUS, fmt: str = "html"):
    """(gold dict, page path) for every corpus page of the format."""
    key = "page" if fmt == "html" else "text"
    for gold_path in sorted(corpus.rglob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get(key):
            yield gold, gold_path.parent / gold[key]


# CPU time of this thread, not wall time: with other processes on the machine's two cores, wall
# times of parses above a few ms spike 2-3x; the ratios compare work done.
clock = time.thread_time


def best_of(fn, repeat: int) -> float:
    """The fastest of `repeat` runs of fn(), in CPU seconds: the least disturbed by a busy machine."""
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append(clock() - start)
    return min(times)
