"""`cmo-report init` and `cmo-report schema`: a working project from the installed package, and the params schema."""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from ..core import atomic
from ..core.escape import terminal
from ..core.paths import EXAMPLES, SHIPPED_NOTEBOOKS
from .arguments import add_out, path, shown

EXIT_OK, EXIT_INVALID = 0, 2
SKELETON = Path(__file__).parent / "skeleton"
BRAND = "_brand.yml"  # beside the params files: the brand every market there renders in
SCHEMA = "schema.json"  # beside the params files, so their first line can name it relatively


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register `init` and `schema` on the main CLI, which owns the other subcommands."""
    i = sub.add_parser("init", help="start a project: example params, editable notebooks, a README and a Makefile",
                       description="Create DIR with params/ (the example markets, their scenarios, the key reference "
                                   "and a JSON Schema for editors), notebooks/ (copies a render in DIR uses), "
                                   "a README and a Makefile. DIR must be new or empty.")
    i.add_argument("folder", metavar="DIR", type=path, help="the project folder to create")
    i.set_defaults(func=_init)
    s = sub.add_parser("schema", help="print the params files' JSON Schema (or, with --reference, the key reference)")
    s.add_argument("--reference", action="store_true", help="the key reference in Markdown, as params/README.md has it")
    add_out(s, "write it to this file (default: stdout)")
    s.set_defaults(func=_schema)


def _schema(args: argparse.Namespace) -> int:
    from ..inputs import schema

    text = schema.key_reference() if args.reference else json.dumps(schema.json_schema(), indent=2) + "\n"
    if args.out is None:
        sys.stdout.write(text)
    else:
        atomic.write_text(args.out, text)
        print(terminal(f"wrote {args.out}"), file=sys.stderr)
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        print(terminal(f"nothing created: {folder} exists and is not an empty folder; name a new one"), file=sys.stderr)
        return EXIT_INVALID
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    except OSError as exc:
        print(terminal(f"nothing created: cannot write in {folder.parent}: {exc.strerror or exc}"), file=sys.stderr)
        return EXIT_INVALID
    try:
        _fill(scratch)
        if folder.exists():
            folder.rmdir()
        scratch.rename(folder)  # whole or not at all
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    markets = sorted(p.stem for p in (folder / "params").glob("*.yaml"))
    print(terminal(f"created {shown(folder)}: params/ ({', '.join(markets)}; {BRAND} for your brand), notebooks/, "
                   f"README.md, Makefile"))
    print(terminal(f"next: cd {shown(folder)} && cmo-report render -o reports"))
    return EXIT_OK


def _fill(project: Path) -> None:
    """Copy the example params (each pointing editors at the schema), the notebooks and the skeleton."""
    from ..inputs import schema

    params = project / "params"
    for source in sorted(EXAMPLES.rglob("*")):
        rel = source.relative_to(EXAMPLES)
        if source.is_dir() or source.suffix not in {".yaml", ".md"} and "brands" not in rel.parts:
            continue
        target = params / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        top_level_market = source.suffix == ".yaml" and len(rel.parts) == 1
        if top_level_market:
            target.write_text(f"{schema.header(SCHEMA)}\n{source.read_text(encoding='utf-8')}", encoding="utf-8")
        else:
            shutil.copy2(source, target)
    (params / SCHEMA).write_text(json.dumps(schema.json_schema(), indent=2) + "\n", encoding="utf-8")
    (project / "notebooks" / "compare").mkdir(parents=True)
    for notebook in [*SHIPPED_NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"), *SHIPPED_NOTEBOOKS.glob("compare/*.ipynb")]:
        shutil.copy2(notebook, project / "notebooks" / notebook.relative_to(SHIPPED_NOTEBOOKS))
    for name in ("README.md", "Makefile"):
        shutil.copy2(SKELETON / name, project / name)
    shutil.copy2(SKELETON / BRAND, params / BRAND)  # sets nothing until edited
