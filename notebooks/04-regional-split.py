# %% [markdown]
# # Regions
#
# How the market divides by region, which region leads and which grows fastest. A region's value in the year its figure was published is back-cast on the same growth path, so it can be checked against the source.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

p = cmo.load(params_file, scenario)
cmo.narrative.subtitle(p, scenario)

# %%
cmo.narrative.split_summary(p, p.regions)

# %%
cmo.tables.split_table(p, p.regions)

# %%
cmo.charts.share_chart(p, p.regions)

# %%
cmo.tables.stated_values_table(p, p.regions)

# %% [markdown]
# ## Values by year

# %%
cmo.tables.split_values_table(p, p.regions)

# %%
cmo.charts.stacked_chart(p, p.regions)
