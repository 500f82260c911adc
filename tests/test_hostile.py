"""Hostile and odd input, each case at the layer where it bites: file reading, validation, one export."""
from __future__ import annotations

import html as html_lib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from cmo_helpers.core import source_files
from cmo_helpers.core.errors import ParamsError
from cmo_helpers.core.paths import DEFAULT_PARAMS
from cmo_helpers.inputs.load import load_params
from cmo_helpers.inputs.params import parse_params
from cmo_helpers.pipeline import export
from cmo_helpers.typeset import pdf

CLI = [sys.executable, "-m", "cmo_helpers.cli"]
GOOD = DEFAULT_PARAMS.read_text(encoding="utf-8")


def _bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


FILE_CASES = {
    "missing": (lambda p: None, "file not found"),
    "directory": (lambda p: p.mkdir(), "not a regular file (a directory)"),
    "fifo": (_fifo, "not a regular file (a named pipe)"),
    "symlink-loop": (_loop, "symbolic link loop"),
    "too-big": (lambda p: p.write_bytes(b"# pad\n" * 200_000), "larger than 1 MB"),
    "not-utf8": (lambda p: p.write_bytes(GOOD.replace("Global", "Gl\u00f6bal").encode("latin-1", "replace")),
                 "not UTF-8"),
    "alias-bomb": (lambda p: p.write_text(_bomb(9)), "YAML aliases (*name) are not allowed"),
    "one-alias": (lambda p: p.write_text(GOOD + "extra: &x 1\nmore: *x\n"), "YAML aliases"),
    "deep-nesting": (lambda p: p.write_text("[" * 5000 + "]" * 5000), "nested more than"),
    "list-as-key": (lambda p: p.write_text("? [a, b]\n: 1\n"), "keys must be plain words"),
    "not-a-mapping": (lambda p: p.write_text("- just\n- a list\n"), "expected a YAML mapping"),
    "empty": (lambda p: p.write_text(""), "expected a YAML mapping"),
    "bad-yaml": (lambda p: p.write_text("market: [unclosed\n"), "not valid YAML"),
    "unsafe-tag": (lambda p: p.write_text("x: !!python/object/apply:os.system ['true']\n"), "not valid YAML"),
    "duplicate-key": (lambda p: p.write_text("a: 1\na: 2\n"), "duplicate key 'a'"),
}


@pytest.mark.parametrize("case", FILE_CASES, ids=str)
def test_file_problems_are_one_short_line_naming_the_file(case, tmp_path):
    make, reason = FILE_CASES[case]
    path = tmp_path / "market.yaml"
    make(path)
    start = time.perf_counter()
    with pytest.raises(ParamsError) as info:
        load_params(path)
    assert time.perf_counter() - start < 2, "refused fast, never expanded or read whole"
    message = str(info.value)
    assert message.startswith(f"{path}: ") and reason in message, message
    assert len(message) < 400 and "\n" not in message


def test_dev_zero_is_refused_without_reading_it():
    with pytest.raises(ParamsError, match="not a regular file \\(a character device\\)"):
        load_params("/dev/zero")


