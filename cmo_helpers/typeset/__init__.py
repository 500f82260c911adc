"""Typst, the one typesetting engine: exported sections as escaped Typst markup (markup), the in-process
compiler (engine) and the client's PDF (pdf). Uses `report`'s lower floors and `core`; not the pipeline.
"""
