# %% [markdown]
# # Executive summary
#
# The headline figures of the market, what the model makes of them, and the forces behind the numbers. Each figure carries a citation number (see *Sources and assumptions*) or the word *assumed* when we filled it in ourselves. Where the source calls an item the largest or the fastest-growing, the report says so as the source's claim.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

m = cmo.load(params_file, scenario)
p = m.shown
cmo.heading.subtitle(m)

# %%
cmo.audit_view.warning_box(m)  # judges the market file as published; describes the series shown

# %%
cmo.summary_view.headline_box(m)

# %% [markdown]
# ## Key takeaways

# %%
cmo.summary_view.takeaways(p)

# %%
cmo.summary_view.points("What drives demand", p.drivers)

# %%
cmo.summary_view.points("Trends to watch", p.trends)
