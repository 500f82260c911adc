# %% [markdown]
# # Market size
#
# The market's value in every year of the forecast. Years the source states are quoted with its own digits; the other years follow the growth path described in the next section.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

m = cmo.load(params_file, scenario)
p = m.shown
cmo.heading.subtitle(m)

# %%
cmo.size_tables.size_table(p)

# %%
cmo.size_charts.size_chart(p)

# %%
cmo.size_tables.stated_totals_table(p)  # only when the source states further dated totals

# %%
cmo.sections.volume(p)  # only when the source also sizes the market in another unit
