"""The `cmo-report` command, one module per command family. The top floor: may use everything below.
"""
