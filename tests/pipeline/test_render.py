"""End to end: `cmo-report render` on every market in params/, read back as a client would."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from excel_display import SOFFICE, as_shown, libreoffice_pdf
from notebook_cases import notebook
from openpyxl import load_workbook
from pypdf import PdfReader

from cmo_helpers.core.errors import ParamsError
from cmo_helpers.core.paths import DEFAULT_PARAMS, PARAMS, market_params_files, notebook_paths
from cmo_helpers.inputs.load import load_params
from cmo_helpers.model import forecast
from cmo_helpers.pipeline import pack_contents, render, units
from cmo_helpers.pipeline.cache import Cache
from cmo_helpers.pipeline.options import CACHE_DIR

CLI = [sys.executable, "-m", "cmo_helpers.cli"]


def _pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def test_render_succeeds_and_reports_plain_progress(rendered):
    out, proc = rendered
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"^\[1/\d+\] \S+ \S+ ok", proc.stdout, re.M), "CI logs get numbered plain lines"
    assert "rendered healthcare-cmo" in proc.stdout
    assert not list(out.glob(".staging-*")), "staging folders are cleaned up"


@pytest.mark.parametrize("params", market_params_files(), ids=lambda p: p.stem)
def test_every_notebook_ran_without_error(rendered, params):
    out, _ = rendered
    folder = out / params.stem / "notebooks"
    assert sorted(p.name for p in folder.glob("*.ipynb")) == [p.name for p in notebook_paths()]
    for path in folder.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
        assert not [o for o in outputs if o.output_type == "error"], path.name
        assert any(o.output_type in {"display_data", "execute_result"} for o in outputs), f"{path.name} shows nothing"


def test_default_pdf_carries_the_headline_figures(rendered):
    out, _ = rendered
    text, pages = _pdf_text(out / "healthcare-cmo" / "report.pdf")
    flat = re.sub(r"\s+", " ", text)
    for figure in ("504.9", "1,861.2", "16.6%", "15.6%", "15.60%", "62.0%", "42.5%", "185.5", "2,011.4"):
        assert figure in flat, figure
    assert "Market.us Media" in flat and "10 October 2025" in flat
    assert "Contents" in flat and "Sources and assumptions" in flat
    assert "Not itemised by the source" in flat and "The source calls North America the largest region [1]" in flat
    for invented in ("Europe", "Latin America", "Medical device manufacturing", "Rest of", "Other "):
        assert invented not in flat, f"the default market invents no items: {invented}"
    assert "Further breakdowns" not in flat, "a section with nothing to say is left out of the client's PDF"
    assert 10 <= pages <= 30
    assert f"Page {pages} of {pages}" in flat


def test_pdf_contents_page_numbers_point_at_the_sections(rendered):
    out, _ = rendered
    reader = PdfReader(out / "healthcare-cmo" / "report.pdf")
    toc = reader.pages[1].extract_text()
    for title in ("Market size", "Growth", "Regions"):
        number = int(re.search(rf"^{title}\W+(\d+)$", toc, re.M).group(1))
        assert re.search(rf"^{title}$", reader.pages[number - 1].extract_text(), re.M), title


def test_second_market_renders_in_its_own_unit(rendered):
    out, _ = rendered
    text, _ = _pdf_text(out / "eu-heat-pumps" / "report.pdf")
    flat = re.sub(r"\s+", " ", text)
    assert "European Residential Heat Pump Market" in flat and "EUR billion" in flat
    assert "Healthcare" not in flat and "USD" not in flat
    assert "(assumed)" in flat and "Assumed" in flat


def _published(out: Path, pattern: str) -> list[Path]:
    """Published files only: the cache under out/.cache holds copies, not pages a reader opens."""
    return [p for p in out.rglob(pattern) if not p.relative_to(out).parts[0].startswith(".")]


def test_html_pages_are_self_contained(rendered):
    out, _ = rendered
    pages = _published(out, "*.html")
    assert len(pages) >= 2 * len(notebook_paths())
    for page in pages:
        html = page.read_text()
        refs = re.findall(r'(?:src|href)\s*=\s*["\']([^"\']+)', html)
        external = [r for r in refs if re.match(r"^(?:[a-z]+:)?//", r) or r.startswith(("http:", "https:"))]
        assert not external, f"{page.name}: {external}"
        assert "<script" not in html
        assert all(src.startswith("data:image/svg+xml;base64,") for src in re.findall(r'<img [^>]*src="([^"]+)', html))


def test_every_relative_link_resolves(rendered):
    out, _ = rendered
    for page in _published(out, "*.html"):
        for href in re.findall(r'href="([^"#]+)', page.read_text()):
            assert (page.parent / href).resolve().exists(), f"{page.relative_to(out)} links to missing {href}"
    index = (out / "healthcare-cmo" / "index.html").read_text()
    assert 'href="scenarios/conservative/index.html"' in index and 'href="report.pdf"' in index


def test_every_chart_is_an_image_in_the_notebook_a_figure_in_the_page_and_two_files(rendered):
    out, _ = rendered
    folder = out / "healthcare-cmo"
    images = [o for nb in sorted((folder / "notebooks").glob("*.ipynb")) for c in nbformat.read(nb, 4).cells
              for o in c.get("outputs", []) if "image/svg+xml" in o.get("data", {})]
    assert images and all(o["metadata"]["image/svg+xml"]["alt"] for o in images)
    pages = "".join(p.read_text() for p in sorted(folder.glob("[0-9]*.html")))
    figure = r'<figure class="cmo-chart".*?<img [^>]*alt="([^"]+)".*?<figcaption[^>]*>([^<]+)</figcaption>'
    shown = re.findall(figure, pages, re.S)
    assert [alt for alt, _ in shown] == [o["metadata"]["image/svg+xml"]["alt"] for o in images]
    files = sorted(p.name for p in (folder / "charts").iterdir())
    assert len(files) == 2 * len(images)
    first = files[0].removesuffix(".png")
    assert re.fullmatch(r"01-[a-z0-9-]+", first) and files[1] == f"{first}.svg", "numbered, readable, both formats"
    assert (folder / "scenarios" / "optimistic" / "charts" / files[0]).exists()


def test_data_pack_numbers_equal_the_model_and_the_pdf_and_travel_inside_it(rendered):
    out, _ = rendered
    folder = out / "healthcare-cmo"
    workbook = folder / "healthcare-cmo-data.xlsx"
    wb = load_workbook(workbook)
    heading = ["Year", "Market size (USD million)"]
    size = next(wb[n] for n in wb.sheetnames if [c.value for c in wb[n][2]][:2] == heading)
    assert size[2][-1].value == "Basis"
    years = list(size.iter_rows(min_row=3, values_only=True))
    model = forecast.totals(load_params(DEFAULT_PARAMS))
    assert [y for y, *_ in years] == [int(y) for y in model.index]
    assert [v for _, v, *_ in years] == pytest.approx([float(v) for v in model.values], rel=1e-12), "full, unrounded"
    text = re.sub(r"\s+", " ", _pdf_text(folder / "report.pdf")[0])
    checked = 0
    tables = [s for s in wb.sheetnames
              if s[:2].isdigit() and not str(wb[s]["A1"].value).startswith(pack_contents.CHART)]
    for sheet in tables:
        for row in wb[sheet].iter_rows(min_row=3):
            for cell in row:
                if isinstance(cell.value, (int, float)):
                    assert as_shown(cell.value, cell.number_format) in text, f"{sheet}!{cell.coordinate}"
                    checked += 1
    # 172 numeric cells since the service split has no year (and so no values by year); each is in the PDF
    assert checked > 150, "every table figure is checked against the PDF"
    attached = PdfReader(folder / "report.pdf").attachments
    assert attached[workbook.name] == [workbook.read_bytes()]
    assert f'href="{workbook.name}"' in (folder / "index.html").read_text()
    csvs = sorted((folder / "data").glob("*.csv"))
    assert len(csvs) == len(tables)




@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; apt-get install libreoffice-calc")
def test_the_data_pack_prints_one_page_a_sheet_in_libreoffice_with_every_figure_shown(rendered, tmp_path):
    out, _ = rendered
    workbook = out / "healthcare-cmo" / "healthcare-cmo-data.xlsx"
    printed = PdfReader(libreoffice_pdf(workbook, tmp_path))
    names = load_workbook(workbook).sheetnames
    # 22 pages when written: About, 11 table and 8 chart sheets, Sources and basis, Assumptions
    assert len(printed.pages) == len(names), "one page wide and, for these sheets, one page long"
    for page, name in zip(printed.pages, names, strict=True):
        text = page.extract_text()
        assert "###" not in text, name
        assert name in text and "Global Healthcare Contract Manufacturing (CMO) Market" in text, "the page header"


def test_scenarios_land_under_the_market(rendered):
    out, _ = rendered
    for name in ("conservative", "optimistic"):
        assert (out / "healthcare-cmo" / "scenarios" / name / "report.pdf").exists()


def test_invalid_params_stop_before_anything_runs(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(DEFAULT_PARAMS.read_text().replace("value: 504.9", "value: -504.9"))
    out = tmp_path / "out"
    (out / "healthcare-cmo").mkdir(parents=True)
    keep = out / "healthcare-cmo" / "report.pdf"
    keep.write_text("previous report")
    proc = subprocess.run([*CLI, "render", str(bad), "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert f"{bad}: size.base.value: Input should be greater than 0" in proc.stderr
    assert f"{bad}: {bad}" not in proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["healthcare-cmo"]
    assert keep.read_text() == "previous report"


def test_failing_notebook_keeps_the_previous_good_output(tmp_path, monkeypatch):
    good = [p for p in notebook_paths() if p.name.startswith("01-")]
    broken = notebook(tmp_path, "50-broken", 'raise ValueError("deliberate failure")')
    out = tmp_path / "out"

    monkeypatch.setattr(render, "notebook_paths", lambda: good)
    first = render.render([DEFAULT_PARAMS], ("html",), 2, out)
    assert first.ok and (out / "healthcare-cmo" / "01-market-size.html").exists()
    before = (out / "healthcare-cmo" / "01-market-size.html").read_text()

    monkeypatch.setattr(render, "notebook_paths", lambda: [*good, broken])
    second = render.render([DEFAULT_PARAMS], ("html",), 2, out)
    assert not second.ok
    errors = [o for outs in second.outcomes.values() for o in outs if not o.ok]
    assert errors[0].notebook == "50-broken" and "deliberate failure" in errors[0].error
    assert (out / "healthcare-cmo" / "01-market-size.html").read_text() == before
    saved = nbformat.read(out / "healthcare-cmo.failed" / "notebooks" / "50-broken.ipynb", as_version=4)
    assert any(o.output_type == "error" for c in saved.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert (out / "healthcare-cmo.failed" / "notebooks" / "01-market-size.ipynb").exists(), "the others still ran"


def test_problems_in_several_files_are_all_reported(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(DEFAULT_PARAMS.read_text().replace("unit: million", "unit: millions"))
    second.write_text(DEFAULT_PARAMS.read_text().replace("slug: healthcare-cmo", "slug: Bad Slug"))
    with pytest.raises(ParamsError) as info:
        render.plan([first, second])
    lines = str(info.value).splitlines()
    assert lines[0].startswith(f"{first}: market.unit: Input should be")
    assert lines[1].startswith(f"{second}: market.slug: String should match pattern")


def test_manifests_and_the_collection_index_cover_every_market_and_scenario(rendered):
    out, _ = rendered
    index = (out / "index.html").read_text()
    for params in market_params_files():
        data = json.loads((out / params.stem / "manifest.json").read_text())
        assert data["inputs"][params.name] == units.inputs(params, params.stem)[params.name]
        assert data["versions"]["typst"] and data["figures"]["name"] in index.replace("&amp;", "&")
        assert {u["unit"] for u in data["units"]} == {*(nb.stem for nb in notebook_paths()), "export"}
        assert all(u["ok"] and not u["hit"] for u in data["units"]), "a cold render misses every unit"
        assert set(data["files"]) >= {"report.pdf", "index.html", "notebooks/01-market-size.ipynb"}
    for name in ("conservative", "optimistic"):
        data = json.loads((out / "healthcare-cmo" / "scenarios" / name / "manifest.json").read_text())
        assert data["scenario"] == name and f'href="healthcare-cmo/scenarios/{name}/report.pdf"' in index
    assert index.count("<tr>") == 1 + len(market_params_files()) + 2
    assert 'verdict-fail">contradictions' in index and 'verdict-pass">consistent' in index


def test_every_report_shows_its_input_hash_and_version(rendered):
    out, _ = rendered
    data = json.loads((out / "healthcare-cmo" / "manifest.json").read_text())
    short = data["input_hash"][:12]
    reader = PdfReader(out / "healthcare-cmo" / "report.pdf")
    last = re.sub(r"\s+", " ", reader.pages[-1].extract_text())
    assert f"cmo-reports {data['cmo_reports']} from inputs {short}" in last
    footer = (out / "healthcare-cmo" / "02-growth.html").read_text()
    assert re.search(rf'<footer class="cmo-footer">.*inputs {short}.*</footer>', footer, re.S)


def _units(out: Path, subdir: str) -> dict[str, bool]:
    return {u["unit"]: u["hit"] for u in json.loads((out / subdir / "manifest.json").read_text())["units"]}


def test_only_what_changed_is_rendered_again(tmp_path, monkeypatch):
    params = tmp_path / "params"
    shutil.copytree(PARAMS, params)
    out = tmp_path / "out"
    run = [*CLI, "render", "healthcare-cmo", "eu-heat-pumps", "--params-dir", str(params), "--to", "html",
           "--out", str(out), "--jobs", "2"]
    first = subprocess.run(run, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    manifests = {slug: (out / slug / "manifest.json").read_bytes() for slug in ("healthcare-cmo", "eu-heat-pumps")}

    again = subprocess.run(run, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert "up to date healthcare-cmo" in again.stdout and "up to date eu-heat-pumps" in again.stdout
    assert "[1/" not in again.stdout, "nothing ran"
    assert {s: (out / s / "manifest.json").read_bytes() for s in manifests} == manifests

    heat = params / "eu-heat-pumps.yaml"
    heat.write_text(heat.read_text() + "\n# reviewed by an analyst\n")
    edited = subprocess.run(run, capture_output=True, text=True, timeout=600)
    assert edited.returncode == 0, edited.stderr
    assert "up to date healthcare-cmo" in edited.stdout and "rendered eu-heat-pumps" in edited.stdout
    assert (out / "healthcare-cmo" / "manifest.json").read_bytes() == manifests["healthcare-cmo"]
    assert not any(_units(out, "eu-heat-pumps").values()), "every unit of the edited market ran again"

    monkeypatch.setattr(units, "templates_digest", lambda: "an edited template")
    summary = render.render([heat], ("html",), 1, out)
    assert summary.published.keys() == {"eu-heat-pumps"} and summary.current.keys() == set()
    hits = _units(out, "eu-heat-pumps")
    assert hits.pop("export") is False and all(hits.values()), "a template edit re-exports without re-executing"

    entry = Cache(out / CACHE_DIR)._entry(json.loads(
        (out / "eu-heat-pumps" / "manifest.json").read_text())["keys"]["notebooks"]["02-growth.ipynb"])
    (entry / "02-growth.ipynb").write_text("{}")
    monkeypatch.setattr(units, "templates_digest", lambda: "edited once more")
    render.render([heat], ("html",), 1, out)
    hits = _units(out, "eu-heat-pumps")
    assert hits["02-growth"] is False and hits["01-market-size"] is True, "a corrupted entry is redone"

    monkeypatch.setattr(render, "notebook_paths", lambda: notebook_paths()[:1])
    forced = render.render([heat], ("html",), 1, out, force=True)
    assert forced.published.keys() == {"eu-heat-pumps"}
    assert not any(_units(out, "eu-heat-pumps").values()), "--force redoes every unit"


def test_a_finished_render_leaves_no_worker_or_kernel_running(tmp_path, monkeypatch):
    import psutil

    def running(p: psutil.Process) -> bool:
        try:
            return p.status() != psutil.STATUS_ZOMBIE and "resource_tracker" not in " ".join(p.cmdline())
        except psutil.NoSuchProcess:
            return False

    def ours() -> list[psutil.Process]:  # render makes this process the subreaper: orphaned kernels land here
        return [p for p in psutil.Process().children(recursive=True) if running(p)]

    before = {p.pid for p in ours()}
    monkeypatch.setattr(render, "notebook_paths", lambda: [notebook(tmp_path, "01-one", "x = 1")])
    assert render.render([DEFAULT_PARAMS], ("html",), 2, tmp_path / "out").ok
    left = [p.pid for p in ours() if p.pid not in before]
    assert not left, f"still running after render returned: {left}"


def test_the_export_reads_the_headline_from_the_notebooks_and_never_imports_the_model(rendered, tmp_path):
    out, _ = rendered
    folder = tmp_path / "healthcare-cmo"
    shutil.copytree(out / "healthcare-cmo" / "notebooks", folder / "notebooks")
    code = ("import sys; from pathlib import Path; from cmo_helpers.pipeline import tasks, manifest\n"
            "from cmo_helpers.pipeline.units import Target\n"
            f"t = Target(Path({str(PARAMS / 'healthcare-cmo.yaml')!r}), 'healthcare-cmo', 'base', 'Base')\n"
            f"o = tasks.export_target(t, Path({str(folder)!r}), ('html', 'pdf'), [], manifest.stamp('0' * 40))\n"
            "print(o.ok, sorted(m for m in ('pandas', 'matplotlib', 'cmo_helpers.model.forecast')"
            " if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip() == "True []", proc.stderr
    figures = json.loads((folder / "headline.json").read_text())
    assert figures == json.loads((out / "healthcare-cmo" / "headline.json").read_text())
    assert figures["start_value"] == 504.9 and figures["end_value"] == 1861.2 and figures["audit"] == "fail"
