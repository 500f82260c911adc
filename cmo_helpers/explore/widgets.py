"""The live explorer: sliders over a market's key inputs; key figures, the size chart and the audit follow each move.

Shown in Lab by `cmo.explorer.Explorer(params_file)` and to people who never open code by `cmo-report explore`.
"""
from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import ipywidgets as w
import mistune

from ..core.errors import ParamsError
from ..core.escape import html
from ..core.formatting import unit_label, value_decimals
from ..inputs.overlays import BASE
from ..inputs.session import load
from ..report import audit_view, size_charts, summary_view
from . import controls, overlay_file

WHY = "explored in the cmo-reports explorer"  # the rationale an explored figure carries until it is saved
RATE_RANGE_PP = 10.0  # the CAGR slider reaches this many points either side of the starting rate
VALUE_RANGE = (0.25, 2.0)  # the base value slider, as multiples of the starting value
STEP_PP = 0.1
_markdown = mistune.create_markdown(escape=False)  # the audit's text is escaped for Markdown already (core.escape.md)


def _percent_slider(description: str, value: float, low: float, high: float) -> w.FloatSlider:
    return w.FloatSlider(value=round(value * 100, 4), min=low, max=high, step=STEP_PP, description=description,
                         readout_format=".1f", style={"description_width": "initial"},
                         layout=w.Layout(width="95%"))


def _fraction(percent: float) -> float:
    """A slider's percentage as the fraction an overlay holds, on the slider's own step: 17.6 -> 0.176."""
    return round(round(percent / STEP_PP) * STEP_PP / 100, 4)


def _set_range(slider: w.FloatSlider, low: float, high: float, value: float) -> None:
    """Move a slider's bounds and value in an order its own checks (min <= value <= max) never refuse."""
    slider.min, slider.max = min(low, slider.min), max(high, slider.max)
    slider.value = value
    slider.min, slider.max = low, high


