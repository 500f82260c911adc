# %% [markdown]
# # Scenarios and sensitivity
#
# A forecast is one path among many. This section sets the market file beside the alternative cases we have written for it, then asks which single input moves the end-year market size most. Every figure a scenario changes is our own assumption and is labelled that way; the base case is the market file as it stands.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

m = cmo.load(params_file, scenario)
p = m.shown
cmo.heading.subtitle(m)

# %% [markdown]
# ## Scenarios compared

# %%
cmo.scenario_view.scenario_comparison(m)

# %%
cmo.scenario_charts.fan_chart(m)

# %%
cmo.scenario_view.scenario_notes(m)

# %% [markdown]
# ## Sensitivity
#
# The tornado below is computed for the case this report shows. Each bar moves one input down and up while all others stay put; the longest bars are the inputs most worth checking against further sources.

# %%
cmo.scenario_view.tornado_summary(p)

# %%
cmo.scenario_charts.tornado_chart(p)

# %%
cmo.scenario_view.method_note()

# %%
cmo.scenario_view.tornado_table(p)
