# %% [markdown]
# # Market size
#
# The market total for every year of the forecast. Years quoted from the source are labelled with their citation; the years in between are computed from the growth path that drives the model (see *Growth*).

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

p = cmo.load(params_file, scenario)
cmo.narrative.subtitle(p, scenario)

# %%
cmo.tables.size_table(p)

# %%
cmo.charts.size_chart(p)
