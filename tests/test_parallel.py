"""Corpus runs: same output for any number of workers, lazy input listing, progress bar
only on a terminal, streaming CSV/parquet output and --resume after an interruption."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import herald_timeline as ht
from herald_timeline import parsing, worker_pool
from herald_timeline.cli import main
from herald_timeline.corpus import track
from herald_timeline.jobs import Job, iter_inputs, make_jobs
from herald_timeline.worker_pool import iter_results, worker_count

TABLES = ("articles", "events", "claims", "timexes")
PUBLISHED = "2022-11-18T17:58+09:00"
TEXTS = {
    "a.txt": "North Korea fired two ballistic missiles on Friday, the military said.\n",
    "b.txt": "South Korea and the US held the 54th Security Consultative Meeting on Nov. 3.\n",
    "c.txt": "North Korea has fired more than 60 ballistic missiles this year.\n",
    "d.txt": "The allies staged a joint air drill in August, the ministry said on Monday.\n",
    "e.txt": "",  # empty: an error row, in its place
    "f.txt": "Pyongyang launched three short-range missiles on Oct. 28, officials said.\n",
}


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as tqdm's ``disable=None`` checks."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    for i, (name, text) in enumerate(TEXTS.items()):
        target = folder / "sub" / name if i % 2 else folder / name
        target.write_text(text, encoding="utf-8")
    return folder


def _assert_same(left: ht.Corpus, right: ht.Corpus) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(left, name), getattr(right, name), obj=name)


# ------------------------------------------------------------------------------ library


def test_workers_do_not_change_rows_ids_or_order(docs: Path) -> None:
    serial = ht.parse_corpus([docs], workers=1, published=PUBLISHED)
    pooled = ht.parse_corpus([docs], workers=2, chunksize=2, published=PUBLISHED)
    _assert_same(serial, pooled)
    assert serial.articles["status"].tolist().count("error") == 1
    assert len(serial.events) > 0 and len(serial.claims) > 0


def test_workers_start_from_a_fork_server_while_other_threads_run(docs: Path) -> None:
    """With a thread running (as in Jupyter or beside a Dask client) workers are not forked
    from this process; the output is the same."""
    import threading

    release = threading.Event()
    waiter = threading.Thread(target=release.wait, daemon=True)
    waiter.start()
    try:
        assert worker_pool.start_method() in ("forkserver", "spawn")
        pooled = ht.parse_corpus([docs], workers=2, chunksize=2, published=PUBLISHED)
    finally:
        release.set()
        waiter.join()
    _assert_same(ht.parse_corpus([docs], workers=1, published=PUBLISHED), pooled)


def test_workers_fork_from_a_process_without_threads() -> None:
    import subprocess
    import sys

    probe = "from herald_timeline import worker_pool; print(worker_pool.start_method())"
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    expected = "fork" if sys.platform == "linux" else ("forkserver", "spawn")
    assert found.stdout.strip() in expected


def test_small_corpus_stays_in_process(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(count: int) -> None:
        raise AssertionError("a pool for a handful of documents")

    monkeypatch.setattr(worker_pool, "_pool", no_pool)
    assert len(ht.parse_corpus([docs], workers=None).articles) == len(TEXTS)


def test_results_stream_from_a_lazy_iterator(docs: Path) -> None:
    jobs = make_jobs([docs], published=PUBLISHED)
    names = [r.article["source"] for r in iter_results(iter(jobs), workers=1, total=len(jobs))]
    assert names == [job.name for job in jobs]


@pytest.mark.parametrize(
    ("workers", "expected"),
    [(1, 1), (3, 3), (0, None), (None, None)],
    ids=["one", "three", "zero-all-cores", "none-all-cores"],
)
def test_worker_count(workers: int | None, expected: int | None) -> None:
    assert worker_count(workers) == (expected or len(os.sched_getaffinity(0)))


def test_negative_workers_is_an_error() -> None:
    with pytest.raises(ValueError, match="workers"):
        worker_count(-1)


def test_lazy_listing_keeps_rglob_order(tmp_path: Path) -> None:
    for rel in ["a/b.txt", "a-c.txt", "a/.hidden.txt", ".git/x.txt", "B.txt", "a/z/y.txt", "0.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    expected = [
        os.path.join(str(tmp_path), os.fspath(p.relative_to(tmp_path)))
        for p in sorted(tmp_path.rglob("*"))
        if p.is_file() and not any(s.startswith(".") for s in p.relative_to(tmp_path).parts)
    ]
    listed = iter_inputs([tmp_path])
    assert isinstance(listed, Iterator)
    assert list(listed) == expected
    assert [Path(p).name for p in expected] == ["0.txt", "B.txt", "b.txt", "y.txt", "a-c.txt"]


# ------------------------------------------------------------------------------ progress


def _results(n_errors: int) -> list[parsing.DocResult]:
    ok = [parsing.DocResult(article={"status": "ok"}) for _ in range(3)]
    return ok + [parsing.DocResult(article={"status": "error"}) for _ in range(n_errors)]


def test_bar_shows_on_a_terminal_with_errors_so_far() -> None:
    stream = Terminal()
    assert len(list(track(_results(2), total=5, file=stream))) == 5
    shown = stream.getvalue()
    assert "5/5" in shown and "doc/s" in shown and "errors=2" in shown


def test_bar_stays_out_of_pipes() -> None:
    stream = io.StringIO()
    assert len(list(track(_results(1), total=4, file=stream))) == 4
    assert stream.getvalue() == ""


@pytest.mark.parametrize(
    ("terminal", "quiet", "bar"),
    [(True, False, True), (False, False, False), (True, True, False)],
    ids=["terminal", "pipe", "terminal-quiet"],
)
def test_cli_bar(
    docs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    terminal: bool,
    quiet: bool,
    bar: bool,
) -> None:
    stream = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    args = ["parse", str(docs), "--out", str(tmp_path / "out"), "--published", PUBLISHED]
    assert main(args + (["--quiet"] if quiet else [])) == 0
    shown = stream.getvalue()
    assert ("doc/s" in shown and "errors=1" in shown) is bar
    assert ("6/6" in shown) is bar
    assert ("5 ok, 1 errors" in shown) is not quiet  # the summary is not the bar
    assert "e.txt" in shown  # errors are reported either way


# ------------------------------------------------------------------------------ CLI output


def _tables(out: Path, suffix: str = ".csv") -> ht.Corpus:
    return ht.Corpus(*(ht.read_table(out / f"{name}{suffix}", name) for name in TABLES))


def test_cli_workers_give_identical_files(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker_pool, "POOL_MIN_DOCS", 0)  # use the pool even for six documents
    base = ["parse", str(docs), "--published", PUBLISHED, "-q", "--no-timeline"]
    assert main([*base, "--out", str(tmp_path / "one"), "--workers", "1"]) == 0
    assert main([*base, "--out", str(tmp_path / "two"), "--workers", "2"]) == 0
    for name in TABLES:
        one = (tmp_path / "one" / f"{name}.csv").read_bytes()
        assert one == (tmp_path / "two" / f"{name}.csv").read_bytes(), name


def test_cli_streams_in_batches(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("herald_timeline.cli.BATCH", 2)
    base = ["parse", str(docs), "--published", PUBLISHED, "-q", "--workers", "1"]
    assert main([*base, "--out", str(tmp_path / "small")]) == 0
    _assert_same(_tables(tmp_path / "small"), ht.parse_corpus([docs], published=PUBLISHED))


def test_cli_parquet_matches_csv(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pyarrow")
    monkeypatch.setattr("herald_timeline.cli.BATCH", 4)  # two row groups
    base = ["parse", str(docs), "--published", PUBLISHED, "-q", "--workers", "1"]
    assert main([*base, "--out", str(tmp_path / "csv")]) == 0
    assert main([*base, "--out", str(tmp_path / "pq"), "--out-format", "parquet"]) == 0
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == [
        f"{name}.parquet" for name in sorted(TABLES)
    ]
    _assert_same(_tables(tmp_path / "csv"), _tables(tmp_path / "pq", ".parquet"))


def test_resume_after_interrupt_gives_the_full_output(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = ["parse", str(docs), "--published", PUBLISHED, "-q", "--workers", "1"]
    assert main([*base, "--out", str(tmp_path / "full")]) == 0

    real = worker_pool.run_jobs
    calls = 0

    def stop_at_fourth(jobs: list[Job]) -> list[parsing.DocResult]:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise KeyboardInterrupt
        return real(jobs)

    monkeypatch.setattr(worker_pool, "BATCH", 1)  # one document a batch: 3 are done
    monkeypatch.setattr(worker_pool, "run_jobs", stop_at_fourth)
    out = tmp_path / "cut"
    assert main([*base, "--out", str(out)]) == 130
    assert len(ht.read_table(out / "articles.csv")) == 3
    monkeypatch.setattr(worker_pool, "run_jobs", real)
    assert main([*base, "--out", str(out), "--resume"]) == 0
    for name in (*TABLES, "timeline"):
        full = (tmp_path / "full" / f"{name}.csv").read_bytes()
        assert (out / f"{name}.csv").read_bytes() == full, name


def test_resume_drops_rows_of_unfinished_articles(docs: Path, tmp_path: Path) -> None:
    # A run killed between writing events.csv and articles.csv leaves events of articles
    # that are not in articles.csv: --resume must not write them twice.
    base = ["parse", str(docs), "--published", PUBLISHED, "-q", "--workers", "1"]
    out = tmp_path / "out"
    assert main([*base, "--out", str(out)]) == 0
    full = _tables(out)
    lines = (out / "articles.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (out / "articles.csv").write_text("".join(lines[:2]), encoding="utf-8")  # header + one
    assert main([*base, "--out", str(out), "--resume"]) == 0
    _assert_same(_tables(out), full)


def test_preload_warms_the_parser_before_workers_fork() -> None:
    """The fork server imports herald_timeline.preload: afterwards the time core's rule
    index is built, so workers forked from it do not build their own."""
    import subprocess
    import sys

    probe = (
        "from herald_timeline.timex_scan import _index\n"
        "assert _index.cache_info().currsize == 0\n"
        "import herald_timeline.preload\n"
        "assert _index.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)
