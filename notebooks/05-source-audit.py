# %% [markdown]
# # Source audit
#
# Published market figures are often copied from one table to the next and drift apart on the way: a growth rate that does not connect the two endpoints, shares that leave part of the market unaccounted for, a regional value that fits a different total. This section recomputes each stated figure from the others and reports where they disagree, so a contradiction is caught here rather than by a reader. *Error* means two figures contradict each other, *Warning* means a figure needs a second look, and *OK* means the check passed.
#
# In a scenario report this section still checks the market file as published: a scenario's changes are our own assumptions, not the source's figures.

# %% tags=["parameters"]
params_file: str = "healthcare-cmo.yaml"  # a file in params/, or any path to a params file
scenario: str = "base"  # or a scenario name from params/scenarios/<slug>/

# %%
import cmo_helpers as cmo

p = cmo.load(params_file, scenario)
source = cmo.load(params_file)  # audit the market file as published: scenario overrides are our own
cmo.narrative.subtitle(p, scenario)

# %%
cmo.audit.verdict(source)

# %% [markdown]
# ## Reconciliation
#
# Each stated figure beside the figure its companions imply. The difference is stated minus implied.

# %%
cmo.audit.reconciliation_table(source)

# %% [markdown]
# ## Every check

# %%
cmo.audit.findings_list(source)
