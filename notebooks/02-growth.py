# %% [markdown]
# # Growth
#
# A forecast is often published with both a compound annual growth rate (CAGR) and two endpoint values, and the two do not always agree. This section sets them side by side and says which one drives the series.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

p = cmo.load(params_file, scenario)
cmo.narrative.subtitle(p, scenario)

# %%
cmo.narrative.growth_summary(p)

# %%
cmo.tables.cagr_table(p)

# %%
cmo.charts.growth_chart(p)

# %%
cmo.tables.paths_table(p)
