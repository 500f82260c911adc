# %% [markdown]
# # Further breakdowns
#
# Any other ways the source divides the market, each shown as the source gives it.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

m = cmo.load(params_file, scenario)
p = m.shown
cmo.heading.subtitle(m)

# %%
cmo.sections.further_breakdowns(p)
