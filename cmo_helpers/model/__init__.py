"""Numbers and rules, no layout: the compounding formula and totals (forecast), breakdown items, provenance,
the source audit, scenarios' sensitivity and the headline figures. Uses `inputs` and `core`.
"""
