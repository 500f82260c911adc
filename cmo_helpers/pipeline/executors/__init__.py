"""Executors run a batch's units: `local` (a process pool) and `dask`, registered by name. A third
party adds one through the `cmo_reports.executors` entry-point group, without editing this package.
"""
