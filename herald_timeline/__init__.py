"""herald_timeline: dated events and numeric claims from defense news, as pandas tables."""

from __future__ import annotations

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["__version__"]
