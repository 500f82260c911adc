# %% [markdown]
# # Segments
#
# How the market divides by service, product or segment, as far as the source itemises it. Figures the source gives keep its digits and citation; whatever it does not itemise is shown in grey as not itemised, never named or ranked.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

m = cmo.load(params_file, scenario)
p = m.shown
cmo.heading.subtitle(m)

# %%
cmo.sections.service_split(p)
