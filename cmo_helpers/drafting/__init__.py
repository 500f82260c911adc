"""`cmo-report draft`: a release's text read into facts (`facts.extract`) and placed into a params draft
(`writer.build`); `release` does both for one saved release. Uses `inputs` and `core` only, never `report`
or `pipeline`; docs/decisions.md names every module's job.
"""
