"""The pipeline on whole articles: the seed page's gold rows, ids, offsets, schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import herald_timeline as ht
from herald_timeline import event_labels, event_names, parsing, schema
from herald_timeline import jobs as ht_jobs
from herald_timeline.jobs import Job, run_job, run_jobs

SEED_EVENTS = {
    ("establishment", "2022-11-18", "2022-11-18", "day"),
    ("meeting", "2022-11-18", "2022-11-18", "day"),
    ("meeting", "2022-11-03", "2022-11-03", "day"),
    ("agreement", "2022-11-03", "2022-11-03", "day"),
    ("meeting", "2022-08-01", "2022-08-31", "month"),
    ("agreement", "2022-08-01", "2022-08-31", "month"),
}


@pytest.fixture(scope="module")
def seed() -> ht.Parsed:
    return ht.parse(
        Path(__file__).resolve().parent.parent
        / "data"
        / "koreaherald_2022-11-18_counter-missile-working-group.txt"
    )


def _day(value: pd.Timestamp) -> str:
    return value.strftime("%Y-%m-%d")


def test_seed_events_are_exactly_the_gold_rows(seed: ht.Parsed) -> None:
    got = {
        (row.type, _day(row.start), _day(row.end), row.precision)
        for row in seed.events.itertuples()
    }
    assert got == SEED_EVENTS
    assert len(seed.events) == len(SEED_EVENTS)


def test_seed_scm_attributes(seed: ht.Parsed) -> None:
    scm = seed.events[(seed.events["type"] == "meeting") & (seed.events["start"] == "2022-11-03")]
    row = scm.iloc[0]
    assert "54th Security Consultative Meeting" in row["name"]
    assert row["ordinal"] == 54
    assert "Pentagon" in row["location"]


def test_seed_claims(seed: ht.Parsed) -> None:
    claims = seed.claims
    assert len(claims) == 2
    total, icbm = claims.iloc[0], claims.iloc[1]
    assert (total["value"], total["bound"], total["unit"]) == (60, "more_than", "ballistic missile")
    assert (total["lower"], pd.isna(total["upper"])) == (60, True)
    assert (icbm["value"], icbm["bound"], icbm["unit"]) == (8, "exact", "ICBM")
    assert icbm["part_of"] == total["claim_id"]
    for claim in (total, icbm):
        assert claim["subject"] == "North Korea"
        assert (_day(claim["period_start"]), _day(claim["period_end"])) == (
            "2022-01-01",
            "2022-11-18",
        )


def test_offsets_slice_evidence_out_of_the_body(seed: ht.Parsed) -> None:
    body = seed.article.body
    for table in (seed.events, seed.claims):
        for row in table.itertuples():
            assert body[row.char_start : row.char_end] == row.evidence
    for row in seed.timexes.itertuples():
        assert body[row.char_start : row.char_end] == row.text


def test_tables_follow_the_schema(seed: ht.Parsed) -> None:
    schema.validate(seed.events, "events")
    schema.validate(seed.claims, "claims")
    schema.validate(seed.timexes, "timexes")


def test_ids_are_stable_and_unique(seed: ht.Parsed) -> None:
    again = ht.parse(seed.article)
    pd.testing.assert_frame_equal(seed.events, again.events)
    assert seed.events["event_id"].is_unique
    assert seed.events["event_id"].str.startswith(seed.article.article_id).all()


def test_empty_results_keep_every_column() -> None:
    parsed = ht.parse("Nothing happened here.", published="2022-11-18")
    for table, frame in (("events", parsed.events), ("claims", parsed.claims)):
        assert list(frame.columns) == list(schema.TABLES[table])
        assert frame.empty


def test_no_publication_date_invents_no_day() -> None:
    parsed = ht.parse("North Korea fired a missile on Friday.")
    assert parsed.article.published is None
    assert parsed.events.empty
    assert parsed.timexes["anchor"].tolist() == ["unresolved"]


def test_parse_corpus_keeps_failures_as_rows(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("North Korea fired two ballistic missiles on Friday.", encoding="utf-8")
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    corpus = ht.parse_corpus([tmp_path], published="2022-11-18T12:00+09:00")
    statuses = dict(
        zip(
            corpus.articles["source"].map(lambda s: Path(s).name),
            corpus.articles["status"],
            strict=True,
        )
    )
    assert statuses == {"bad.bin": "error", "good.txt": "ok"}
    assert corpus.events["start"].dt.strftime("%Y-%m-%d").tolist() == ["2022-11-18"]


STORIES = [
    f"SEOUL -- North Korea fired {n} ballistic missiles on Friday, the military said.\n"
    f"The {n} missiles flew east. Talks are set for Nov. {n + 20}.\n"
    for n in range(2, 9)
]


def _story_jobs() -> list[Job]:
    return [
        Job(s.encode(), f"doc{i}.txt", {}, published="2022-11-18") for i, s in enumerate(STORIES)
    ]


def test_batches_give_the_rows_of_one_article_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    jobs = _story_jobs()
    alone = [run_job(job) for job in jobs]
    monkeypatch.setattr(ht_jobs, "BATCH", 3)  # batches of 3, 3 and 1
    together = run_jobs(jobs)
    assert [r.article for r in together] == [r.article for r in alone]
    for name in ("timexes", "events", "claims"):
        assert [getattr(r, name) for r in together] == [getattr(r, name) for r in alone], name
    assert all(r.events and r.claims for r in together)


@pytest.mark.skipif(ht.COMPILED, reason="a compiled module's globals cannot be patched")
@pytest.mark.parametrize(
    "stage", ["scan_dates", "resolve_dates", "date_events", "find_counts", "claims_of"]
)
def test_a_parse_that_raises_fails_its_article_only(
    monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    jobs = _story_jobs()
    expected = run_jobs(jobs)
    real = getattr(parsing, stage)

    def broken(body: str, *args: Any, **kwargs: Any) -> Any:
        if "fired 4 " in body:
            raise RuntimeError("boom")
        return real(body, *args, **kwargs)

    monkeypatch.setattr(parsing, stage, broken)
    got = run_jobs(jobs)
    assert got[2].article["status"] == "error"
    assert got[2].article["error"] == "internal error: RuntimeError: boom"
    assert not got[2].timexes and not got[2].events and not got[2].claims
    assert [r.article for i, r in enumerate(got) if i != 2] == [
        r.article for i, r in enumerate(expected) if i != 2
    ]
    assert [r.claims for i, r in enumerate(got) if i != 2] == [
        r.claims for i, r in enumerate(expected) if i != 2
    ]
    with pytest.raises(RuntimeError, match="boom"):
        parsing.extract(ht.load_article(STORIES[2].encode(), published="2022-11-18"))


@pytest.mark.skipif(ht.COMPILED, reason="a compiled module's globals cannot be patched")
@pytest.mark.parametrize(
    ("module", "name"),
    [(event_names, "_place_hits"), (event_labels, "name")],
    ids=["facts-read", "naming"],
)
def test_batch_passes_that_raise_fail_their_article_only(
    monkeypatch: pytest.MonkeyPatch, module: Any, name: str
) -> None:
    """Facts are read, and events named, for the whole batch first, then article by
    article when that raises: the failure goes to its article only."""
    jobs = _story_jobs()
    expected = run_jobs(jobs)
    real = getattr(module, name)

    def broken(first: Any, *args: Any) -> Any:
        sentence = first if isinstance(first, str) else first.text  # a text or its Facts
        if "fired 4 " in sentence:
            raise RuntimeError("boom")
        return real(first, *args)

    monkeypatch.setattr(module, name, broken)
    got = run_jobs(jobs)
    assert got[2].article["error"] == "internal error: RuntimeError: boom"
    others = [(r.events, r.claims) for i, r in enumerate(got) if i != 2]
    assert others == [(r.events, r.claims) for i, r in enumerate(expected) if i != 2]
    assert all(events for events, _ in others)
