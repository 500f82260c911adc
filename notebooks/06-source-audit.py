# %% [markdown]
# # Source audit
#
# Published market figures are often copied from one table to the next and drift apart on the way: a growth rate that does not connect the two endpoints, items that add up to more than the market, a regional value that fits a different total, a claim its own figures deny. This section recomputes each stated figure from the others and reports where they disagree, so a contradiction is caught here rather than by a reader. *Error* means two stated figures contradict each other, *Warning* means a figure needs a second look, and *OK* means the check passed.
#
# In a scenario report this section still checks the market file as published: a scenario's changes are our own assumptions, not the source's figures.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

m = cmo.load(params_file, scenario)
p = m.shown
cmo.heading.subtitle(m)

# %%
cmo.audit_view.verdict(m.published)

# %% [markdown]
# ## Reconciliation
#
# Each stated figure beside the figure its companions imply. The difference is stated minus implied.

# %%
cmo.audit_view.reconciliation_table(m.published)

# %% [markdown]
# ## Every check

# %%
cmo.audit_view.findings_list(m.published)
