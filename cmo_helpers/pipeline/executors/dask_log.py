"""Dask's own messages during a render go to OUT/dask.log, not to the terminal the progress bar draws on."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NAME = "dask.log"
LOGGERS = ("distributed", "dask", "tornado", "bokeh", "py.warnings")  # py.warnings: Python warnings, once captured


@contextmanager
def to_file(path: Path) -> Iterator[None]:
    """Send warnings of Dask's loggers and Python warnings raised meanwhile to path (written only if one comes)."""
    handler = logging.FileHandler(path, mode="w", delay=True, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    handler.setLevel(logging.WARNING)
    loggers = [logging.getLogger(name) for name in LOGGERS]
    saved = [(logger, logger.handlers[:], logger.propagate) for logger in loggers]
    for logger in loggers:
        logger.handlers, logger.propagate = [handler], False
    logging.captureWarnings(True)
    try:
        yield
    finally:
        logging.captureWarnings(False)
        for logger, handlers, propagate in saved:
            logger.handlers, logger.propagate = handlers, propagate
        handler.close()
