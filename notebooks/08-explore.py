# %% [markdown] tags=["not-in-report"]
# # Explore the market
#
# Move the market's size in its first year, its growth rate or a share and watch the key figures, the size chart and the source audit follow. Start from the market file or from one of its scenarios; when a case is worth keeping, give it a name, a title and a reason and save it as a scenario, which `cmo-report render --scenarios` then renders like any other. Every figure you move is labelled as an assumption, never as the source's.
#
# This notebook is for exploring and is not part of the rendered report. Without code: `cmo-report explore params/<market>.yaml`.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # the case the sliders start from: 'base' or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

cmo.explorer.Explorer(params_file, scenario)
