"""The `cmo-report` command: validate, audit and render market reports."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core import atomic, report_date
from ..core.errors import ClusterError, NothingToRender, OutputError, ParamsError, Stopped
from ..core.escape import clip, terminal
from ..core.paths import DEFAULT_NAME, OUTPUTS, PARAMS
from ..pipeline.execute import CELL_TIMEOUT
from ..pipeline.units import package_version
from . import arguments
from .arguments import add_out, path, shown

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2
# One line per command for `cmo-report --help`, in the order a new user meets them.
EXAMPLES = (
    "cmo-report init demo && cd demo && cmo-report render -o reports",
    "cmo-report draft release.txt -o params/kelp.yaml",
    "cmo-report validate params/*.yaml",
    "cmo-report audit kelp",
    "cmo-report render kelp -o reports --scenarios all -P size.end.value=2000",
    "cmo-report compare params/kelp-2024.yaml params/kelp.yaml -o reports",
    "cmo-report params to-xlsx kelp -o kelp.xlsx",
    "cmo-report migrate old.yaml -o params/old.yaml",
    "cmo-report schema -o params/schema.json",
    "cmo-report preview kelp --open",
    "cmo-report explore kelp --open",
)


def _validate(args: argparse.Namespace) -> int:
    from ..core import source_files
    from ..core.paths import resolve_params
    from ..inputs import glyphs
    from ..inputs.load import claim_slug
    from ..inputs.migrate import is_old
    from ..inputs.session import load

    status = EXIT_OK
    slugs: dict[str, Path] = {}
    for name in args.files:
        path = resolve_params(name, args.params_dir)
        try:
            with source_files.one_read_each():
                m = load(path)  # each file read and validated once; a workbook names its sheet and cell
                p, old, count = m.published, path.suffix.lower() != ".xlsx" and is_old(m.raw), len(m.overlays)
                claim_slug(slugs, p.market.slug, path)
        except ParamsError as exc:
            print(exc, file=sys.stderr)
            status = EXIT_INVALID
        else:
            note = f"; old-style file converted in memory: `cmo-report migrate {name}` updates it" if old else ""
            print(terminal(f"ok: {name} ({p.market.name}, {count} scenarios{note})"))
            for line in glyphs.warnings(path, m.raw):
                print(f"warning: {terminal(line)}", file=sys.stderr)
    return status


def _migrate(args: argparse.Namespace) -> int:
    from ..core.paths import resolve_params
    from ..inputs.load import read_yaml
    from ..inputs.migrate import is_old, migrate, to_yaml
    from ..inputs.params import parse_params

    path = resolve_params(args.file)
    try:
        raw = read_yaml(path)
        if not is_old(raw):
            parse_params(raw, path)
            print(terminal(f"{path}: already in the current schema; nothing to convert"), file=sys.stderr)
            return EXIT_OK
        new = migrate(raw)
        parse_params(new, path)
    except ParamsError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    text = "# Converted by `cmo-report migrate` from the first params schema; keys: params/README.md.\n" + to_yaml(new)
    if args.out is None:
        sys.stdout.write(text)
    else:
        atomic.write_text(args.out, text)
    where = args.out or "stdout"
    print(terminal(f"{path}: old-style file converted to the breakdowns schema -> {where}"), file=sys.stderr)
    return EXIT_OK


def _render(args: argparse.Namespace) -> int:
    from ..pipeline.render import render

    params = args.params or [(args.params_dir or PARAMS) / DEFAULT_NAME]
    if args.date is not None:
        report_date.pin(args.date)
    problem = report_date.check()
    if problem:
        print(f"nothing rendered: {problem}", file=sys.stderr)
        return EXIT_INVALID
    try:
        summary = render(params, args.to, args.jobs, args.out, args.scenarios, force=args.force,
                         cache_dir=args.cache_dir, params_dir=args.params_dir, executor=args.executor,
                         scheduler=args.scheduler, cell_timeout=args.cell_timeout, overrides=tuple(args.overrides),
                         brand=args.brand)
    except ParamsError as exc:
        print(f"nothing rendered: invalid input\n{exc}", file=sys.stderr)
        return EXIT_INVALID
    except (NothingToRender, ClusterError, OutputError) as exc:
        print(f"nothing rendered: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except Stopped as exc:
        print(f"stopped (signal {exc.signum}): nothing left running, previous outputs kept", file=sys.stderr)
        return exc.exit_code
    for target, outcomes in summary.outcomes.items():
        for o in outcomes:
            if not o.ok:
                print(terminal(clip(f"FAILED {target.label} {o.notebook}: {o.error}", 600)), file=sys.stderr)
    for slug, folder in summary.current.items():
        print(terminal(f"up to date {slug}: {shown(folder)}"))
    for slug, folder in summary.published.items():
        print(terminal(f"rendered {slug}: {shown(folder)}"))
    for slug, folder in summary.failed.items():
        print(terminal(f"failed {slug}: executed notebooks with errors in {shown(folder)}; previous outputs kept"),
              file=sys.stderr)
    done = [*summary.current.values(), *summary.published.values()]
    if done:
        print(terminal(_where(done, args.to, args.out)))
    return EXIT_OK if summary.ok else EXIT_FAILED


def _where(folders: list[Path], formats: tuple[str, ...], out: Path) -> str:
    """The render's last line: what to open, each report's PDF (or contents page) and the collection index."""
    from ..pipeline import collection

    name, kind = ("report.pdf", "PDF") if "pdf" in formats else ("index.html", "HTML")
    reports = [r / name for folder in folders for r in (folder, *sorted((folder / "scenarios").glob("*")))
               if (r / name).is_file()]
    return f"{kind}: {', '.join(map(shown, reports))}; collection index: {shown(out / collection.NAME)}"


def parser() -> argparse.ArgumentParser:
    """Subcommands share exit codes: 0 ok, 1 a report or check failed, 2 invalid input."""
    from . import audit as audit_cli
    from . import compare as compare_cli
    from . import draft as draft_cli
    from . import explore, preview, project
    from . import params as params_cli

    examples = "\n".join(f"  {line}" for line in EXAMPLES)
    ap = argparse.ArgumentParser(prog="cmo-report", formatter_class=argparse.RawDescriptionHelpFormatter,
                                 description="Parameterised market reports: draft, validate, audit, render.",
                                 epilog=f"examples:\n{examples}\n\nPaths may be relative to the current folder.")
    ap.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    sub = ap.add_subparsers(dest="command", required=True)

    v = sub.add_parser("validate", help="check params files (and their scenario overlays); exit 2 when invalid")
    v.add_argument("files", nargs="+", help="params files or names in params/")
    v.add_argument("--params-dir", type=path, default=None, help="where bare names are looked up (default: ./params)")
    v.set_defaults(func=_validate)

    project.add_parser(sub)
    audit_cli.add_parser(sub)
    compare_cli.add_parser(sub)
    draft_cli.add_parser(sub)
    params_cli.add_parser(sub)
    preview.add_parser(sub)
    explore.add_parser(sub)

    mg = sub.add_parser("migrate", help="convert an old-style params file (segments/regions) to the breakdowns schema")
    mg.add_argument("file", help="params file or name in params/")
    add_out(mg, "where to write the converted file (default: stdout)")
    mg.set_defaults(func=_migrate)

    r = sub.add_parser("render", help="execute every notebook per params file and export HTML and PDF")
    r.add_argument("params", nargs="*", help=f"params files or names in params/ (default: {DEFAULT_NAME})")
    r.add_argument("--to", type=arguments.formats, default=("html", "pdf"),
                   help="formats: html,pdf,pptx (default html,pdf)")
    r.add_argument("--jobs", type=arguments.jobs, default=None,
                   help="worker processes (default: one per report to build, up to the number of cores)")
    add_out(r, "output root (default: outputs/)", OUTPUTS)
    r.add_argument("--scenarios", default="none", help="none (default), all, or a comma list of scenario names")
    r.add_argument("--params-dir", type=path, default=None, help="where bare names are looked up (default: ./params)")
    r.add_argument("--force", action="store_true", help="re-render every unit even when its cached result is current")
    r.add_argument("--executor", type=arguments.executor, default="local",
                   help="local process pool (default), dask (a Dask cluster, one task per market and scenario), "
                        "or an executor a plugin registers")
    r.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="Dask scheduler address, e.g. tcp://host:8786 (default: a local cluster of --jobs workers)")
    r.add_argument("--cache-dir", type=path, default=None,
                   help="where rendered units are cached (default: OUT/.cache)")
    r.add_argument("--date", type=arguments.day, default=None,
                   help="report date YYYY-MM-DD (default: $SOURCE_DATE_EPOCH if set, else today)")
    r.add_argument("--cell-timeout", type=arguments.seconds, default=CELL_TIMEOUT,
                   help=f"seconds one notebook cell may run before it counts as failed (default {CELL_TIMEOUT:g})")
    arguments.add_overrides(r)
    arguments.add_brand(r, "a brand.yml file for every market (default: a _brand.yml beside each params file, if any)")
    r.set_defaults(func=_render)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
