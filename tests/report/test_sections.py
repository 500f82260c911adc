"""A breakdown's whole section with hostile names, labels, quotes and claims: every piece shows them as text."""
from __future__ import annotations

from html.parser import HTMLParser

import mistune
import pytest

from cmo_helpers.report import sections, sources_view, split_charts, split_tables, split_text

HOSTILE = {
    "script": "<script>alert(1)</script>",
    "markdown": "# Big **bold** [x](javascript:alert(1)) | cell |",
    "mathtext": "Devices $5-$10 and $x^$",
}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text += data


def _no_markup(html: str, text: str) -> None:
    """No element the params text could have made, and the text itself readable on the page."""
    parsed = _Tags()
    parsed.feed(html)
    assert not {"script", "h1", "a", "img", "strong"} & set(parsed.tags)
    assert text in " ".join(parsed.text.split())


@pytest.mark.parametrize("payload", HOSTILE, ids=str)
def test_breakdown_pieces_show_params_text_literally(raw, build, payload):
    text = HOSTILE[payload]
    raw["breakdowns"][1]["label"] = text
    raw["breakdowns"][1]["items"][0].update(name=text, quote=text)
    claim = {"claim": "fastest-growing", "source": "marketus-2025", "quote": text}
    raw["breakdowns"][1]["items"][1]["claims"] = [claim]
    p = build(raw)
    b = p.breakdowns[1]
    _no_markup(mistune.html(split_text.breakdown_summary(p, b).data), text)
    for table in (split_tables.breakdown_table(p, b), sources_view.inputs_table(p)):
        _no_markup(table._repr_html_(), text)
    for chart in (split_charts.share_chart(p, b), split_charts.stacked_chart(p, b)):
        chart.svg()  # draws the names as text, never as maths
    assert text in [t.get_text() for t in split_charts.share_chart(p, b).figure.axes[0].get_yticklabels()]


def test_a_kind_of_breakdown_the_source_lacks_says_so_and_is_marked_empty(cmo, monkeypatch):
    shown = []
    monkeypatch.setattr(sections, "display", lambda obj, **kw: shown.append((obj, kw)))
    sections.further_breakdowns(cmo)
    (note, kw), = shown
    assert "no further breakdowns" in note.data and kw["metadata"] == sections.EMPTY
    shown.clear()
    sections.regional_split(cmo)
    assert shown[0][0].data == "## Region" and all("metadata" not in kw for _, kw in shown)
