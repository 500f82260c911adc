"""A built wheel installed into a fresh venv renders from any folder: notebooks and templates ship inside."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from cmo_helpers.core.paths import CHECKOUT, PARAMS, in_report
from cmo_helpers.pipeline.units import package_version

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A venv holding only the built wheel; the pinned dependencies are borrowed from the test venv."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"  # a clean copy: setuptools' build/ folder in a checkout can hold stale modules
    for folder in ("cmo_helpers", "notebooks", "params"):
        shutil.copytree(CHECKOUT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(CHECKOUT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(source)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = (tmp / "dist").glob("cmo_reports-*.whl")
    env = tmp / "venv"
    venv.create(env, with_pip=False)
    probe = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = Path(subprocess.run([str(env / "bin" / "python"), "-c", probe],
                               check=True, capture_output=True, text=True).stdout.strip())
    # A plain path line: the test venv's own .pth files (its editable install of this checkout) stay inactive.
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(env / "bin" / "python"), "install", "--no-deps", "-q",
                    str(wheel)], check=True, capture_output=True, timeout=300)
    return env / "bin"


def _run(bin_dir: Path, args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    # nbconvert's templates, with the borrowed packages
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    return subprocess.run([str(bin_dir / "cmo-report"), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)


def test_the_wheel_ships_notebooks_and_templates_and_runs_its_own_copy(installed, tmp_path):
    probe = subprocess.run([str(installed / "python"), "-c",
                            "from cmo_helpers.core import paths; print(paths.NOTEBOOKS); print(paths.TEMPLATES)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True)
    notebooks, templates = map(Path, probe.stdout.split())
    assert notebooks.parent == templates.parent and CHECKOUT not in notebooks.parents
    pattern = "[0-9][0-9]-*.ipynb"
    assert len(list(notebooks.glob(pattern))) == len(list((CHECKOUT / "notebooks").glob(pattern)))
    assert (templates / "report.typ").is_file() and (templates / "page.html.j2").is_file()
    assert _run(installed, ["--version"], tmp_path).stdout.strip() == f"cmo-report {package_version()}"


def test_the_installed_command_renders_from_the_current_folder(installed, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(PARAMS, project / "params")
    proc = _run(installed, ["render", "eu-heat-pumps", "--jobs", "2"], project)
    assert proc.returncode == 0, proc.stderr
    report = project / "outputs" / "eu-heat-pumps"
    assert (report / "report.pdf").stat().st_size > 10_000
    pages = {p.stem for p in report.glob("[0-9][0-9]-*.html")}
    sections = {p.stem for p in (CHECKOUT / "notebooks").glob("[0-9][0-9]-*.ipynb") if in_report(p)}
    assert pages == sections - {"05-further-breakdowns"}, \
        "every section with something to say; this market has no third breakdown"
    assert (project / "outputs" / "index.html").is_file()


def test_params_dir_and_out_work_from_anywhere_and_missing_input_is_exit_2(installed, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = _run(installed, ["render"], empty)
    assert missing.returncode == 2 and "file not found" in missing.stderr
    assert not (empty / "outputs").exists()
    shutil.copytree(PARAMS, tmp_path / "p")
    proc = _run(installed, ["validate", "eu-heat-pumps", "--params-dir", str(tmp_path / "p")], empty)
    assert proc.returncode == 0, proc.stderr


def test_init_then_render_with_a_relative_out_and_an_override(installed, tmp_path):
    """The five-minute start from a wheel: init, render to a relative folder, then change one figure with -P."""
    made = _run(installed, ["init", "demo"], tmp_path)
    assert made.returncode == 0, made.stderr
    demo = tmp_path / "demo"
    page = demo / "notebooks" / "01-market-size.ipynb"
    page.write_text(page.read_text().replace("# Market size", "# Market size as edited in the project", 1))
    proc = _run(installed, ["render", "--out", "reports"], demo)
    assert proc.returncode == 0, proc.stderr
    pdf = demo / "reports" / "healthcare-cmo" / "report.pdf"
    assert proc.stdout.splitlines()[-1] == ("PDF: reports/healthcare-cmo/report.pdf; "
                                            "collection index: reports/index.html")
    assert "as edited in the project" in (pdf.parent / "01-market-size.html").read_text(), "the project's notebooks"
    before = _pdf_text(pdf)
    changed = _run(installed, ["render", "-o", "reports", "-P", "size.end.value=2000"], demo)
    assert changed.returncode == 0, changed.stderr
    after = _pdf_text(pdf)
    assert "2,000.0" in after and "2,000.0" not in before
    assert "override on the command line: -P" in " ".join(after.split()), "the inputs table says where it came from"


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)
