"""What a market file may say, read once: the schema (params), loading YAML and workbooks (load, xlsx),
migration of old files, scenario overlays, font glyph checks, and the session a notebook loads. Uses `core` only.
"""
