"""Editions of one release compared: what changed and what did not, in sentences and figure by figure."""
from __future__ import annotations

from typing import TYPE_CHECKING

from IPython.display import Markdown, display

from ..core.formatting import DASH, number, pct, pp, signed
from .compare_view import decimals, money
from .house_table import Cell, Table

if TYPE_CHECKING:
    from ..inputs.market_file import Params
    from ..model.comparison import Comparison
    from ..model.editions import EditionDiff, Row, Value

VERDICTS = {"pass": "consistent", "warn": "warnings", "fail": "contradictions"}


def _shown(v: Value | None, kind: str) -> str:
    if v is None:
        return DASH
    if kind in ("year", "text"):
        return str(v.number)
    if kind in ("rate", "share"):
        return pct(v.number, v.decimals)
    return number(v.number, v.decimals)


def _change(r: Row) -> Cell | str:
    if r.change is None:
        return {"new": "only in the newer", "dropped": "only in the older"}.get(r.status, r.status)
    d = max(r.old.decimals or 0, r.new.decimals or 0)
    if r.kind in ("rate", "share"):
        return Cell(r.change, pp(r.change, d))
    return Cell(r.change, signed(r.change, d) if r.kind == "value" else f"{r.change:+d}")


def edition_table(diff: EditionDiff) -> Table:
    """Every figure in both editions: older, newer, change and whether it moved."""
    rows, kinds = [], []
    for r in diff.rows:
        rows.append({"Figure": r.figure,
                     "Older edition": Cell(None if r.old is None else r.old.number, _shown(r.old, r.kind)),
                     "Newer edition": Cell(None if r.new is None else r.new.number, _shown(r.new, r.kind)),
                     "Change": _change(r), "Status": r.status})
        kinds.append("warning" if r.status == "changed" else "")
    return Table(f"Every figure in both editions ({diff.frame.label}; rates in %)", rows, kinds,
                 {"Older edition": diff.frame.label, "Newer edition": diff.frame.label})


def _value(diff: EditionDiff, p: Params, which: str) -> str:
    fig = getattr(p.size, which)
    return money(diff.frame.convert(fig.value, p.market), diff.frame, fig.digits("value") or 0)


def _base_sentence(diff: EditionDiff) -> str:
    old, new = diff.old.size.base, diff.new.size.base
    a, b = _value(diff, diff.old, "base"), _value(diff, diff.new, "base")
    if diff.base_moved:
        return f"The base moved from {a} ({old.year}) to {b} ({new.year})."
    status = diff.row("Base value").status
    return f"The {new.year} base {'stayed at ' + b if status == 'unchanged' else f'changed from {a} to {b}'}."


def _end_sentence(diff: EditionDiff) -> str:
    old, new = diff.old.size.end, diff.new.size.end
    a, b = _value(diff, diff.old, "end"), _value(diff, diff.new, "end")
    if diff.end_kept:
        return f"The {new.year} value stayed at {b}."
    return f"The end value moved from {a} ({old.year}) to {b} ({new.year})."


def _rate_sentence(diff: EditionDiff) -> str:
    row = diff.row("Stated CAGR")
    if row is None or row.old is None or row.new is None:
        return "The two editions do not both state a CAGR."
    periods = diff.row("Stated CAGR period")
    over = ""
    if periods is not None and periods.old is not None and periods.new is not None:
        over = (f" (for {periods.new.number} in both)" if periods.status == "unchanged"
                else f" (for {periods.old.number} in the older edition, {periods.new.number} in the newer)")
    if row.status == "unchanged":
        carried = (": the endpoints moved, so the rate was carried over rather than worked out again"
                   if diff.rate_carried_over else "")
        return f"The stated CAGR stayed at {_shown(row.new, 'rate')}{over}{carried}."
    return f"The stated CAGR changed from {_shown(row.old, 'rate')} to {_shown(row.new, 'rate')}{over}."


def _implied_sentence(diff: EditionDiff) -> str:
    a, b = pct(diff.old_implied), pct(diff.new_implied)
    years = (f"{diff.old.size.base.year}\u2013{diff.old.size.end.year} and "
             f"{diff.new.size.base.year}\u2013{diff.new.size.end.year}")
    if a == b:
        return (f"Both editions' endpoints imply about {b} a year ({pct(diff.old_implied, 2)} and "
                f"{pct(diff.new_implied, 2)} over {years}; our computation).")
    return f"The endpoints imply {a} a year in the older edition and {b} in the newer ({years}; our computation)."


def _path_sentence(diff: EditionDiff, tolerance_pct: float) -> str:
    if not diff.base_moved:
        return ""
    year = diff.new.size.base.year
    on_path = money(diff.old_path_at_new_base, diff.frame, decimals(diff.old, diff.frame))
    close = abs(diff.base_gap) * 100 <= tolerance_pct
    said = (f"On the older edition's endpoint path, {year} comes to {on_path} (our computation); the newer base "
            f"differs from it by {pct(diff.base_gap, 2)}.")
    if close and diff.end_kept:
        return said + " The newer base sits on the older path and the end value is unchanged: the forecast was " \
                      "re-based, not revised."
    if close:
        return said + " The newer base sits on the older path, but the end value moved: the forecast was revised."
    return said + " The newer base is off the older path: the market was re-sized."


def edition_summary(diff: EditionDiff) -> Markdown:
    """What changed and what did not, each clause from the diff's numbers."""
    restated = ("; ".join(f"{r.year}: {number(r.old.number, r.old.decimals)} to {number(r.new.number, r.new.decimals)}"
                          for r in diff.restated))
    parts = [_base_sentence(diff), _end_sentence(diff), _rate_sentence(diff), _implied_sentence(diff),
             _path_sentence(diff, diff.new.audit.value_tolerance_pct),
             f"Restated totals (a year both editions state, with different values): {restated}." if restated
             else "No year is stated by both editions with different values."]
    old, new = (VERDICTS.get(v, v) for v in diff.verdicts)
    parts.append(f"The source audit of each edition on its own finds: older, {old}; newer, {new}.")
    return Markdown(" ".join(p for p in parts if p))


def what_changed(cmp: Comparison) -> None:
    """The editions' own section: what changed between them, in sentences and figure by figure."""
    for diff in cmp.edition_diffs():
        display(Markdown("## What changed between the editions"), edition_summary(diff), edition_table(diff))
