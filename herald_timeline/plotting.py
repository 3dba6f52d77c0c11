"""Charts of events and claims: the public plotting API.

Shaped like seaborn: data first, options keyword-only, ``ax=None`` draws on ``plt.gca()``,
the Axes is returned (untouched when there is nothing to draw), and nothing calls
``show()``/``savefig()`` or changes global style. Dates are placed and formatted in the
articles' zone (``tz``, default ``Asia/Seoul``), so no day is shifted.

- :func:`plot_timeline` (module ``plot_timeline``): events on one date axis, a lane per type.
- :func:`plot_claims` (module ``plot_claims``): reported counts with their bounds.
- :func:`plot_launch_counts` (module ``plot_claims``): launches per week/month/year.
"""

from __future__ import annotations

from herald_timeline.chart_claims import BOUND_MARKERS, plot_claims, plot_launch_counts
from herald_timeline.chart_common import DEFAULT_TZ, SERIES_COLORS, TYPE_COLORS
from herald_timeline.chart_timeline import plot_timeline

__all__ = [
    "BOUND_MARKERS",
    "DEFAULT_TZ",
    "SERIES_COLORS",
    "TYPE_COLORS",
    "plot_claims",
    "plot_launch_counts",
    "plot_timeline",
]
