"""`forumparse --jobs 1` vs `--jobs 2` on every corpus page (HTML and text), in one run.

Runs the command as a user does (a fresh `python -m forumparse` each time, output
through -o to a temporary file) and prints pages/s for each setting, the ratio,
and how many cores' worth of CPU each run got (child CPU time / wall time): on a
machine other work keeps busy, --jobs 2 cannot get its second core, and that
column says so. The pages are read where they are (../shared/corpus), never
copied. Rounds alternate the settings so that load hits both alike; each keeps
its best round. A pure-CPU loop run in 1 and 2 processes in the same rounds
gives the speed-up the machine allowed at the time, to compare with.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import CORPUS, pages


def corpus_pages() -> list[str]:
    return [str(path) for fmt in ("html", "text") for _, path in pages(CORPUS, fmt)]


def one_run(files: list[str], jobs: int, out: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its workers)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # exit 1 is expected: the corpus has pages that are no thread
    subprocess.run([sys.executable, "-m", "forumparse", "--jobs", str(jobs), "--no-progress", "--jsonl",
                    "-o", str(out), *files], stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def control(jobs: int) -> float:
    """Wall seconds of a fixed pure-CPU load in `jobs` processes: the speed-up this machine allows now."""
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_burn, [2_000_000] * 16))
    return time.perf_counter() - start


def run() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3, help="the corpus listed this many times over")
    args = ap.parse_args()
    files = corpus_pages() * args.repeat
    if not files:
        sys.exit(f"no corpus pages under {CORPUS}")
    best = {1: (float("inf"), 0.0), 2: (float("inf"), 0.0)}
    idle = {1: float("inf"), 2: float("inf")}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        for _ in range(args.rounds):
            for jobs in best:
                best[jobs] = min(best[jobs], one_run(files, jobs, out))
                idle[jobs] = min(idle[jobs], control(jobs))
    for jobs, (wall, cpu) in best.items():
        print(f"--jobs {jobs}: {len(files) / wall:7.1f} pages/s  CPU {cpu / wall:.2f} cores  "
              f"({len(files)} pages, best of {args.rounds})")
    print(f"speed-up --jobs 2 / --jobs 1: {best[1][0] / best[2][0]:.2f}x  "
          f"(a pure-CPU loop in 2 vs 1 processes, same rounds: {idle[1] / idle[2]:.2f}x)")


if __name__ == "__main__":
    run()
