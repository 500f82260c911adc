"""A font file cut to the glyphs of some characters, as WOFF bytes that depend on nothing but those characters.

WOFF (zlib) needs no package beyond fontTools, where WOFF2 would need brotli (about 28 % smaller). Subsets are
unhinted (browsers draw web fonts with their own hinting) and keep the file's own `head` date, which fontTools would
otherwise set to the moment of the cut. Cutting DejaVu Sans takes about 70 ms, nearly all of it reading its layout
tables; cutting a copy already cut to COMMON takes about 20 ms and gives the same bytes, so each process cuts that
copy once per file and every chart whose text stays within COMMON is cut from it.
"""
from __future__ import annotations

import contextlib
import functools
import io
import logging
from collections.abc import Iterator
from pathlib import Path

# What chart text is made of: ASCII, Latin-1, Latin Extended-A, dashes, quotes and bullets, per mille and primes,
# currency signs, the minus sign and the trade mark
COMMON = frozenset(map(chr, [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2028), *range(0x2030, 0x203B),
                             *range(0x20A0, 0x20C1), 0x2122, 0x2212]))


def subset(path: Path, characters: str) -> bytes:
    """The font file cut to the glyphs of `characters` (and what its layout needs for them), as WOFF bytes."""
    stat = path.stat()
    return _subset(path, stat.st_mtime_ns, stat.st_size, "".join(sorted(set(characters))))


@functools.lru_cache(maxsize=256)
def _subset(path: Path, mtime_ns: int, size: int, wanted: str) -> bytes:
    """Charts of one report, and its scenarios' charts, mostly use the same characters: each set is cut once."""
    if set(wanted) <= COMMON:
        return cut(_common(path, mtime_ns, size), wanted, "woff")
    return cut(path.read_bytes(), wanted, "woff")


@functools.cache
def _common(path: Path, mtime_ns: int, size: int) -> bytes:
    """The file cut to COMMON, once per process (keyed by date and size, so a replaced brand font is cut again)."""
    return cut(path.read_bytes(), "".join(sorted(COMMON)), None)


def cut(font_bytes: bytes, characters: str, flavor: str | None) -> bytes:
    """A font's bytes cut to `characters`, saved as `flavor` ("woff", or None for the font's own format)."""
    from fontTools import subset as fonttools_subset
    from fontTools.ttLib import TTFont

    options = fonttools_subset.Options(hinting=False, glyph_names=False)
    options.drop_tables += ["FFTM", "MATH"]  # FontForge's own timestamps; formula layout, which no chart uses
    font = TTFont(io.BytesIO(font_bytes), recalcTimestamp=False)
    with _quiet("fontTools"):
        cutter = fonttools_subset.Subsetter(options)
        cutter.populate(text=characters)
        cutter.subset(font)
    font.flavor = flavor
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@contextlib.contextmanager
def _quiet(name: str) -> Iterator[None]:
    """fontTools warns about tables it drops; a render's console is for the analyst's problems, not these."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
