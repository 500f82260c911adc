# %% [markdown]
# # Sources and assumptions
#
# Where every input figure comes from: the source's own words for each sourced figure, and the reason for each figure we assumed. Assumed rows are shaded and labelled wherever they appear in this report.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

m = cmo.load(params_file, scenario)
p = m.shown
cmo.heading.subtitle(m)

# %% [markdown]
# ## References

# %%
cmo.sources_view.references(p)

# %% [markdown]
# ## Inputs and their basis

# %%
cmo.sources_view.inputs_table(p)

# %%
cmo.also_says.section(p)
