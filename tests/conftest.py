"""Shared fixtures: the bundled seed page, its publication time, and ../shared when present."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "koreaherald_2022-11-18_counter-missile-working-group.txt"
SHARED = ROOT.parent / "shared"
PUBLISHED = datetime(2022, 11, 18, 17, 58, tzinfo=ZoneInfo("Asia/Seoul"))


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def published() -> datetime:
    return PUBLISHED


@pytest.fixture
def shared() -> Path:
    """The read-only ../shared folder; tests that need it skip where it does not exist."""
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture(autouse=True)
def close_figs() -> object:
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
