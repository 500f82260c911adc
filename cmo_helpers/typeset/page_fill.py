"""Pages without holes: where to break a page so that no page holds only the tail of a section.

Each section starts on a new page. Typst keeps headings with what follows and figures with their captions, but a
section's last lines can still fall alone onto a page. The markup marks every block boundary in the page flow
(markup.MARK); a layout pass reports where each mark landed, and the latest boundary on the page before such a
tail that leaves both pages at least TARGET full becomes a page break.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

from .markup import MARK

PAGE_HEIGHT, MARGIN = 841.89, 56.69  # A4 and the template's 20 mm top and bottom margins, in points
TOP, BOTTOM = MARGIN, PAGE_HEIGHT - MARGIN
MIN_FILL = 0.2  # a page less full than this (but the last) is a hole
TARGET = 0.3  # both pages around a moved boundary keep at least this much
MOST = 0.95  # what the tail page may hold once the boundary moves, so it never spills onto another page
PROBE = ("\n#context for m in query(<cmo-mark>) [#metadata((id: m.value, page: m.location().page(), "
         "y: m.location().position().y.pt())) <cmo-pos>]\n")


@dataclass(frozen=True)
class Mark:
    """A block boundary as laid out: its id, kind (h heading, b block, e a section's end), page and height."""

    id: str
    kind: str
    page: int
    y: float

    @property
    def section(self) -> str:
        return self.id.rsplit("-", 1)[0]

    @property
    def fill(self) -> float:
        """How full the page is above this boundary."""
        return (self.y - TOP) / (BOTTOM - TOP)


def probe(main: str) -> str:
    """`main` with each mark as labelled metadata and a closing query that reports where each one landed."""
    return MARK.sub(lambda m: f'#metadata("{m["id"]}:{m["kind"]}") <cmo-mark>', main) + PROBE


def marks(found: list[dict]) -> list[Mark]:
    """The probe's report as marks, in reading order."""
    return [Mark(*f["id"].rsplit(":", 1), int(f["page"]), float(f["y"])) for f in found]


def _heading(spot: list[Mark]) -> bool:
    return any(m.kind == "h" for m in spot)


def breaks(laid_out: list[Mark]) -> set[str]:
    """The boundaries to break at: for each section whose last page holds less than MIN_FILL, the latest boundary on
    the page before that does not follow a heading and leaves both pages at least TARGET full, before a heading
    where one qualifies."""
    chosen = set()
    for _section, group in itertools.groupby(laid_out, key=lambda m: m.section):
        group = list(group)
        end = group[-1]
        if end.kind != "e" or end.page == group[0].page or end.fill >= MIN_FILL:
            continue
        # boundaries at one spot (a cell, its output, its paragraph) are one place to break, before all of them
        spots = [list(at) for _where, at in itertools.groupby(group, key=lambda m: (m.page, m.y))]
        candidates = [spot for before, spot in itertools.pairwise(spots)
                      if spot[0].page == end.page - 1 and spot[0].kind != "e" and not _heading(before)]
        # before a heading reads best (a subsection moves whole), then the latest boundary
        for m in [spot[0] for spot in sorted(candidates, key=lambda s: (_heading(s), s[0].y), reverse=True)]:
            moved = 1 - m.fill  # the previous page is full below the boundary (or ends at a block that moved on)
            if TARGET <= end.fill + moved <= MOST and m.fill >= TARGET:
                chosen.add(m.id)
                break
    return chosen


def apply(main: str, at: set[str]) -> str:
    """`main` with a page break at each chosen boundary; the other marks stay comments."""
    return MARK.sub(lambda m: "#pagebreak(weak: true)" if m["id"] in at else m.group(), main)
