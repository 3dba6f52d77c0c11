"""The bad-input corpus (tests/data/bad, expected.csv) and isolation of failures.

Each file in tests/data/bad is one case; expected.csv says whether it reads (``ok``) or
which reason its ``error`` row gives.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from herald_timeline import schema
from herald_timeline.article import load_article
from herald_timeline.corpus import parse_corpus
from herald_timeline.errors import ArticleError
from herald_timeline.jobs import Job, run_job

BAD = Path(__file__).parent / "data" / "bad"


def _expected() -> list[dict[str, str]]:
    with (BAD / "expected.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


CASES = _expected()


def test_every_file_has_an_expected_row() -> None:
    files = {p.name for p in BAD.iterdir() if p.name != "expected.csv"}
    assert files == {row["file"] for row in CASES}


@pytest.mark.parametrize("case", CASES, ids=[row["file"] for row in CASES])
def test_bad_input(case: dict[str, str]) -> None:
    path = BAD / case["file"]
    if case["status"] == "ok":
        article = load_article(path)
        assert "North Korea fired two ballistic missiles" in article.body
        assert "\ufffd" not in article.body and "â€" not in article.body
        return
    with pytest.raises(ArticleError) as info:
        load_article(path)
    message = str(info.value)
    assert case["error_contains"].lower() in message.lower()
    assert "\n" not in message


def test_corpus_of_bad_inputs_gives_one_row_each() -> None:
    paths = [str(BAD / row["file"]) for row in CASES]
    corpus = parse_corpus(paths)
    articles = corpus.articles
    schema.validate(articles, "articles")
    assert articles["source"].tolist() == paths
    for row, (_, got) in zip(CASES, articles.iterrows(), strict=True):
        assert got["status"] == row["status"], row["file"]
        if row["status"] == "error":
            assert row["error_contains"].lower() in got["error"].lower()
            assert pd.isna(got["n_words"])
        else:
            assert pd.isna(got["error"])
    assert articles["article_id"].is_unique
    failed = set(articles.loc[articles["status"] == "error", "article_id"])
    for table in (corpus.events, corpus.claims, corpus.timexes):
        assert not set(table["article_id"]) & failed


def test_run_job_never_raises_on_a_missing_file(tmp_path: Path) -> None:
    name = str(tmp_path / "gone.txt")
    result = run_job(Job(name, name, {}))
    assert result.article["status"] == "error"
    assert "no such file" in result.article["error"]


STORY = (
    "SEOUL -- North Korea fired {n} short-range ballistic missiles into the East Sea on "
    "Friday, the Joint Chiefs of Staff said.\n"
    "It was the country's {n}th launch this year, officials said.\n"
)


@pytest.mark.slow
def test_1000_pages_with_10_broken(tmp_path: Path) -> None:
    """990 ok rows and 10 error rows with reasons; the broken ones leave the rest untouched."""
    broken = sorted(
        p
        for p in BAD.iterdir()
        if p.name.split(".")[0]
        in {
            "empty",
            "whitespace",
            "image",
            "report",
            "archive",
            "nul_bytes",
            "double_encoded",
            "undecodable",
            "bad_after_bom",
            "no_text",
        }
    )
    assert len(broken) == 10
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(990):
        (folder / f"page_{i:04d}.txt").write_text(STORY.format(n=i % 7 + 2), encoding="utf-8")
    for i, path in enumerate(broken):
        shutil.copy(path, folder / f"page_{i * 99 + 50:04d}_broken{path.suffix}")
    corpus = parse_corpus([folder], published="2022-11-18")
    articles = corpus.articles
    assert len(articles) == 1000
    counts = articles["status"].value_counts()
    assert counts["ok"] == 990 and counts["error"] == 10
    errors = articles[articles["status"] == "error"]
    assert errors["source"].str.contains("_broken").all()
    assert errors["error"].str.len().gt(5).all()
    ok = articles[articles["status"] == "ok"]
    assert ok["n_words"].gt(10).all()
    assert corpus.timexes["article_id"].isin(ok["article_id"]).all()
    assert corpus.timexes["article_id"].nunique() == 990

    # Determinism and isolation: the ok rows are the same without the broken files, in any
    # order of inputs.
    for path in folder.glob("*_broken*"):
        path.unlink()
    files = sorted(folder.iterdir())
    again = parse_corpus([str(p) for p in reversed(files)], published="2022-11-18")
    left = ok.set_index("article_id").sort_index()
    right = again.articles.set_index("article_id").sort_index()
    pd.testing.assert_frame_equal(left.drop(columns="source"), right.drop(columns="source"))
    key = ["article_id", "char_start", "char_end"]
    pd.testing.assert_frame_equal(
        corpus.timexes.sort_values(key).reset_index(drop=True),
        again.timexes.sort_values(key).reset_index(drop=True),
    )
