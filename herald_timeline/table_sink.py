"""Writing a corpus run's tables to disk in batches: CSV appended (from text the workers
rendered, or from rows), or one Parquet writer per table, and ``--resume``, which finds the
articles already written and drops the rows a stopped run left of the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from herald_timeline import schema
from herald_timeline.corpus import CSV_ORDER, OUTPUT_TABLES
from herald_timeline.io import read_table, write_table
from herald_timeline.parsing import DocResult


class TableSink:
    """Appends batches of rows to DIR/{events,claims,timexes,articles}{.csv,.parquet}.

    Parquet is one ``ParquetWriter`` per table with the schema module's types, so a run
    holds one batch in memory, never a whole table.
    """

    def __init__(self, out: Path, suffix: str, *, append: bool) -> None:
        self.out, self.suffix, self.append = out, suffix, append
        self.writers: dict[str, Any] = {}

    def write(self, batch: Sequence[DocResult], counts: dict[str, int]) -> None:
        if self.suffix == ".csv" and all(r.n_rows is not None for r in batch):
            self._append_rendered(batch, counts)
            return
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in OUTPUT_TABLES}
        for result in batch:
            rows["articles"].append(result.article)
            rows["events"].extend(result.events)
            rows["claims"].extend(result.claims)
            rows["timexes"].extend(result.timexes)
        # articles last: an id in articles.csv means its other rows are written (--resume)
        for name in CSV_ORDER:
            counts.setdefault(name, 0)
            if name != "articles":
                counts[name] += len(rows[name])
            table = schema.frame(name, rows[name])
            if self.suffix == ".csv":
                write_table(table, self.out / f"{name}.csv", name, mode="a" if self.append else "w")
            else:
                self._parquet(name, table)
        self.append = True

    def _append_rendered(self, batch: Sequence[DocResult], counts: dict[str, int]) -> None:
        """Append CSV text that workers rendered (corpus.render_csv), header first if new."""
        for result in batch:
            for name, n in (result.n_rows or {}).items():
                counts[name] = counts.get(name, 0) + n
            if result.csv is None:
                continue
            for name in CSV_ORDER:
                path = self.out / f"{name}.csv"
                new = not self.append or not path.exists() or path.stat().st_size == 0
                with path.open("w" if new else "a", encoding="utf-8", newline="") as handle:
                    if new:
                        handle.write(",".join(schema.TABLES[name]) + "\n")
                    handle.write(result.csv[name])
            self.append = True

    def _parquet(self, name: str, table: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if name not in self.writers:
            types = pa.Schema.from_pandas(schema.empty(name), preserve_index=False)
            self.writers[name] = pq.ParquetWriter(self.out / f"{name}.parquet", types)
        writer = self.writers[name]
        writer.write_table(pa.Table.from_pandas(table, schema=writer.schema, preserve_index=False))

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()


def _done_ids(path: Path) -> set[str]:
    if not path.exists() or path.stat().st_size == 0:
        return set()
    return set(read_table(path, "articles")["article_id"].dropna().tolist())


def resume_output(out: Path) -> set[str]:
    """Ids already in OUT/articles.csv; rows of other articles (a run stopped mid-batch)
    are dropped from the other tables so they are not written twice."""
    done = _done_ids(out / "articles.csv")
    for name in ("events", "claims", "timexes"):
        path = out / f"{name}.csv"
        if not path.exists() or path.stat().st_size == 0:
            continue
        kept = path.with_suffix(".csv.resume")
        with kept.open("w", encoding="utf-8", newline="") as target:
            for i, chunk in enumerate(
                pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=50_000)
            ):
                chunk[chunk["article_id"].isin(done)].to_csv(
                    target, index=False, header=i == 0, lineterminator="\n"
                )
        kept.replace(path)
    return done
