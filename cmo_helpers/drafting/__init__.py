"""`cmo-report draft`: a release's text read into facts (text, source, patterns, lexicon, tables, facts)
and written as a params draft (writer). Uses `inputs` and `core` only, never `report` or `pipeline`.
"""
