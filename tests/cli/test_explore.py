"""`cmo-report explore`: bad input refused before a server starts; the Voila page shows the market's figures."""
from __future__ import annotations

import shutil
import subprocess
import sys

import devtools
import output_lines
import psutil
import pytest

from cmo_helpers.core.paths import PARAMS

CLI = [sys.executable, "-m", "cmo_helpers.cli", "explore"]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["nowhere.yaml"], "nowhere.yaml"),
        (["healthcare-cmo", "--scenario", "optimistc"], "did you mean 'optimistic'?"),
        (["healthcare-cmo", "--brand", "nowhere.yml"], "nowhere.yml: no such brand file"),
    ],
)
def test_bad_input_is_refused_before_anything_starts(args, said, tmp_path):
    proc = subprocess.run([*CLI, *args, "--params-dir", str(PARAMS)], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and said in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it as root)")
def test_the_page_shows_the_market_figures_and_one_ctrl_c_stops_server_and_kernel(tmp_path):
    shutil.copytree(PARAMS, tmp_path / "params")
    proc = subprocess.Popen([*CLI, "healthcare-cmo", "--port", "0"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, preexec_fn=output_lines.as_background_job)
    try:
        url = output_lines.line(output_lines.lines(proc), r"at (http://\S+?);", 180)[1]
        with devtools.browser(CHROMIUM, tmp_path / "profile", url) as browser:
            text = devtools.page_text(browser, "Growth multiple")
        assert "Explore the market" in text and "Save as scenario" in text
        assert "USD 504.9 million" in text and "implied by the two endpoints" in text, text[:2000]
        assert "USD 1,861.2 million" in text and "(assumed)" not in text, "the market file as it is, nothing assumed"
        assert "import cmo_helpers" not in text, "no code on the page"
        assert psutil.Process(proc.pid).children(recursive=True), "Voila runs below the command"
        output_lines.ctrl_c(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
