# %% [markdown]
# # Sources and assumptions
#
# Where every input figure comes from. Rows marked *Assumed* are the analyst's own estimates, each with the reason it was chosen; they are shaded and labelled wherever they appear in this report.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

p = cmo.load(params_file, scenario)
cmo.narrative.subtitle(p, scenario)

# %%
cmo.narrative.sources_appendix(p)
