"""Time the PDF step: Typst (what render uses) against WeasyPrint on the same sections, as ratios in one run.

Run: .venv/bin/python benchmarks/bench_pdf.py [--repeat 3]
Both write a tagged PDF/UA-1 of the default market's report. The WeasyPrint row lays out the section
pages with the site's stylesheet (no cover or contents), so it is a lower bound for the old route.
CPU seconds of this process: on a shared machine the wall clock mostly measures the neighbours.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PARAMS = ROOT / "params" / "healthcare-cmo.yaml"
TARGET_SECONDS = 0.5  # issue 10: PDF export per report


def sections(out: Path):
    """Execute the notebooks once (HTML only) and read back the sections the PDF is made from."""
    from cmo_helpers.pipeline import export

    subprocess.run([str(BIN / "cmo-report"), "render", str(PARAMS), "--to", "html", "--out", str(out)],
                   check=True, capture_output=True)
    folder = next(p for p in out.iterdir() if p.is_dir() and not p.name.startswith("."))
    return export.client_sections([export.section(nb) for nb in sorted((folder / "notebooks").glob("*.ipynb"))])


def typst_pdf(secs, path: Path) -> None:
    from cmo_helpers.inputs.session import load
    from cmo_helpers.pipeline import export
    from cmo_helpers.typeset import pdf

    p = load(PARAMS).shown
    pdf.write(pdf.document(secs, p, "base", "Base", export.audit_warning(secs)), path)


def weasy_pdf(secs, path: Path) -> None:
    import weasyprint
    from weasyprint.urls import URLFetcher

    from cmo_helpers.pipeline import export

    page = f"<html lang='en'><head><title>r</title><style>{export.css()}</style></head><body>"
    page += "".join(f"<section style='break-before: page'>{s.body}</section>" for s in secs) + "</body></html>"
    weasyprint.HTML(string=page, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf(
        path, pdf_variant="pdf/ua-1")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    engines = {"Typst (cmo-report), PDF/UA-1": typst_pdf, "WeasyPrint, sections only, PDF/UA-1": weasy_pdf}
    with tempfile.TemporaryDirectory() as tmp:
        secs = sections(Path(tmp))
        rows: dict[str, list[float]] = {name: [] for name in engines}
        for n in range(args.repeat):  # interleaved, so load changes hit every engine alike
            for name, run in engines.items():
                start = time.process_time()
                run(secs, Path(tmp, f"{n}-{len(rows[name])}.pdf"))
                rows[name].append(time.process_time() - start)
    best = {name: min(times) for name, times in rows.items()}
    base = best["WeasyPrint, sections only, PDF/UA-1"]
    print(f"{'engine':<38} {'best CPU s':>10} {'vs WeasyPrint':>14}")
    for name, seconds in best.items():
        print(f"{name:<38} {seconds:10.3f} {seconds / base:13.2f}x")
    ours = best["Typst (cmo-report), PDF/UA-1"]
    print(f"target: PDF export <= {TARGET_SECONDS} s: {'met' if ours <= TARGET_SECONDS else 'MISSED'} ({ours:.3f} s)")


if __name__ == "__main__":
    main()
