"""Parse a corpus on Dask: the same parser, the four tables as Dask DataFrames.

Each partition is a run of documents parsed by :func:`herald_timeline.jobs.run_jobs`,
exactly as ``parse_corpus`` does, so the rows, ids and their order are the same; only
where the work runs changes. The tables are lazy: write them with
:meth:`DaskCorpus.to_parquet` / :meth:`DaskCorpus.to_csv` (one pass over the corpus for
all four), or bring them into pandas with :meth:`DaskCorpus.compute`.

On an existing cluster, connect a client first; Dask then runs everything on it::

    from dask.distributed import Client
    from herald_timeline.dask import parse_paths

    client = Client("tcp://scheduler.example:8786")  # Client() starts a local cluster
    corpus = parse_paths(["/mnt/archive/koreaherald/"], partition_size=64)
    corpus.to_parquet("/mnt/out/tables/")           # /mnt/out/tables/events/part.0.parquet ...

The workers need herald_timeline (same version) installed and must be able to read the
paths (a shared file system): :func:`parse_paths` lists the folders on the client and
sends paths, not bytes. Texts that live elsewhere (an object store, a database, a crawl)
go through :func:`parse_texts` as a Dask bag.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import dask.bag as db
import dask.base
import dask.dataframe as dd
import pandas as pd
from dask.delayed import Delayed, delayed

from herald_timeline import schema
from herald_timeline.article import Source
from herald_timeline.corpus import OUTPUT_TABLES, Corpus
from herald_timeline.io import to_text_frame
from herald_timeline.jobs import Job, make_jobs, manifest_values, read_manifest, run_jobs
from herald_timeline.parsing import DocResult

__all__ = ["DaskCorpus", "parse_paths", "parse_texts"]

TABLES = OUTPUT_TABLES

# Dask's annotations are partial: calls go through Any so mypy --strict stays quiet.
_compute: Any = dask.base.compute
_persist: Any = dask.base.persist
_dd: Any = dd


@dataclass(frozen=True)
class DaskCorpus:
    """The four tables of a corpus as Dask DataFrames (meta: ``schema.empty(table)``).

    The tables share their parsing tasks: computing or writing them together parses each
    document once, computing them one at a time parses it once per table (call
    :meth:`persist` first to keep the parsed rows on the cluster).
    """

    articles: dd.DataFrame
    events: dd.DataFrame
    claims: dd.DataFrame
    timexes: dd.DataFrame

    def tables(self) -> dict[str, dd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}

    def _frames(self) -> dict[str, Any]:
        return self.tables()

    def compute(self, **kwargs: Any) -> Corpus:
        """The tables as pandas DataFrames, as ``parse_corpus`` returns them."""
        frames = _compute(*self._frames().values(), **kwargs)
        return Corpus(*(frame.reset_index(drop=True) for frame in frames))

    def persist(self, **kwargs: Any) -> DaskCorpus:
        """The same tables, computed and kept in (cluster) memory."""
        return DaskCorpus(*_persist(*self._frames().values(), **kwargs))

    def to_parquet(self, path: str | os.PathLike[str], **kwargs: Any) -> None:
        """Write ``path/<table>/part.N.parquet`` for the four tables in one pass.

        ``kwargs`` go to :meth:`dask.dataframe.DataFrame.to_parquet` (e.g.
        ``storage_options`` for an object store).
        """
        root = os.fspath(path).rstrip("/")
        kwargs.setdefault("write_index", False)
        writes = [
            frame.to_parquet(f"{root}/{name}", compute=False, **kwargs)
            for name, frame in self._frames().items()
        ]
        _compute(*writes)

    def to_csv(self, path: str | os.PathLike[str], **kwargs: Any) -> None:
        """Write ``path/<table>/part-N.csv`` in the contract's CSV format, in one pass.

        Each part reads back with :func:`herald_timeline.read_table` (``table=`` the
        folder name). ``kwargs`` go to :meth:`dask.dataframe.DataFrame.to_csv`.
        """
        root = os.fspath(path).rstrip("/")
        writes = []
        for name, frame in self._frames().items():
            text = frame.map_partitions(
                to_text_frame, name, meta=to_text_frame(schema.empty(name), name)
            )
            writes.append(
                text.to_csv(
                    f"{root}/{name}/part-*.csv",
                    index=False,
                    compute=False,
                    lineterminator="\n",
                    **kwargs,
                )
            )
        _compute(*writes)


def parse_paths(
    paths: Iterable[Source],
    *,
    manifest: str | os.PathLike[str] | pd.DataFrame | None = None,
    format: str = "auto",
    published: str | None = None,
    partition_size: int = 64,
) -> DaskCorpus:
    """Parse files and folders (recursively) on Dask, ``partition_size`` documents a task.

    Arguments are those of :func:`herald_timeline.parse_corpus`. Folders are listed here
    (on the client); workers open the files, so they must see the same paths.

    >>> corpus = parse_paths(["data/"])               # doctest: +SKIP
    >>> corpus.events.groupby("type").size().compute()  # doctest: +SKIP
    """
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    jobs = make_jobs(paths, manifest=manifest, format=format, published=published)
    chunks = [jobs[i : i + partition_size] for i in range(0, len(jobs), partition_size)]
    return _tables([delayed(run_jobs)(chunk) for chunk in chunks])


def parse_texts(
    texts: db.Bag,
    *,
    manifest: str | os.PathLike[str] | pd.DataFrame | None = None,
    format: str = "auto",
    published: str | None = None,
) -> DaskCorpus:
    """Parse a Dask bag of documents: ``(name, text)`` pairs, or bare texts.

    ``text`` is ``str`` or ``bytes`` (the document itself, never a path). ``name`` becomes
    the ``source`` column, picks the manifest row and enters the article id; bare texts
    are all named ``<text>``, so identical texts get the same id. One bag partition is
    one task.

    >>> import dask.bag as db
    >>> bag = db.read_text("s3://crawl/2022/*.txt", files_per_partition=64)  # doctest: +SKIP
    >>> bag = db.from_sequence(pairs, partition_size=64)                      # doctest: +SKIP
    >>> parse_texts(bag).to_parquet("s3://crawl/tables/")                     # doctest: +SKIP

    (``db.read_text`` yields lines, not documents; for one document per file use
    ``db.from_sequence(paths).map(lambda p: (p, fs.cat(p)))`` or similar.)
    """
    rows = read_manifest(manifest)
    parsed = _bag(texts).map_partitions(_parse_items, rows=rows, format=format, published=published)
    return _tables(parsed.to_delayed())


def _bag(texts: db.Bag) -> Any:
    return texts


def _parse_items(
    items: Iterable[Any],
    *,
    rows: Mapping[str, dict[str, Any]],
    format: str,
    published: str | None,
) -> list[DocResult]:
    jobs = []
    for item in items:
        name, text = item if isinstance(item, (tuple, list)) else ("<text>", item)
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        jobs.append(Job(data, str(name), manifest_values(rows, str(name)), format, published))
    return run_jobs(jobs)


def _table(results: Sequence[DocResult], name: str) -> pd.DataFrame:
    if name == "articles":
        return schema.frame(name, [result.article for result in results])
    return schema.frame(name, [row for result in results for row in getattr(result, name)])


def _tables(parts: Sequence[Delayed]) -> DaskCorpus:
    frames = {}
    for name in TABLES:
        meta = schema.empty(name)
        if parts:
            frames[name] = _dd.from_delayed(
                [delayed(_table)(part, name) for part in parts], meta=meta, verify_meta=False
            )
        else:
            frames[name] = _dd.from_pandas(meta, npartitions=1)
    return DaskCorpus(**frames)
