"""`cmo-report compare A.yaml B.yaml [...]`: editions of one release, or several publishers, in one report."""
from __future__ import annotations

import argparse
import sys

from ..core import report_date
from ..core.errors import MixedCurrencies, NothingToRender, OutputError, ParamsError, Stopped
from ..core.escape import clip, terminal
from ..core.paths import OUTPUTS
from ..pipeline.execute import CELL_TIMEOUT
from . import arguments

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `compare` on the main CLI."""
    c = subparsers.add_parser(
        "compare", help="compare two or more params files: editions of one release, or several publishers",
        description="Render one comparison report (HTML, PDF, data pack) of two or more params files. Files of one "
        "publisher on one geography are compared as editions (what changed); others as sources on one market "
        "(spread, median, outliers). Exit 0 when rendered or current, 1 when the notebook failed, 2 on invalid "
        "input, including files in different currencies without --rate.")
    c.add_argument("files", nargs="+", metavar="FILE", help="params files or names in params/ (two or more)")
    arguments.add_out(c, "output root (default: outputs/)", OUTPUTS)
    mode = c.add_mutually_exclusive_group()
    mode.add_argument("--editions", dest="mode", action="store_const", const="editions",
                      help="compare as editions of one release (default: recognised from the files)")
    mode.add_argument("--publishers", dest="mode", action="store_const", const="publishers",
                      help="compare as several sources on one market (default: recognised from the files)")
    c.add_argument("--rate", action="append", default=[], metavar="FROM:TO=VALUE",
                   help="an exchange rate, e.g. EUR:USD=1.08, for files in another currency; needs --rate-source")
    c.add_argument("--rate-source", default="", help="who states the rates, and when (shown beside every conversion)")
    c.add_argument("--to", type=arguments.formats, default=("html", "pdf"), help="formats: html,pdf (default both)")
    c.add_argument("--force", action="store_true", help="render even when the output is current")
    c.add_argument("--date", type=arguments.day, default=None,
                   help="report date YYYY-MM-DD (default: $SOURCE_DATE_EPOCH if set, else today)")
    c.add_argument("--cell-timeout", type=arguments.seconds, default=CELL_TIMEOUT,
                   help=f"seconds one notebook cell may run (default {CELL_TIMEOUT:g})")
    arguments.add_brand(c, "a brand.yml file (default: the _brand.yml beside the compared files when they share "
                           "one; files with different brands give the default look, with a note)")
    c.set_defaults(func=handler, mode="auto")


def handler(args: argparse.Namespace) -> int:
    """Refuse bad input before anything runs; say where the report went, or why nothing did."""
    from ..pipeline.compare import compare

    if len(args.files) < 2:
        print("nothing compared: give two or more params files", file=sys.stderr)
        return EXIT_INVALID
    if args.date is not None:
        report_date.pin(args.date)
    problem = report_date.check()
    try:
        if problem:
            raise NothingToRender(problem)
        done = compare(args.files, args.to, args.out, args.mode, args.rate, args.rate_source, force=args.force,
                       cell_timeout=args.cell_timeout, brand=args.brand)
    except ParamsError as exc:
        print(f"nothing compared: invalid input\n{exc}", file=sys.stderr)
        return EXIT_INVALID
    except (MixedCurrencies, NothingToRender, OutputError) as exc:
        print(terminal(f"nothing compared: {exc}"), file=sys.stderr)
        return EXIT_INVALID
    except Stopped as exc:
        print(f"stopped (signal {exc.signum}): nothing left running, previous outputs kept", file=sys.stderr)
        return exc.exit_code
    for o in done.outcomes:
        if not o.ok:
            print(terminal(clip(f"FAILED {done.slug} {o.notebook}: {o.error}", 600)), file=sys.stderr)
    if not done.ok:
        print(terminal(f"failed {done.slug}: executed notebook with errors in {arguments.shown(done.folder)}"),
              file=sys.stderr)
        return EXIT_FAILED
    print(terminal(f"{'up to date' if done.current else 'rendered'} {done.slug}: {arguments.shown(done.folder)}"))
    return EXIT_OK
