"""Time the PDF step untagged, tagged (pdf_tags) and as PDF/UA-1, on the default market's combined report.

Run: .venv/bin/python benchmarks/bench_pdf.py [--repeat 3]
The machine is shared and noisy, so read the ratios between rows of one run, not the seconds.
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
# Target, as a ratio within one run: accessibility may cost at most this much over the untagged PDF.
TARGET_RATIO = 1.6
VARIANTS = {"untagged": {}, "pdf_tags=True": {"pdf_tags": True}, 'pdf_variant="pdf/ua-1"': {"pdf_variant": "pdf/ua-1"}}


def combined_report(out: Path) -> str:
    """Execute the notebooks once (HTML only) and assemble the print document the PDF is laid out from."""
    from cmo_helpers import export
    from cmo_helpers.session import load

    subprocess.run([str(BIN / "cmo-report"), "render", str(PARAMS), "--to", "html", "--out", str(out)],
                   check=True, capture_output=True)
    folder = next(p for p in out.iterdir() if p.is_dir() and not p.name.startswith("."))
    sections = [export.section(nb) for nb in sorted((folder / "notebooks").glob("*.ipynb"))]
    return export.report_html(sections, load(PARAMS, "base"), "base")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    import weasyprint
    from weasyprint.urls import URLFetcher

    with tempfile.TemporaryDirectory() as tmp:
        document = combined_report(Path(tmp))
        rows: dict[str, list[float]] = {name: [] for name in VARIANTS}
        sizes: dict[str, int] = {}
        for _ in range(args.repeat):  # interleaved, so load changes hit every variant alike
            for name, options in VARIANTS.items():
                pdf = Path(tmp, "r.pdf")
                start = time.perf_counter()
                html = weasyprint.HTML(string=document, url_fetcher=URLFetcher(allowed_protocols={"data"}))
                html.write_pdf(pdf, **options)
                rows[name].append(time.perf_counter() - start)
                sizes[name] = pdf.stat().st_size
    base = min(rows["untagged"])
    print(f"{'variant':<26} {'best s':>8} {'vs untagged':>12} {'size KB':>9}")
    for name, times in rows.items():
        print(f"{name:<26} {min(times):8.2f} {min(times) / base:11.2f}x {sizes[name] / 1024:9.0f}")
    ratio = min(rows['pdf_variant="pdf/ua-1"']) / base
    verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
    print(f"target: PDF/UA-1 at most {TARGET_RATIO:.1f}x untagged: {verdict} ({ratio:.2f}x)")


if __name__ == "__main__":
    main()
