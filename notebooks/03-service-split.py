# %% [markdown]
# # Segments
#
# How the market divides by segment. Where a segment has its own growth rate its share drifts over time; the shares are rescaled every year so that the segments always add up to the market total.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

p = cmo.load(params_file, scenario)
cmo.narrative.subtitle(p, scenario)

# %%
cmo.narrative.split_summary(p, p.segments)

# %%
cmo.tables.split_table(p, p.segments)

# %%
cmo.charts.share_chart(p, p.segments)

# %% [markdown]
# ## Values by year

# %%
cmo.tables.split_values_table(p, p.segments)

# %%
cmo.charts.stacked_chart(p, p.segments)