class Explorer:
    """One market's explorer: its widgets, the case they make, and the time the last update took."""

    def __init__(self, params_file: str | Path, scenario: str = BASE) -> None:
        self.market = load(params_file)
        self.controls = controls.start(self.market, scenario)
        self.seconds = 0.0
        self._quiet = False
        p = self.market.published
        self.decimals = value_decimals(p)
        self.scenario = w.Dropdown(options=[(self._title(n), n) for n in self.market.cases], value=scenario,
                                   description="Start from", style={"description_width": "initial"})
        self.base_value = w.FloatSlider(description=f"Market size {p.size.base.year} ({unit_label(p.market)})",
                                        step=10 ** -self.decimals, readout_format=f".{self.decimals}f",
                                        style={"description_width": "initial"}, layout=w.Layout(width="95%"))
        self.rate = _percent_slider("CAGR, % a year", 0, -100, 200)
        self.shares = {key: _percent_slider(f"{key[1]}, %", share, 0, 100)
                       for key, share in self.controls.shares.items()}
        self.keep_totals = w.Checkbox(value=True, description="Keep each split's total when a share moves",
                                      indent=False, layout=w.Layout(width="95%"))
        self.figures, self.chart, self.audit, self.problem = w.HTML(), w.HTML(), w.HTML(), w.HTML()
        self.name = w.Text(description="Name", placeholder="lowercase-with-hyphens", layout=w.Layout(width="30em"))
        self.title = w.Text(description="Title", layout=w.Layout(width="30em"))
        self.rationale = w.Textarea(description="Why", placeholder="Why this case, in your own words",
                                    layout=w.Layout(width="30em", height="5em"))
        self.save_button = w.Button(description="Save as scenario", icon="save", layout=w.Layout(width="max-content"))
        self.reset_button = w.Button(description="Back to the starting case", icon="undo",
                                     layout=w.Layout(width="max-content"))
        self.saved = w.HTML()
        self._wire()
        self._show_controls()
        self.update()

    def _title(self, name: str) -> str:
        return "Base case (the market file)" if name == BASE else f"{self.market.overlays[name].title} ({name})"

    def _wire(self) -> None:
        self.scenario.observe(lambda change: self.restart(change["new"]), names="value")
        self.base_value.observe(lambda change: self.move(base_value=round(change["new"], self.decimals)), names="value")
        self.rate.observe(lambda change: self.move(rate=_fraction(change["new"])), names="value")
        for key, slider in self.shares.items():
            slider.observe(lambda change, key=key: self.move_share(key, _fraction(change["new"])), names="value")
        self.save_button.on_click(lambda _: self.save())
        self.reset_button.on_click(lambda _: self.restart(self.scenario.value))

    def _show_controls(self) -> None:
        """Set every slider from the controls without an update per slider."""
        c, self._quiet = self.controls, True
        try:
            low, high = (round(c.base_value * f, self.decimals) for f in VALUE_RANGE)
            _set_range(self.base_value, low, high, c.base_value)
            rate = c.rate * 100
            _set_range(self.rate, round(max(-95.0, rate - RATE_RANGE_PP), 1), round(rate + RATE_RANGE_PP, 1),
                       round(rate, 4))
            for key, slider in self.shares.items():
                slider.value = round(c.shares[key] * 100, 4)
        finally:
            self._quiet = False

    def restart(self, scenario: str) -> None:
        """Put every control back to where a case has it."""
        self.controls = controls.start(self.market, scenario)
        self._show_controls()
        self.update()

    def move(self, **changes: float) -> None:
        """One control moved: remake the case and what shows it.

        A browser snaps a slider to its step and sends the value back: a value equal to the control's own on that
        step is no move, so opening a case never turns an implied rate into an assumed one.
        """
        c = self.controls
        shown = {"base_value": round(c.base_value, self.decimals), "rate": _fraction(c.rate * 100)}
        changes = {k: v for k, v in changes.items() if v != shown[k]}
        if changes and not self._quiet:
            self.controls = dataclasses.replace(c, **changes)
            self.update()

    def move_share(self, key: controls.ItemKey, share: float) -> None:
        """A share moved: the split's other shares follow when its total is kept."""
        if self._quiet or share == _fraction(self.controls.shares[key] * 100):
            return
        self.controls = (controls.rebalanced(self.controls, key, share) if self.keep_totals.value
                         else dataclasses.replace(self.controls, shares={**self.controls.shares, key: share}))
        self._show_controls()
        self.update()

    def update(self) -> None:
        """Key figures, size chart and audit findings for the case the controls make; a problem instead of a crash."""
        started = time.perf_counter()
        try:
            case = controls.case(self.market, self.controls, WHY)
        except ParamsError as exc:
            said = "; ".join(f"{key.removeprefix('overrides.')}: {reason}" for key, reason in exc.problems)
            self.problem.value = f'<p style="color:#b00020">Not shown, the last good case stays: {html(said)}</p>'
        else:
            self.problem.value = ""
            self.figures.value = summary_view.headline_box(dataclasses.replace(self.market, shown=case)).data
            chart = size_charts.size_chart(case)
            self.chart.value = f'<div role="img" aria-label="{html(chart.alt)}">{chart.svg()}</div>' \
                               f"<p><small>{html(chart.caption)}</small></p>"
            self.audit.value = _markdown(audit_view.verdict(case).data)
        self.seconds = time.perf_counter() - started

    def save(self) -> Path | None:
        """Write the current state as a scenario overlay beside the market's others; say where, or what is wrong."""
        try:
            path = overlay_file.save(self.market, self.controls, self.name.value.strip(), self.title.value,
                                     self.rationale.value)
        except ParamsError as exc:
            self.saved.value = f'<p style="color:#b00020">Not saved: {html(exc)}</p>'
            return None
        self.saved.value = f"<p>Saved {html(path)}. Render it with <code>--scenarios {html(path.stem)}</code>.</p>"
        return path

    def layout(self) -> w.Widget:
        """Controls on the left, what they make on the right, saving below."""
        left = w.VBox([self.scenario, self.base_value, self.rate, *self._share_group(), self.reset_button,
                       self.problem],
                      layout=w.Layout(width="42%"))
        right = w.VBox([self.figures, self.chart, w.HTML("<h3>Source audit of this case</h3>"), self.audit],
                       layout=w.Layout(width="58%"))
        saving = w.VBox([w.HTML("<h3>Save as a scenario</h3>"), self.name, self.title, self.rationale,
                         self.save_button, self.saved])
        return w.VBox([w.HBox([left, right]), saving])

    def _share_group(self) -> list[w.Widget]:
        """Each split's share sliders under its label, and the keep-totals switch when there is any."""
        rows: list[w.Widget] = []
        for b in self.market.published.breakdowns:
            sliders = [self.shares[b.id, i.name] for i in b.items if (b.id, i.name) in self.shares]
            if sliders:
                rows += [w.HTML(f"<b>{html(b.label)}</b>"), *sliders]
        return [*rows, self.keep_totals] if rows else []

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.layout())
