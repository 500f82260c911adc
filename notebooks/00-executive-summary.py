# %% [markdown]
# # Executive summary
#
# The headline figures of the market, what the model makes of them, and the forces behind the numbers. Each figure carries a citation number (see *Sources and assumptions*) or the word *assumed* when we filled it in ourselves.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

p = cmo.load(params_file, scenario)
cmo.narrative.subtitle(p, scenario)

# %%
cmo.audit.warning_box(cmo.load(params_file), p)  # audits the source; describes the series shown

# %%
cmo.narrative.headline_box(p)

# %% [markdown]
# ## Key takeaways

# %%
cmo.narrative.takeaways(p)

# %% [markdown]
# ## What drives demand

# %%
cmo.narrative.bullets(p.drivers)

# %% [markdown]
# ## Trends to watch

# %%
cmo.narrative.bullets(p.trends)
