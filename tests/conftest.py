"""Shared test set-up: the golden-file option and fixture discovery."""
from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
PAGE_SUFFIXES = (".html", ".htm", ".txt", ".bin")


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens", action="store_true", default=False,
        help="rewrite the expected JSON of every golden fixture (after checking its invariants)",
    )


def golden_pages() -> list[Path]:
    """Every fixture page: tests/fixtures/<adapter name>/<case>.<html|txt|bin>, expected JSON beside it."""
    return sorted(p for p in FIXTURES.rglob("*") if p.suffix in PAGE_SUFFIXES and p.is_file())
