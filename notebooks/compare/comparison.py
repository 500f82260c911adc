# %% [markdown]
# # Comparison
#
# Several params files on one market, side by side: editions of one release (what changed since the last one), or several publishers (where each source sits among the others). Every figure comes from the files; what the comparison computes is labelled as ours.

# %% tags=["parameters"]
params_files: list = ["healthcare-cmo-2023-edition.yaml", "healthcare-cmo.yaml"]  # two or more params files
mode: str = "auto"  # auto (editions when one publisher sized one geography), editions, or publishers
rates: list = []  # stated exchange rates: [{"from_": "EUR", "to": "USD", "rate": 1.08, "source": "who, when"}]

# %%
import cmo_helpers as cmo

cmp = cmo.compare.load(params_files, rates, mode)
cmo.compare_view.intro(cmp)

# %%
cmo.compare_view.files_table(cmp)

# %%
cmo.compare_charts.paths_chart(cmp)

# %%
if cmp.editions:
    cmo.compare_editions.what_changed(cmp)
else:
    cmo.compare_publishers.where_sources_sit(cmp)

# %%
cmo.compare_view.rates_table(cmp)

# %% [markdown]
# ## Audit across the files

# %%
cmo.compare_view.crossfile_findings(cmp)

# %% [markdown]
# ## References

# %%
cmo.compare_view.references(cmp)
