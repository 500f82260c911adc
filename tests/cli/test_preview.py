"""`cmo-report preview`: pages served with a reload hook, rendered again on a save, stopped by one Ctrl-C."""
from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.request

import output_lines
import pytest

from cmo_helpers.cli.preview import RELOAD, VERSION
from cmo_helpers.core.paths import PARAMS

pytestmark = pytest.mark.slow


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def test_a_save_renders_again_and_the_served_page_reloads(tmp_path):
    shutil.copytree(PARAMS, tmp_path / "params")
    market = tmp_path / "params" / "eu-heat-pumps.yaml"
    proc = subprocess.Popen([sys.executable, "-m", "cmo_helpers.cli", "preview", "eu-heat-pumps", "--port", "0",
                             "-o", "site"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            preexec_fn=output_lines.as_background_job)
    lines = output_lines.lines(proc)
    try:
        url = output_lines.line(lines, r"serving (http://\S+)", 300)[1]
        root = url.rsplit("/", 2)[0]
        assert _get(root + VERSION) == "1" and "European Residential Heat Pump" in _get(url)
        # at once: the watcher is live before the first render ends, so even the first save is never missed
        market.write_text(market.read_text().replace("European Residential Heat Pump", "Previewed Heat Pump"))
        output_lines.line(lines, r"rendered in", 300)
        page = _get(url)
        assert _get(root + VERSION) == "2" and "Previewed Heat Pump" in page and RELOAD.decode() in page
        assert "<script" not in (tmp_path / "site" / "eu-heat-pumps" / "index.html").read_text(), "files stay clean"
        assert "#0b6e4f" not in page
        (tmp_path / "params" / "_brand.yml").write_text('color:\n  primary: "#0b6e4f"\n')
        output_lines.line(lines, r"rendered in", 300)
        assert _get(root + VERSION) == "3" and "#0b6e4f" in _get(url), "a saved brand file renders again in it"
        output_lines.ctrl_c(proc, 20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_bad_override_or_brand_is_refused_before_anything_is_served(tmp_path):
    bad_brand = tmp_path / "brand.yml"
    bad_brand.write_text("color:\n  primary: 12\n")
    for extra, said in ((["-P", "size.nonsense=3"], "size.nonsense"), (["--brand", str(bad_brand)], "brand.yml")):
        proc = subprocess.run([sys.executable, "-m", "cmo_helpers.cli", "preview", "eu-heat-pumps", "--port", "0",
                               "-o", "site", "--params-dir", str(PARAMS), *extra], cwd=tmp_path, capture_output=True,
                              text=True, timeout=120)
        assert proc.returncode == 2 and said in proc.stderr and "serving" not in proc.stdout, proc.stderr
        assert not (tmp_path / "site" / "eu-heat-pumps").exists()
