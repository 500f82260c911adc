# %% [markdown]
# # Regions
#
# How the market divides by geography, as far as the source itemises it. A country is shown with the region that contains it; the part of the market the source does not place is shown in grey as not itemised.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

m = cmo.load(params_file, scenario)
p = m.shown
cmo.heading.subtitle(m)

# %%
cmo.sections.regional_split(p)
