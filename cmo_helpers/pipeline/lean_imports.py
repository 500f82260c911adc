"""nbformat never checks IRIs, yet jsonschema's optional rfc3987_syntax costs 0.66 s CPU per process (measured)."""
from __future__ import annotations

import sys

IRI_GRAMMARS = "rfc3987_syntax"  # compiles ~38 lark grammars when imported
# binds no name in the kernel
KERNEL_LINE = "__import__('cmo_helpers.pipeline.lean_imports').pipeline.lean_imports.skip_iri_grammars()"


def skip_iri_grammars() -> None:
    """Have jsonschema find rfc3987_syntax not installed (it catches the ImportError); no effect once it is loaded."""
    sys.modules.setdefault(IRI_GRAMMARS, None)
