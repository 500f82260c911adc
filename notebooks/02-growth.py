# %% [markdown]
# # Growth
#
# A source may state a growth rate that its own start and end values do not support. This section sets the stated rate beside the rate the endpoints imply, says which one drives the series, and shows how far the other path would lead.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

m = cmo.load(params_file, scenario)
p = m.shown
cmo.heading.subtitle(m)

# %%
cmo.size_text.growth_summary(p)

# %%
cmo.size_tables.cagr_table(p)

# %%
cmo.size_charts.growth_chart(p)

# %% [markdown]
# ## Year by year

# %%
cmo.size_tables.paths_table(p)
