"""import-linter contract types the built-in ones lack: no private names across modules, no hidden imports.

Loaded by `lint-imports` through `contract_types` in pyproject.toml (it runs from the repository root).
"""
from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterator
from pathlib import Path

from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


def _source(module: str) -> tuple[Path, ast.Module] | None:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return None
    path = Path(spec.origin)
    return path, ast.parse(path.read_text(encoding="utf-8"))


def _absolute(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The module an ImportFrom names, resolved against the importing module."""
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _calls(tree: ast.Module, names: set[str]) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in names:
                yield node


class PrivateNamesContract(Contract):
    """A module never imports another module's private (underscored) names, however it spells the import."""

    type_name = "private_names"

    def check(self, graph, verbose: bool) -> ContractCheck:
        broken = []
        for module in sorted(graph.modules):
            found = _source(module)
            if found is None:
                continue
            path, tree = found
            for node in ast.walk(tree):
                if not isinstance(node, ast.ImportFrom):
                    continue
                target = _absolute(module, path.name == "__init__.py", node)
                if target == module or not target.split(".")[0] == module.split(".")[0]:
                    continue
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        broken.append(f"{module}:{node.lineno} imports {target}.{alias.name}")
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for line in check.metadata["broken"]:
            output.print_error(line, bold=False)


class NoHiddenImportsContract(Contract):
    """import_module and __import__ hide imports from the layer checks: only the listed modules may use them."""

    type_name = "no_hidden_imports"
    allowed = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph, verbose: bool) -> ContractCheck:
        allowed = set(self.allowed or [])  # type: ignore[arg-type]
        broken = []
        for module in sorted(graph.modules - allowed):
            found = _source(module)
            if found is None:
                continue
            for call in _calls(found[1], {"import_module", "__import__"}):
                broken.append(f"{module}:{call.lineno} imports by name at run time")
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for line in check.metadata["broken"]:
            output.print_error(line, bold=False)
