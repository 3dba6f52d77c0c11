"""herald_timeline.dask on a small LocalCluster: the same rows as the local path."""

from __future__ import annotations

import glob
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

import dask.bag as db  # noqa: E402

import herald_timeline as ht  # noqa: E402
from herald_timeline import schema  # noqa: E402
from herald_timeline.dask import DaskCorpus, parse_paths, parse_texts  # noqa: E402

TABLES = ("articles", "events", "claims", "timexes")
PUBLISHED = "2022-11-18T17:58+09:00"
TEXTS = {
    "a.txt": "North Korea fired two ballistic missiles on Friday, the military said.\n",
    "b.txt": "South Korea and the US held the 54th Security Consultative Meeting on Nov. 3.\n",
    "c.txt": "North Korea has fired more than 60 ballistic missiles this year.\n",
    "d.txt": "",  # an error row, in its place
    "e.txt": "The allies staged a joint air drill in August, the ministry said on Monday.\n",
}


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    # A scheduler on loopback TCP, reached by its address as a real cluster would be.
    with (
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=2,
            processes=False,
            protocol="tcp",
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster.scheduler_address) as connected,
    ):
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        yield connected


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    paths = []
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    return paths


@pytest.fixture
def local(files: list[str]) -> ht.Corpus:
    return ht.parse_corpus(files, workers=1, published=PUBLISHED)


def _assert_same(got: ht.Corpus, expected: ht.Corpus) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(got, name), getattr(expected, name), obj=name)


def test_paths_give_the_local_rows(client: object, files: list[str], local: ht.Corpus) -> None:
    corpus = parse_paths(files, published=PUBLISHED, partition_size=2)
    assert isinstance(corpus, DaskCorpus)
    assert corpus.events.npartitions == 3
    for name in TABLES:  # meta is the schema module's, before anything runs
        pd.testing.assert_series_equal(
            getattr(corpus, name).dtypes, schema.empty(name).dtypes, obj=name
        )
    got = corpus.compute()
    _assert_same(got, local)
    assert got.articles["status"].tolist().count("error") == 1
    for name in TABLES:
        schema.validate(getattr(got, name), name)


def test_bag_of_named_texts_gives_the_local_rows(
    client: object, files: list[str], local: ht.Corpus
) -> None:
    pairs = [(path, Path(path).read_bytes()) for path in files]
    bag = db.from_sequence(pairs, partition_size=2)
    _assert_same(parse_texts(bag, published=PUBLISHED).compute(), local)


def test_bare_texts_are_named_text(client: object) -> None:
    bag = db.from_sequence([TEXTS["a.txt"], TEXTS["c.txt"]], npartitions=2)
    got = parse_texts(bag, published=PUBLISHED).compute()
    assert got.articles["source"].tolist() == ["<text>", "<text>"]
    assert got.articles["article_id"].is_unique
    assert set(got.claims["value"].tolist()) == {2.0, 60.0}


def test_partitioned_files_read_back(
    client: object, files: list[str], local: ht.Corpus, tmp_path: Path
) -> None:
    corpus = parse_paths(files, published=PUBLISHED, partition_size=2)
    corpus.to_parquet(tmp_path / "pq")
    corpus.to_csv(tmp_path / "csv")
    for name in TABLES:
        expected = getattr(local, name)
        for pattern in (f"pq/{name}/part.*.parquet", f"csv/{name}/part-*.csv"):
            parts = sorted(glob.glob(str(tmp_path / pattern)), key=_part_number)
            assert len(parts) == 3, pattern
            back = pd.concat([ht.read_table(p, name) for p in parts], ignore_index=True)
            pd.testing.assert_frame_equal(back, expected, obj=pattern)


def test_no_documents_gives_empty_tables(client: object, tmp_path: Path) -> None:
    got = parse_paths([tmp_path]).compute()
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(got, name), schema.empty(name), obj=name)


def test_partition_size_must_be_positive(files: list[str]) -> None:
    with pytest.raises(ValueError, match="partition_size"):
        parse_paths(files, partition_size=0)


def _part_number(path: str) -> int:
    return int("".join(ch for ch in Path(path).name if ch.isdigit()))
