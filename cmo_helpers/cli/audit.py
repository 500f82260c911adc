"""`cmo-report audit`: check params files from a shell or CI job before any notebook runs."""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import textwrap
from typing import TYPE_CHECKING

from ..core.errors import ParamsError
from ..core.escape import terminal

if TYPE_CHECKING:
    from ..model.audit_finding import Finding

EXIT_CLEAN, EXIT_ERRORS, EXIT_INVALID = 0, 1, 2
MESSAGE_WIDTH = 88


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `audit` on the main CLI, which owns the other subcommands."""
    parser = subparsers.add_parser(
        "audit",
        help="check a source's figures against each other",
        description="Check each params file's figures against each other. Exit 0 when no rule finds an error, "
        "1 when one does, 2 when a file is not valid params.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="params file (path, file name in params/, or slug)")
    parser.add_argument("--format", choices=["table", "json"], default="table", help="output format (default: table)")
    parser.set_defaults(func=handler)


def format_table(findings: list[Finding]) -> str:
    """Findings as fixed-width text, the message wrapped so a terminal stays readable."""
    rows = [f"{'SEVERITY':<9}{'RULE':<14}MESSAGE"]
    indent = " " * 23
    for f in findings:
        body = textwrap.fill(f.message, MESSAGE_WIDTH, initial_indent=indent, subsequent_indent=indent)
        rows.append(f"{f.severity:<9}{f.rule:<14}{body[len(indent):]}")
    return "\n".join(rows)


def handler(args: argparse.Namespace) -> int:
    """Audit every file, even after a bad one, and return the worst outcome as the exit code."""
    from ..inputs.load import load_params
    from ..model.audit import errors, run_audit

    status, report = EXIT_CLEAN, []
    for name in args.files:
        try:
            findings = run_audit(load_params(name))
        except ParamsError as exc:
            print(exc, file=sys.stderr)
            status = EXIT_INVALID
            continue
        if errors(findings) and status == EXIT_CLEAN:
            status = EXIT_ERRORS
        report.append({"file": name, "findings": [dataclasses.asdict(f) for f in findings]})
        if args.format == "table":
            print(terminal(f"{name}\n{format_table(findings)}\n"))  # item names may hold control characters
    if args.format == "json":
        print(json.dumps(report, indent=2, ensure_ascii=False))
    return status


def run(argv: list[str]) -> int:
    """Parse `audit FILE... [--format ...]` and run it, as the main CLI would, without needing it wired in."""
    parser = argparse.ArgumentParser(prog="cmo-report")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)
