"""`python -m cmo_helpers.cli`: the `cmo-report` command without its script."""
import sys

from .main import main

sys.exit(main())
