"""`cmo-report draft`: a params file drafted from a release's text, then validated and audited at once."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..core import atomic
from ..core.errors import ParamsError, ReleaseError
from ..core.escape import clip, terminal
from .arguments import add_out

EXIT_OK, EXIT_AUDIT, EXIT_INVALID = 0, 1, 2


RELEASE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `draft` on the main CLI, which owns the other subcommands."""
    parser = subparsers.add_parser(
        "draft",
        help="draft a params file from a release's text, every figure with its quote",
        description="Read a release (.txt, .md, .html, or - for stdin), write a params file whose every figure is "
        "sourced with the release's own words, then validate and audit it. A folder drafts every release in it, "
        "in one process, into the folder -o names (one NAME.yaml per NAME.txt). Exit 0 when every draft is valid "
        "and audits clean, 1 when one is written but not yet valid or its audit finds an error, 2 on bad input.",
    )
    parser.add_argument("release", metavar="RELEASE",
                        help="release text: .txt, .md, .html file, a folder of them, or - for stdin")
    add_out(parser, "params file to write (default: params/<slug>.yaml); for a folder, the output folder")
    parser.add_argument("--slug", type=_slug, default=None, help="market slug (default: from the market's name)")
    parser.add_argument("--force", action="store_true", help="replace an existing output file")
    parser.set_defaults(func=handler)


def _slug(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,59}", value):
        raise argparse.ArgumentTypeError(f"--slug takes a-z, 0-9 and hyphens (at most 60); got {terminal(value)!r}")
    return value


def handler(args: argparse.Namespace) -> int:
    """Draft, write atomically, validate, audit; the worst outcome is the exit code."""
    from ..core.paths import PARAMS

    folder = Path(args.release)
    if args.release != "-" and folder.is_dir():
        if args.slug:
            print("nothing drafted: --slug names one market; a folder drafts several", file=sys.stderr)
            return EXIT_INVALID
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in RELEASE_SUFFIXES and p.is_file())
        if not files:
            print(f"nothing drafted: no .txt, .md or .html release in {terminal(folder)}", file=sys.stderr)
            return EXIT_INVALID
        out_dir = args.out or PARAMS
        return max(draft_one(str(f), out_dir / f"{f.stem}.yaml", args.force, None) for f in files)
    return draft_one(args.release, args.out, args.force, args.slug)


def draft_one(release: str, output: Path | None, force: bool, slug: str | None) -> int:
    """One release to one params file: the exit code of its outcome."""
    from ..core.paths import PARAMS
    from ..drafting.release import draft_release
    from ..drafting.text import read_release
    from ..model.forecast import compound

    try:
        name, raw = read_release(release)
    except ReleaseError as exc:
        print(f"nothing drafted: {terminal(exc)}", file=sys.stderr)
        return EXIT_INVALID
    _, draft = draft_release(name, raw, slug, compound)
    out = output or PARAMS / f"{draft.params['market']['slug']}.yaml"
    if out.exists() and not force:
        print(f"nothing drafted: {terminal(out)} exists; pass --force to replace it", file=sys.stderr)
        return EXIT_INVALID
    try:
        atomic.write_text(out, draft.yaml_text)
    except OSError as exc:
        print(f"nothing drafted: cannot write {terminal(out)}: {terminal(exc.strerror or exc)}", file=sys.stderr)
        return EXIT_INVALID
    print(f"drafted {terminal(out)} from {terminal(name)}")
    print(summary(draft))
    twin = PARAMS / f"{draft.params['market']['slug']}.yaml"
    if twin.exists() and twin.resolve() != out.resolve():
        print(f"note: {terminal(twin)} has the same slug; rendering this draft writes to the same outputs/ folder "
              "(pass --slug to keep both)")
    return check(out)


def summary(draft) -> str:
    """Facts found by kind, what is missing for a full report, and how much was left unplaced."""
    counts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in draft.counts.items())
    lines = [f"facts placed: {counts}"]
    lines += [f"missing: {terminal(clip(m))}" for m in draft.missing]
    for u in draft.unplaced:
        lines.append(f"unplaced: {terminal(clip(u['quote'], 100))} ({terminal(u['note'])})")
    return "\n".join(lines)


def check(path: Path) -> int:
    """Validate with the project's own loader and audit the draft, as `cmo-report audit` would."""
    from ..inputs.load import read_yaml
    from ..inputs.params import parse_params
    from ..model.audit import errors, run_audit
    from .audit import format_table

    try:
        params = parse_params(read_yaml(path), path)
    except ParamsError as exc:
        print(f"the draft is written but not valid yet; edit it where these lines say:\n{exc}")
        return EXIT_AUDIT
    findings = run_audit(params)
    print(format_table(findings) if findings else "audit: no findings")
    return EXIT_AUDIT if errors(findings) else EXIT_OK
