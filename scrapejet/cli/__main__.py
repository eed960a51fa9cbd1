"""``python -m scrapejet.cli``: the ``scrapejet`` command (local workers of
``scrapejet api --workers`` are started this way)."""

import sys

from . import main

sys.exit(main())
