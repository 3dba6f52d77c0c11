"""The public API: every name in ``__all__`` resolves, charts load lazily, version agrees."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import herald_timeline as ht


def test_every_public_name_resolves() -> None:
    for name in ht.__all__:
        assert getattr(ht, name) is not None, name


def test_chart_functions_are_functions_even_after_the_chart_modules_load() -> None:
    import herald_timeline.plotting  # noqa: F401  - loads the chart_* submodules

    for name in ("plot_timeline", "plot_claims", "plot_launch_counts"):
        assert callable(getattr(ht, name)), name


def test_import_does_not_load_matplotlib() -> None:
    code = "import sys, herald_timeline; print('matplotlib.pyplot' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_version_matches_the_installed_metadata() -> None:
    assert version("herald-timeline") == ht.__version__
