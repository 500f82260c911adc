"""Tagged outputs come back in reading order, with their notebook; untagged ones are skipped."""
from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from cmo_helpers.report import notebook_outputs


def test_tagged_outputs_in_reading_order(tmp_path):
    paths = []
    for name, tags in (("01-a", ["x", None, "x"]), ("02-b", [None]), ("03-c", ["x"])):
        cell = new_code_cell("shown()")
        cell.outputs = [new_output("display_data", data={"text/plain": f"{name}-{n}"},
                                   metadata={tag: {"n": n}} if tag else {}) for n, tag in enumerate(tags)]
        paths.append(tmp_path / f"{name}.ipynb")
        nbformat.write(new_notebook(cells=[new_markdown_cell("# T"), cell]), paths[-1])
    found = [(path.stem, output["data"]["text/plain"]) for path, output in notebook_outputs.tagged(paths, "x")]
    assert found == [("01-a", "01-a-0"), ("01-a", "01-a-2"), ("03-c", "03-c-0")]
    assert list(notebook_outputs.tagged(paths, "absent")) == []
