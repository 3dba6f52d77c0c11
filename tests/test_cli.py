"""The command line through ``main([...])``: tables written, errors isolated, exit codes."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pandas as pd
import pytest

import herald_timeline as ht
from herald_timeline.cli import main, parse_args

SEED_TEXT = "North Korea fired two ballistic missiles on Friday, the military said.\n"


def test_parse_args_defaults() -> None:
    args = parse_args(["parse", "a.txt", "--out", "o"])
    assert (args.command, args.inputs, args.out, args.format) == ("parse", ["a.txt"], "o", "auto")


def test_parse_writes_all_tables(
    seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(seed_path), "--out", str(tmp_path), "--quiet"]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["articles.csv", "claims.csv", "events.csv", "timeline.csv", "timexes.csv"]
    articles = ht.read_table(tmp_path / "articles.csv")
    assert articles.loc[0, "source"] == str(seed_path)
    assert articles.loc[0, "status"] == "ok"
    header = (tmp_path / "articles.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith(
        "article_id,source,outlet,title,author,published,updated,section,n_words"
    )
    assert "2022-11-18T17:58:00+09:00" in (tmp_path / "articles.csv").read_text(encoding="utf-8")
    assert len(ht.read_table(tmp_path / "events.csv")) > 0
    assert capsys.readouterr().err == ""


def test_one_bad_file_does_not_stop_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(SEED_TEXT, encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    out = tmp_path / "out"
    assert (
        main(["parse", str(docs), "--out", str(out), "--published", "2022-11-18T17:58+09:00"]) == 0
    )
    articles = ht.read_table(out / "articles.csv").set_index("source")
    assert articles.loc[str(docs / "good.txt"), "status"] == "ok"
    assert articles.loc[str(docs / "empty.txt"), "status"] == "error"
    assert "empty" in articles.loc[str(docs / "empty.txt"), "error"]
    assert "PNG" in articles.loc[str(docs / "image.txt"), "error"]
    err = capsys.readouterr().err
    assert "1 ok, 2 errors" in err


def test_nothing_extracted_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main(["parse", str(bad), "--out", str(tmp_path / "out"), "--quiet"]) == 1


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(tmp_path / "nope.txt"), "--out", str(tmp_path)])
    assert exc.value.code == 2


def test_manifest_overrides_page_values(tmp_path: Path) -> None:
    doc = tmp_path / "story.txt"
    doc.write_text(SEED_TEXT, encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "file,published,url,outlet\nstory.txt,2022-11-18T17:58:00+09:00,https://x.example/a,Example\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["parse", str(doc), "--manifest", str(manifest), "--out", str(out), "-q"]) == 0
    row = ht.read_table(out / "articles.csv").iloc[0]
    assert (row["outlet"], row["url"]) == ("Example", "https://x.example/a")
    assert row["published"] == pd.Timestamp("2022-11-18T17:58:00+09:00")
    events = ht.read_table(out / "events.csv")
    assert events["start"].dt.strftime("%Y-%m-%d").tolist() == ["2022-11-18"]


def test_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED_TEXT.encode())))
    out = tmp_path / "out"
    assert main(["parse", "-", "--out", str(out), "--published", "2022-11-18", "-q"]) == 0
    assert ht.read_table(out / "articles.csv").loc[0, "source"] == "-"


def test_resume_skips_parsed_documents(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    args = ["parse", str(docs), "--out", str(out), "--published", "2022-11-18", "-q"]
    assert main(args) == 0
    (docs / "b.txt").write_text(SEED_TEXT.replace("two", "three"), encoding="utf-8")
    assert main([*args, "--resume"]) == 0
    articles = ht.read_table(out / "articles.csv")
    assert sorted(articles["source"].map(lambda s: Path(s).name)) == ["a.txt", "b.txt"]
    assert articles["article_id"].is_unique


def test_plot_writes_an_image(seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["parse", str(seed_path), "--out", str(out), "-q"]) == 0
    for suffix in ("png", "svg"):
        image = tmp_path / f"timeline.{suffix}"
        assert main(["plot", str(out), "-o", str(image), "--title", "Seed"]) == 0
        assert image.stat().st_size > 1000


def test_plot_bad_size_is_a_usage_error(seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main(["parse", str(seed_path), "--out", str(out), "-q"])
    with pytest.raises(SystemExit) as exc:
        main(["plot", str(out), "-o", str(tmp_path / "t.png"), "--size", "big"])
    assert exc.value.code == 2


def test_check_adds_verdicts(seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main(["parse", str(seed_path), "--out", str(out), "-q"])
    reference = tmp_path / "ref.csv"
    rows = [
        "F1,Date,Launch Time (UTC),Missile Name,Missile Type,Test Outcome,Additional Information"
    ]
    rows += [
        f"{i},{d}-Mar-22,1:00:00 AM,Hwasong-11,SRBM,Success," for i, d in enumerate(range(1, 29), 1)
    ]
    reference.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["check", str(out), "--reference", str(reference)]) == 0
    checked = pd.read_csv(out / "claims_checked.csv")
    assert {"reference_count", "verdict", "reason"} <= set(checked.columns)


def test_max_chars_refuses_long_text_with_a_reason(tmp_path: Path) -> None:
    doc = tmp_path / "long.txt"
    doc.write_text("".join(f"Paragraph {i}: {SEED_TEXT}" for i in range(50)), encoding="utf-8")
    out = tmp_path / "out"
    args = ["parse", str(doc), "--out", str(out), "--published", "2022-11-18", "-q"]
    assert main([*args, "--max-chars", "1000"]) == 1
    row = ht.read_table(out / "articles.csv").iloc[0]
    assert row["status"] == "error"
    assert "1,000-character limit" in row["error"]
    assert main([*args, "--max-chars", "100000"]) == 0
