"""The explorer notebook runs top to bottom with every params file, as an analyst opens it in Lab."""
from __future__ import annotations

import papermill
import pytest

from cmo_helpers.core.paths import NOTEBOOKS, market_params_files

EXPLORER = NOTEBOOKS / "08-explore.ipynb"
WIDGET = "application/vnd.jupyter.widget-view+json"


@pytest.mark.parametrize("market", market_params_files(), ids=lambda p: p.stem)
def test_the_explorer_notebook_shows_its_widgets_for_every_market(market, tmp_path):
    nb = papermill.execute_notebook(str(EXPLORER), str(tmp_path / "out.ipynb"), parameters={"params_file": str(market)},
                                    cwd=str(NOTEBOOKS), progress_bar=False, kernel_name="python3")
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert [o.output_type for o in outputs if o.output_type == "error"] == []
    assert any(WIDGET in o.get("data", {}) for o in outputs), "the explorer is drawn as widgets"
