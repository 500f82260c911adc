"""Running notebooks and publishing what they make: targets and content keys (units), the cache, executing
a notebook, export to pages, the data pack, the manifest, the collection index, publishing, stopping, and the
executors registry. May use `typeset`, `report`, `model`, `inputs` and `core`; never `cli` or `drafting`.
"""