def test_file_problem_through_the_cli_is_exit_2_without_traceback(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    proc = subprocess.run([*CLI, "validate", str(fifo)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip() == f"{fifo}: not a regular file (a named pipe); give a .yaml or .xlsx params file"


def test_each_file_is_read_once_per_run(tmp_path, monkeypatch):
    reads = []
    real = source_files._read_bounded
    monkeypatch.setattr(source_files, "_read_bounded", lambda path: reads.append(Path(path)) or real(path))
    from cmo_helpers.pipeline import render

    with source_files.one_read_each():
        render.plan([DEFAULT_PARAMS], "all")
    assert len(reads) == len(set(reads)) and DEFAULT_PARAMS in reads, reads


# --- text: every payload in every free-text field reaches the page as text, never as markup ----------------

PAYLOADS = {
    "script": "<script>document.title='PWNED'</script>",
    "img-onerror": "<img src=x onerror=\"document.title='PWNED'\">",
    "close-style": "</style><h1 id=injected>Injected</h1>",
    "attribute-break": "\" onmouseover=\"alert(1)\" x=\"",
    "css-string-break": "\"; } body { display: none } @page { @top-left { content: \"",
    "markdown": "# Heading **bold** [link](javascript:alert(1)) | cell |",
    "mathtext": "Devices $5-$10 and $x^$",
    "entity": "&lt;script&gt; &amp; &#60;b&#62;",
}
FIELDS = {
    "market.name": lambda d, v: d["market"].__setitem__("name", v),
    "market.geography": lambda d, v: d["market"].__setitem__("geography", v),
    "sources[0].title": lambda d, v: d["sources"][0].__setitem__("title", v),
    "sources[0].publisher": lambda d, v: d["sources"][0].__setitem__("publisher", v),
}


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text, as a browser's parser would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._raw = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "script"):
            self._raw = tag

    def handle_endtag(self, tag):
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data):
        if self._raw is None:
            self.text.append(data)


def _parse(document: str) -> _Elements:
    parser = _Elements()
    parser.feed(document)
    return parser


def _assert_inert(document: str, payload: str | None) -> None:
    parsed = _parse(document)
    assert not [t for t, _ in parsed.tags if t == "script"], "no script element"
    assert not [t for t, a in parsed.tags if any(k.startswith("on") for k in a)], "no event handler attribute"
    assert not [t for t, a in parsed.tags if a.get("id") == "injected"], "no injected element"
    if payload is not None:
        assert payload in " ".join("".join(parsed.text).split()), "the payload is shown as text"


PAYLOADS["typst"] = "#set page(width: 1pt) ] $x$ @ref <l> // c"


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("payload", PAYLOADS, ids=str)
def test_text_is_inert_in_the_pages_and_only_data_to_the_pdf(raw, field, payload, tmp_path):
    FIELDS[field](raw, PAYLOADS[payload])
    p = parse_params(raw, "hostile.yaml")
    for page in export.write_pages([], p, "base", tmp_path, pdf=True):
        _assert_inert(page.read_text(encoding="utf-8"), None)  # not every page shows every field
    doc = pdf.document([], p, "base")
    assert PAYLOADS[payload] not in doc.main, "params text reaches Typst as JSON data, never as markup"
    assert PAYLOADS[payload] in _strings(json.loads(doc.files["meta.json"]))


def _strings(data) -> str:
    """Every string in a JSON value, one per line."""
    if isinstance(data, dict):
        return _strings(list(data.values()))
    if isinstance(data, list):
        return "\n".join(_strings(d) for d in data)
    return str(data)


def test_hostile_text_is_printed_on_the_pdf_cover(raw, tmp_path):
    for field in FIELDS:
        FIELDS[field](raw, PAYLOADS["typst"] + " " + PAYLOADS["close-style"])
    p = parse_params(raw, "hostile.yaml")
    reader = PdfReader(pdf.write(pdf.document([], p, "base"), tmp_path / "r.pdf"))
    cover = " ".join(reader.pages[0].extract_text().split())
    assert cover.count(PAYLOADS["typst"] + " " + PAYLOADS["close-style"]) >= 3, cover


@pytest.mark.parametrize("payload", PAYLOADS, ids=str)
def test_table_cells_headers_and_caption_are_inert(payload):
    from cmo_helpers.report.house_table import Cell, Table

    html = Table(PAYLOADS[payload], [{PAYLOADS[payload]: PAYLOADS[payload], "Value": Cell(1.0, "1.0")}])._repr_html_()
    parsed = _parse(html)
    allowed = {"style", "table", "caption", "thead", "tr", "th", "tbody", "td"}
    assert [t for t, _ in parsed.tags if t not in allowed] == []
    assert "".join(parsed.text).count(PAYLOADS[payload]) == 3, "cell, header and caption show the text"


def test_chart_text_with_dollars_draws_literally():
    from cmo_helpers.report import house_chart

    with house_chart.matplotlib.rc_context(house_chart.RC):  # as house_style runs every chart builder
        fig, ax = house_chart.new_figure()
        label = ax.set_title(PAYLOADS["mathtext"])
        fig.canvas.draw()  # mathtext would raise on '$x^$'
    assert label.get_text() == PAYLOADS["mathtext"] and not label._parse_math


def test_terminal_never_gets_control_characters(raw, tmp_path):
    raw["market"]["name"] = "Evil \x1b[2J\x1b]0;owned\x07 market"
    raw["market"]["unit"] = "millions\x1b[31m"
    bad = tmp_path / "esc.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True))
    proc = subprocess.run([*CLI, "validate", str(bad)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "\x1b" not in proc.stderr + proc.stdout and "\\x1b[31m" in proc.stderr


def test_validate_and_audit_output_show_control_characters_visibly(raw, tmp_path):
    raw["market"]["name"] = "Evil \x1b[2J market"
    # refused (control character), and said visibly
    raw["breakdowns"][0]["items"][0]["name"] = "Pharma \x1b]0;owned\x07"
    path = tmp_path / "esc\x1bname.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True))
    for command in ("validate", "audit"):
        proc = subprocess.run([*CLI, command, str(path)], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2, proc.stderr
        assert "\x1b" not in proc.stdout + proc.stderr and "\\x1b" in proc.stderr, command


def test_an_expanded_value_never_floods_the_message(raw):
    raw["market"]["unit"] = "x" * 5_000_000
    with pytest.raises(ParamsError) as info:
        parse_params(raw, "huge.yaml")
    assert len(str(info.value)) < 400


# --- numbers: refused at validation, naming the key ---------------------------------------------------------

NUMBER_CASES = {
    "negative-value": ("size.base.value", -1, "greater than 0"),
    "zero-value": ("size.base.value", 0, "greater than 0"),
    "text-value": ("size.base.value", "lots", "expected a number"),
    "nan-value": ("size.base.value", float("nan"), "size.base.value"),
    "bool-year": ("size.base.year", "2024a", "valid integer"),
    "early-year": ("size.base.year", 1800, "greater than or equal to 1900"),
    "late-year": ("size.end.year", 3000, "less than or equal to 2200"),
    "rate-too-high": ("size.cagr.rate", 3.0, "less than or equal to 2"),
    "rate-too-low": ("size.cagr.rate", -0.9, "greater than or equal to -0.5"),
}


def _set(data: dict, dotted: str, value) -> None:
    *path, last = dotted.split(".")
    for key in path:
        data = data[key]
    data[last] = value


@pytest.mark.parametrize("case", NUMBER_CASES, ids=str)
def test_bad_numbers_are_refused_naming_the_key(raw, case):
    key, value, reason = NUMBER_CASES[case]
    _set(raw, key, value)
    with pytest.raises(ParamsError) as info:
        parse_params(raw, "numbers.yaml")
    message = str(info.value)
    assert key in message and reason in message, message


# --- the whole report in a real browser, network cut off ----------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TRAP = "document.title='PWNED'"
BROWSER_FIELDS = {
    "market.name": "<script>" + TRAP + "</script>Hostile market",
    "market.geography": "<img src=x onerror=\"" + TRAP + "\">",
    "sources[0].title": "</style><h1 id=injected>Injected</h1>",
    "sources[0].publisher": "<svg onload=\"" + TRAP + "\"></svg>",
    "drivers[0]": "<img src=x onerror=\"" + TRAP + "\"> # not a heading **not bold**",
    "trends[0]": "[click](javascript:" + TRAP + ") <b id=injected>x</b>",
}


def _dom(page: Path, profile: Path) -> str:
    """The page's DOM after its scripts (if any) ran, from headless Chromium with no network."""
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--virtual-time-budget=2000",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )
    return proc.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it as root)")
def test_hostile_report_runs_no_script_in_a_browser(raw, tmp_path):
    raw["market"]["name"] = BROWSER_FIELDS["market.name"]
    raw["market"]["geography"] = BROWSER_FIELDS["market.geography"]
    raw["sources"][0]["title"] = BROWSER_FIELDS["sources[0].title"]
    raw["sources"][0]["publisher"] = BROWSER_FIELDS["sources[0].publisher"]
    raw["drivers"][0] = BROWSER_FIELDS["drivers[0]"]
    raw["trends"][0] = BROWSER_FIELDS["trends[0]"]
    params = tmp_path / "hostile.yaml"
    params.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False))
    out = tmp_path / "out"
    proc = subprocess.run([*CLI, "render", str(params), "--out", str(out), "--jobs", "2"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    folder = out / "healthcare-cmo"
    pages = sorted(folder.glob("*.html"))
    assert len(pages) > 5
    for page in pages:
        dom = _dom(page, tmp_path / "profile")
        parsed = _parse(dom)
        title = html_lib.unescape(re.search(r"<title>(.*?)</title>", dom, re.S).group(1))
        assert title.endswith(" \u00b7 " + BROWSER_FIELDS["market.name"]), f"{page.name}: a script ran ({title})"
        _assert_inert(dom, None)
        assert not [t for t, a in parsed.tags if t in ("svg", "h1") and "Injected" in a.get("id", "")]
        assert not [a for t, a in parsed.tags if t == "a" and a.get("href", "").startswith("javascript:")], page.name
    text = " ".join("".join(_parse(_dom(folder / "00-executive-summary.html", tmp_path / "profile")).text).split())
    assert BROWSER_FIELDS["drivers[0]"] in text and "# not a heading **not bold**" in text
    from pypdf import PdfReader

    pdf = " ".join(" ".join(page.extract_text() for page in PdfReader(folder / "report.pdf").pages).split())
    assert "</style><h1 id=injected>Injected</h1>" in pdf, "the source title is printed, not laid out as a heading"


def test_characters_the_report_font_lacks_are_named_not_dropped(raw, tmp_path):
    raw["market"]["name"] = "\u4e2d\u56fd Heat Pump Market"
    path = tmp_path / "cjk.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    proc = subprocess.run([*CLI, "validate", str(path)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, "a warning, not a refusal: the text is valid, the font is the limit"
    assert f"warning: {path}: market.name: not in the report font DejaVu Sans" in proc.stderr
    assert "U+4E2D CJK UNIFIED IDEOGRAPH-4E2D" in proc.stderr
