"""Dated events: trigger rules, date cues, event-relative dates, find_events end to end."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from herald_timeline import event_dates, event_relations, event_triggers, resources
from herald_timeline.dates import find_dates
from herald_timeline.events import (
    Event,
    find_events,
    read_facts,
    sentence_facts,
    sentence_triggers,
)
from herald_timeline.text import split_sentences

PUBLISHED = datetime.fromisoformat("2022-11-18T17:58:00+09:00")
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"
SEED_PAGE = SEED / "koreaherald_2022-11-18_counter-missile-working-group.txt"


def events_of(body: str, published: datetime = PUBLISHED) -> list[Event]:
    timexes = find_dates(body, published=published, tz="Asia/Seoul")
    return find_events(body, split_sentences(body), timexes, published=published)


def keys(events: list[Event]) -> set[tuple[str, str]]:
    return {(e.type, e.start.isoformat() if e.precision == "day" else e.start.isoformat()[:7])
            for e in events}  # fmt: skip


# --- the rules in resources/events/ run their own examples ---------------------------------

RULES = event_triggers.rules()


@pytest.mark.parametrize(
    ("rule", "sentence"),
    [(r, ex) for r in RULES for ex in r.examples],
    ids=[f"{r.id}-{i}" for r in RULES for i, _ in enumerate(r.examples)],
)
def test_rule_fires_on_its_examples(rule: event_triggers.Rule, sentence: str) -> None:
    assert (rule.id, rule.type) in event_triggers.rule_types(sentence)


@pytest.mark.parametrize(
    ("rule", "sentence"),
    [(r, ex) for r in RULES for ex in r.counter],
    ids=[f"{r.id}-{i}" for r in RULES for i, _ in enumerate(r.counter)],
)
def test_rule_not_fooled_by_its_counter_examples(rule: event_triggers.Rule, sentence: str) -> None:
    assert rule.type not in {kind for _, kind in event_triggers.rule_types(sentence)}


CUES = resources.toml("events/cues.toml")["cue"]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [(n, ex, True) for n, spec in CUES.items() for ex in spec["examples"]]
    + [(n, ex, False) for n, spec in CUES.items() for ex in spec["counter"]],
)
def test_cue_examples(name: str, text: str, expected: bool) -> None:
    assert bool(event_dates.cue(name).search(text)) is expected


SCAN_SENTENCES = [ex for r in RULES for ex in (*r.examples, *r.counter)] + [
    "The North test-fired two missiles; the allies held talks in Seoul and sat down again.",
    "Intercontinental tests, joint drills and a pre-summit meeting were on the İstanbul agenda.",
]


SCAN_SENTENCES += [
    "The allies’ talks “agreed” on drills—launched…\u00a0meeting «summit» ‘fired’",
    "Straßetalks, éfired and naïve summits: Ölaunch, _talks, 2talks, x-launch.",
]


def _reference_head_hits(lower: str) -> list[tuple[int, str]]:
    """_head_hits as the plain ``\\W`` scan gives them (what the ASCII scan must equal)."""
    hits: list[tuple[int, str]] = []
    done = 0
    for match in event_triggers._head_starts().finditer(" " + lower):
        if match.start(1) - 1 >= done:
            hits.append((match.start(1) - 1, match.group(1)))
            done = match.start(1) - 1 + len(match.group(1))
    return hits


@given(
    st.lists(
        st.sampled_from(
            [
                "talks",
                "launch",
                "agreed",
                "fired",
                "test-fire",
                "summit",
                "drills",
                " ",
                "-",
                "—",
                "’",
                "“",
                "\u00a0",
                "_",
                "é",
                "ß",
                "Ö",
                "ı",
                "1",
                "x",
                ",",
                "…",
                "«",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_ascii_head_scan_equals_the_plain_one(text: str) -> None:
    lower = text.lower()
    assume(len(lower) == len(text))
    assert event_triggers._head_hits(text, lower) == _reference_head_hits(lower)


def test_heads_are_ascii() -> None:  # what the ASCII head scan relies on
    assert all(head.isascii() for rule in RULES for head in rule.heads)


@pytest.mark.parametrize("sentence", SCAN_SENTENCES)
def test_head_scan_finds_what_a_full_scan_finds(sentence: str) -> None:
    fast = [(m.start(), m.end(), m.lastgroup) for m in event_triggers._scan(sentence)]
    slow = [(m.start(), m.end(), m.lastgroup) for m in event_triggers.scan_everywhere(sentence)]
    assert fast == slow


def test_rules_have_no_capturing_groups_and_known_types() -> None:
    assert {r.type for r in RULES} <= set(event_triggers.TYPES)
    assert len({r.id for r in RULES}) == len(RULES)


# --- triggers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        ("Seoul and Tokyo launched a joint task force on Monday.", "establishment", "launch"),
        ("The North launched two cruise missiles on Monday.", "launch", "establishment"),
        ("The navy agreed to launch the drill next week.", "agreement", "launch"),
        ("The marines fired 300 artillery rounds on Monday.", "other", "launch"),
        ("Troops staged a drill of their own, firing missiles into the sea.", "launch", "exercise"),
        ("The envoy said in a statement that talks would resume.", "statement", "launch"),
        ("The ministry said Friday the vote was delayed.", None, "statement"),
        ("Factories handed over rocket launchers to the army.", None, "launch"),
    ],
    ids=["body-launched", "missile-launched", "agreed-to-launch", "artillery", "drill-firing",
         "said-in-statement", "plain-attribution", "launchers"],
)  # fmt: skip
def test_trigger_types(sentence: str, present: str | None, absent: str) -> None:
    types = [t.type for t in event_triggers.find_triggers(sentence)]
    assert absent not in types
    if present is not None:
        assert present in types


# --- relations --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days", "approximate"),
    [
        ("The test came two days after the envoy arrived.", 2, False),
        ("About two weeks after the talks, he spoke.", 14, True),
        ("Hours after the launch, the council met.", 0, False),
        ("A day earlier, the navies drilled.", -1, False),
    ],
    ids=["two-days-after", "about-two-weeks", "hours-after", "a-day-earlier"],
)
def test_relation_offsets(text: str, days: int, approximate: bool) -> None:
    relation = event_relations.find_relation(text)
    assert relation is not None
    assert (relation.days, relation.approximate) == (days, approximate)


@pytest.mark.parametrize(
    "text",
    ["The parade came less than a week before the election.", "It came days after the vote."],
)
def test_vague_relations_date_nothing(text: str) -> None:
    assert event_relations.find_relation(text) is None


_RELATION_WORDS = [
    "about", "less", "than", "just", "within", "two", "a", "an", "10", "hours", "days",
    "week", "after", "before", "later", "earlier", "the", "talks", "Two", "AFTER", ",",
]  # fmt: skip


@given(st.lists(st.sampled_from(_RELATION_WORDS), max_size=16), st.sampled_from([" ", "  ", "\n"]))
def test_relation_found_as_by_a_scan_from_the_start(words: list[str], space: str) -> None:
    text = space.join(words)
    fast = event_relations.find_relation(text)
    start = event_relations._scan_start
    try:
        event_relations._scan_start = lambda text, direction: 0  # type: ignore[assignment]
        slow = event_relations.find_relation(text)
    finally:
        event_relations._scan_start = start  # type: ignore[assignment]
    assert fast == slow


# --- find_events end to end (through the time core) ------------------------------------------


def test_each_event_gets_its_governing_date() -> None:
    body = (
        "The two navies on Wednesday ended a joint exercise that began on Monday.\n"
        "The North fired three short-range missiles on Nov. 2, the ministry said Friday."
    )
    got = keys(events_of(body))
    assert ("exercise", "2022-11-16") in got
    assert ("exercise", "2022-11-14") in got
    assert ("launch", "2022-11-02") in got
    assert not any(day == "2022-11-18" for _, day in got)  # "said Friday" is an attribution


def test_relation_dates_the_clause_from_the_head() -> None:
    body = "The missile was fired on Sunday, three days after the allies signed a defense pact."
    got = keys(events_of(body))
    assert ("launch", "2022-11-13") in got
    assert ("agreement", "2022-11-10") in got


def test_anaphor_takes_the_date_of_the_named_event() -> None:
    body = (
        "The defense chiefs met in Tokyo on Nov. 9.\n"
        "During the meeting, the chiefs agreed to share radar data."
    )
    assert keys(events_of(body)) == {("meeting", "2022-11-09"), ("agreement", "2022-11-09")}


def test_undated_background_gives_no_event() -> None:
    body = "North Korea has fired many missiles toward the sea.\nThe allies have held drills."
    assert events_of(body) == []


def test_drill_with_start_and_end_gives_two_rows_and_a_mid_date_folds_in() -> None:
    body = (
        "The allies kicked off the exercise on Nov. 7, which runs through Nov. 17.\n"
        "Warships sail during the exercise on Nov. 10."
    )
    found = [e for e in events_of(body) if e.type == "exercise"]
    assert sorted((e.start.isoformat(), e.name.endswith("(start)")) for e in found) == [
        ("2022-11-07", True),
        ("2022-11-17", False),
    ]


def test_same_event_twice_is_one_row_distinct_parties_two() -> None:
    body = (
        "North Korea fired a ballistic missile on Thursday.\n"
        "The missile was fired at 10:15 a.m., the military said.\n"
        "Hours after the launch, South Korea fired two missiles of its own."
    )
    launches = [e for e in events_of(body) if e.type == "launch"]
    assert [e.start for e in launches] == [date(2022, 11, 17), date(2022, 11, 17)]


def test_event_fields_point_into_the_body() -> None:
    body = "Officials said the 12th Joint Defense Talks were held in Seoul on Nov. 3."
    (event,) = events_of(body)
    assert body[event.char_start : event.char_end] == event.evidence
    assert (event.type, event.ordinal, event.location) == ("meeting", 12, "Seoul")
    assert "Joint Defense Talks" in event.name


@pytest.mark.shared
@pytest.mark.skipif(not SEED_PAGE.exists(), reason="../shared/seed not available")
def test_seed_page_events() -> None:
    from herald_timeline.article import load_article

    article = load_article(str(SEED_PAGE), published="2022-11-18T17:58:00+09:00")
    found = events_of(article.body, article.published or PUBLISHED)
    assert sorted(keys(found)) == sorted(
        {
            ("establishment", "2022-11-18"),
            ("meeting", "2022-11-18"),
            ("meeting", "2022-11-03"),
            ("agreement", "2022-11-03"),
            ("meeting", "2022-08"),
            ("agreement", "2022-08"),
        }
    )
    assert len(found) == 6
    scm = next(e for e in found if e.start == date(2022, 11, 3) and e.type == "meeting")
    assert scm.ordinal == 54 and "Security Consultative Meeting" in scm.name
    assert not any(e.approximate for e in found)


# --- classes of events: phrase -> expected rows (type, day or month) ---------------------------


def rows(body: str) -> list[tuple[str, str]]:
    return sorted(
        (e.type, e.start.isoformat() if e.precision == "day" else e.start.isoformat()[:7])
        for e in events_of(body)
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("North Korea fired many ballistic missiles this month.\n"
         "The North fired two on Nov. 2 and three on Nov. 9.",
         [("launch", "2022-11-02"), ("launch", "2022-11-09")]),
        ("North Korea conducted five rounds of weapons launches in ten days.\n"
         "The streak began on Nov. 6.",
         [("launch", "2022-11-06")]),
        ("It was the North's first ballistic missile launch since January 1st.",
         [("launch", "2022-01-01")]),
        ("It was the 11th round of weapons launches since May, when it ended a lull.",
         [("launch", "2022-05")]),
        ("The summit ended on Thursday.\nA joint signing ceremony on Thursday was canceled.",
         [("meeting", "2022-11-17")]),
        ("Pompeo will call on President Moon on Nov. 20.\n"
         "Later the same day, he will hold a three-way meeting in Seoul.",
         [("meeting", "2022-11-20"), ("meeting", "2022-11-20")]),
        ("The summit ended abruptly on Thursday.\n"
         "Trump called President Moon from Air Force One on his way home Thursday evening.",
         [("meeting", "2022-11-17"), ("meeting", "2022-11-17")]),
        ("On Nov. 2, the North fired 100 artillery shells near the border.\n"
         "South Korean marines responded by firing 200 rounds into the sea.",
         [("other", "2022-11-02"), ("other", "2022-11-02")]),
        ("North Korea fired two ballistic missiles on Wednesday.\n"
         "Hours later, South Korea conducted its first test of a missile launched from a "
         "submarine.",
         [("launch", "2022-11-16"), ("launch", "2022-11-16")]),
        ("The two leaders signed a joint statement on Tuesday.\n"
         "At a news conference after the signing, Trump said the allies would stop joint "
         "exercises, calling the drills provocative.",
         [("agreement", "2022-11-15"), ("statement", "2022-11-15")]),
        ("North Korea fired two missiles on Wednesday.\n"
         "The launches came less than a week after North Korea's failed attempt to put a "
         "satellite into orbit.",
         [("launch", "2022-11-16")]),
        ("The leaders met at their first summit in Singapore on June 12 last year, where they "
         "signed a broad pledge.",
         [("agreement", "2021-06-12"), ("meeting", "2021-06-12")]),
        ("The allies began the exercise on Nov. 7, which runs through Nov. 17.\n"
         "On Nov. 10, bombers flew in a combined air drill with fighter jets.",
         [("exercise", "2022-11-07"), ("exercise", "2022-11-10"), ("exercise", "2022-11-17")]),
        ("The parade in Pyongyang took place on Sunday.\n"
         "Kim was elected general secretary on Sunday.",
         [("other", "2022-11-13"), ("other", "2022-11-13")]),
        ("The allies agreed in August at their summit to share data, and the system will be "
         "operational from Tuesday.",
         [("agreement", "2022-08"), ("meeting", "2022-08")]),
        # (the pact's own signing is an event of 2016, as resolutions "adopted in 2016" are)
        ("The leaders met in Tokyo on Thursday.\nThey also agreed to restore the GSOMIA, the "
         "intelligence pact signed in 2016.",
         [("agreement", "2016-01"), ("agreement", "2022-11-17"), ("meeting", "2022-11-17")]),
        ("The leaders met in Tokyo on Thursday.\nThey also agreed to restore the pact, which "
         "was signed in 2016.",
         [("agreement", "2016-01"), ("agreement", "2022-11-17"), ("meeting", "2022-11-17")]),
        ("The ministers met in Singapore on Thursday.\nThey signed a joint statement on "
         "preventing a recurrence of a 2018 radar dispute.",
         [("agreement", "2022-11-17"), ("meeting", "2022-11-17")]),
        ("They recalled the 2018 Singapore summit.",
         [("meeting", "2018-01")]),
        ("The allies held their third meeting in June and adopted guidelines on nuclear "
         "deterrence in July.",
         [("agreement", "2022-07"), ("meeting", "2022-06")]),
        ("North Korea tested its solid-fuel Hwasong-18 ICBM on Nov. 14.",
         [("launch", "2022-11-14")]),
        ("On May 27, a military reconnaissance satellite exploded shortly after launch.",
         [("launch", "2022-05-27")]),
        ("The council last imposed sanctions on Pyongyang in December 2017.",
         [("agreement", "2017-12")]),
        ("North Korea sent 310 balloons toward the South on Sunday.\nIn response, South Korea "
         "resumed loudspeaker broadcasts along the border on Sunday.",
         [("other", "2022-11-13"), ("other", "2022-11-13")]),
        ("The UN Security Council held an emergency meeting on Monday.\nKim Yo Jong issued a "
         "statement Tuesday slamming the meeting as a gangster-like act.",
         [("meeting", "2022-11-14"), ("statement", "2022-11-15")]),
        ("KCNA on Tuesday denounced the talks as a provocation.", []),
        ("The leaders agreed on Thursday to strengthen ties.\nThe summit in Seoul was their "
         "12th meeting.",
         [("agreement", "2022-11-17"), ("meeting", "2022-11-17")]),
        ("The drill came a day after the North's Defense Ministry vowed tough counteraction in "
         "a statement released on Wednesday.",
         [("exercise", "2022-11-17"), ("statement", "2022-11-16")]),
    ],
    ids=["elliptical-launches", "streak", "first-launch-since", "since-when", "called-off",
         "later-the-same-day", "call-is-not-the-summit", "counter-fire", "hours-later-launch",
         "definite-mention-and-signing", "subordinate-no-date", "day-then-year",
         "air-drill-in-span",
         "parade-is-not-election", "new-clause-keeps-its-date", "appositive-keeps-its-date",
         "which-clause-keeps-its-date", "year-modifying-a-noun", "year-modifying-the-trigger",
         "adopted-guidelines", "tested-its-icbm", "exploded", "council-sanctions",
         "balloons-and-loudspeakers", "reaction-to-a-meeting", "reaction-only",
         "first-mention-opens-with-the", "statement-released-on"],
)  # fmt: skip
def test_event_classes(body: str, expected: list[tuple[str, str]]) -> None:
    assert rows(body) == expected


# --- names and actors -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "kind", "name", "actors", "place"),
    [
        ("North Korea fired a Hwasong-17 intercontinental ballistic missile on Friday.",
         "launch", "Hwasong-17 ICBM launch", ("North Korea",), None),
        ("South Korea's military said North Korea fired two short-range ballistic missiles on "
         "Monday.", "launch", "North Korean SRBM launch", ("North Korea",), None),
        ("Officials said the 54th Security Consultative Meeting was held at the Pentagon on "
         "Nov. 3.",
         "meeting", "54th Security Consultative Meeting", (), "the Pentagon"),
        ("The first meeting of the Counter-Missile Working Group was held in Seoul on Friday.",
         "meeting", "first meeting of the Counter-Missile Working Group", (), "Seoul"),
        ("President Yoon Suk Yeol, President Joe Biden and Prime Minister Fumio Kishida held a "
         "trilateral summit in Phnom Penh on Sunday.", "meeting",
         "Yoon-Biden-Kishida trilateral summit", ("South Korea", "United States", "Japan"),
         "Phnom Penh"),
        ("The UN Security Council held an emergency meeting on Monday.",
         "meeting", "UN Security Council emergency meeting", ("UN Security Council",), None),
        ("The three leaders issued a joint statement on Sunday condemning North Korea.",
         "statement", "joint statement", (), None),
        ("Seoul and Washington agreed on Friday to establish the working group.",
         "agreement", "agreement to establish the working group",
         ("South Korea", "United States"), None),
        ("Kim Yo Jong issued a statement on Sunday warning Seoul.",
         "statement", "Kim Yo Jong statement", ("North Korea",), None),
        ("The envoy warned of countermeasures to the summit of the leaders of South Korea, the "
         "United States and Japan in Phnom Penh on Sunday.", "meeting",
         "South Korea-US-Japan Phnom Penh summit", ("South Korea", "United States", "Japan"),
         "Phnom Penh"),
        ("The United States, South Korea and Japan on Thursday began their first exercise, a "
         "show of force against North Korea that drew a warning from Pyongyang.", "exercise",
         "US-South Korea-Japan first exercise (start)", ("United States", "South Korea", "Japan"),
         None),
        ("The Freedom Edge exercise ends on Saturday.", "exercise",
         "Freedom Edge exercise (end)", (), None),
        ("The drills ended on Friday, days after the leaders signed a pact in Pyongyang.",
         "exercise", "drill (end)", (), None),
        ("The security advisers of South Korea and Japan held a phone call on Friday and "
         "condemned the launch as a violation of U.N. Security Council resolutions.",
         "meeting", "South Korea-Japan phone call", ("South Korea", "Japan"), None),
        ("Yoon held a bilateral summit with Chinese President Xi Jinping on Saturday.",
         "meeting", "Yoon-Xi bilateral summit", ("South Korea", "China"), None),
    ],
    ids=["missile-designation", "launcher-not-source", "ordinal-proper-name", "meeting-of-body",
         "leaders-summit", "council-meeting", "joint-statement", "agreement-to", "speaker",
         "participants-after-of", "appositive-parties", "name-after-the", "place-after-after",
         "link-word-of-a-later-clause", "summit-with"],
)  # fmt: skip
def test_names_actors_places(
    body: str, kind: str, name: str, actors: tuple[str, ...], place: str | None
) -> None:
    (event,) = [e for e in events_of(body) if e.type == kind]
    assert (event.name, event.actors, event.location) == (name, actors, place)
    assert len(event.name) <= 60


def test_side_label_survives_a_merge() -> None:
    body = (
        "Bombers fly during the Vigilant Storm exercise on Nov. 4.\n"
        "The allies began Vigilant Storm on Oct. 31 and ended it on Nov. 4."
    )
    names = sorted(e.name for e in events_of(body))
    assert names == ["Vigilant Storm (end)", "Vigilant Storm (start)"]


SPANS = [
    (
        "The allies plan to hold the Freedom Shield exercise from March 13 to 23.",
        [
            ("2023-03-13", "Freedom Shield exercise (start)"),
            ("2023-03-23", "Freedom Shield exercise (end)"),
        ],
    ),
    (
        "The session of the assembly ran from Jan. 15 to 16.",
        [
            ("2023-01-15", "session (start)"),
            ("2023-01-16", "session (end)"),
        ],
    ),
    (
        "The drill was held from Jan. 30 to Feb. 2.",
        [("2023-01-30", "drill (start)"), ("2023-02-02", "drill (end)")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), SPANS, ids=["to-day", "ran-from-to", "to-month-day"])
def test_a_span_from_one_date_to_another_gives_start_and_end(
    body: str, expected: list[tuple[str, str]]
) -> None:
    published = datetime.fromisoformat("2023-01-10T10:00:00+09:00")
    found = [(e.start.isoformat(), e.name) for e in events_of(body, published)]
    assert found == expected


CLAUSES = [
    (
        "Her statement came hours after North Korea fired two short-range ballistic missiles "
        "into the East Sea, two days after it launched a Hwasong-15 ICBM on Saturday.",
        [
            ("launch", "2023-02-20", "North Korean SRBM launch", "the East Sea"),
            ("launch", "2023-02-18", "Hwasong-15 ICBM launch", None),
        ],
    ),
    (
        "The two leaders held a summit in Singapore on Feb. 12, where they signed a pledge.",
        [
            ("meeting", "2023-02-12", "Singapore summit", "Singapore"),
            ("agreement", "2023-02-12", "pledge", "Singapore"),
        ],
    ),
    (
        "Kim Yo Jong warned Monday that the North will respond to joint air drills by the allies.",
        [],
    ),
    (
        "The North fired short-range ballistic missiles on Jan. 5 and tested its Hwasong-19 "
        "ICBM on Jan. 2.",
        [
            ("launch", "2023-01-05", "North Korean SRBM launch", None),
            ("launch", "2023-01-02", "Hwasong-19 ICBM launch", None),
        ],
    ),
    (
        "North Korea fired two missiles on Feb. 5, hours before the US election, and launched "
        "its Hwasong-19 ICBM on Feb. 1.",
        [
            ("launch", "2023-02-05", "North Korean missile launch", None),
            ("other", "2023-02-05", "US election", None),
            ("launch", "2023-02-01", "Hwasong-19 ICBM launch", None),
        ],
    ),
    (
        "The leaders held a summit in Seoul on Feb. 12 and agreed to share missile data.",
        [
            ("meeting", "2023-02-12", "Seoul summit", "Seoul"),
            ("agreement", "2023-02-12", "agreement to share missile data", "Seoul"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("body", "expected"),
    CLAUSES,
    ids=[
        "relative-date-dates-the-head",
        "where-clause",
        "warned",
        "and-verb-own-date",
        "and-launched",
        "and-verb",
    ],
)
def test_a_clause_keeps_its_own_date_weapon_and_place(
    body: str, expected: list[tuple[str, str, str, str | None]]
) -> None:
    published = datetime.fromisoformat("2023-02-20T16:12:00+09:00")
    found = [(e.type, e.start.isoformat(), e.name, e.location) for e in events_of(body, published)]
    assert found == expected


DRILL_ROWS = [
    (
        "The allies wrapped up their 11-day Ulchi Freedom Shield summer exercise on Thursday.",
        [("exercise", "2023-08-31", "Ulchi Freedom Shield exercise (end)")],
    ),
    (
        "The exercise involved 30 field training drills, up from 13 last year.",
        [],
    ),
    (
        "The allies staged 12 joint drills in August, compared with 20 in July.",
        [],
    ),
]


@pytest.mark.parametrize(
    ("body", "expected"), DRILL_ROWS, ids=["named-through-season-word", "counted", "compared"]
)
def test_drill_rows(body: str, expected: list[tuple[str, str, str]]) -> None:
    published = datetime.fromisoformat("2023-08-31T18:20:00+09:00")
    found = [(e.type, e.start.isoformat(), e.name) for e in events_of(body, published)]
    assert found == expected


def test_reported_content_after_a_dated_statement_takes_no_date() -> None:
    body = (
        "North Korea's defense ministry said in a statement carried by KCNA on Monday "
        'that the drills were "an open declaration of war."'
    )
    published = datetime.fromisoformat("2023-08-31T18:20:00+09:00")
    found = [(e.type, e.start.isoformat(), e.actors) for e in events_of(body, published)]
    assert found == [("statement", "2023-08-28", ("North Korea",))]


def test_a_satellite_put_into_orbit_is_its_own_launch() -> None:
    body = (
        "North Korea launched two short-range ballistic missiles on Aug. 30 and attempted "
        "to put a spy satellite into orbit on Aug. 24, which failed."
    )
    published = datetime.fromisoformat("2023-08-31T18:20:00+09:00")
    found = [(e.type, e.start.isoformat(), e.name) for e in events_of(body, published)]
    assert found == [
        ("launch", "2023-08-30", "North Korean SRBM launch"),
        ("launch", "2023-08-24", "North Korean satellite launch"),
    ]


ANTECEDENTS = [
    (
        "The allies wrapped up their Ulchi Freedom Shield exercise on Thursday.\n"
        "The exercise, which began on Aug. 21, involved 58,000 troops.",
        ["Ulchi Freedom Shield exercise (end)", "Ulchi Freedom Shield exercise (start)"],
    ),
    (
        "The allies wrapped up their Ulchi Freedom Shield exercise on Thursday.\n"
        "Japan held a separate drill on Aug. 21.",
        ["Ulchi Freedom Shield exercise (end)", "Japanese drill"],
    ),
    (
        "The allies began their Ulchi Freedom Shield exercise on Aug. 22.\n"
        "The first phase, through Friday, is defensive.",
        ["Ulchi Freedom Shield exercise (start)", "first phase (end)"],
    ),
    (
        "The allies wrapped up their Ulchi Freedom Shield exercise on Thursday.\n"
        "The 11-day summertime exercise began Aug. 21.",
        ["Ulchi Freedom Shield exercise (end)", "Ulchi Freedom Shield exercise (start)"],
    ),
]


@pytest.mark.parametrize(
    ("body", "names"), ANTECEDENTS, ids=["definite", "indefinite", "phase", "season-word"]
)
def test_a_definite_mention_takes_the_name_of_its_antecedent(body: str, names: list[str]) -> None:
    published = datetime.fromisoformat("2023-08-31T18:20:00+09:00")
    assert [e.name for e in events_of(body, published)] == names


NAMED_ROWS = [
    (
        "Kim presided over an enlarged plenary meeting of the party's Central Committee, "
        "which ended on Monday.",
        ("meeting", "enlarged plenary meeting of the party's Central Committee (end)", ()),
    ),
    (
        "The two Koreas signed a military tension reduction pact on Sept. 19, 2018.",
        ("agreement", "military tension reduction pact", ()),
    ),
    (
        'The leaders signed a "comprehensive strategic partnership" treaty on Feb. 14.',
        ("agreement", "comprehensive strategic partnership treaty", ()),
    ),
    (
        "North Korea fired 60 rounds on Feb. 14, near two South Korean border islands.",
        ("other", "North Korean artillery fire", ("North Korea",)),
    ),
]


@pytest.mark.parametrize(
    ("body", "row"), NAMED_ROWS, ids=["party-body", "pact", "quoted-treaty", "firing-party"]
)
def test_names_and_acting_party(body: str, row: tuple[str, str, tuple[str, ...]]) -> None:
    published = datetime.fromisoformat("2023-02-20T16:12:00+09:00")
    (event,) = events_of(body, published)
    assert (event.type, event.name, event.actors) == row


WEAK_MENTIONS = [
    (
        "The ministers issued a statement on Friday condemning North Korea's launch of an "
        "ICBM on Thursday.",
        [("launch", "2022-11-17")],
    ),
    (
        "Pyongyang declared the pact void after Seoul suspended it in response to the "
        "North's spy satellite launch on Nov. 21.",
        [("launch", "2022-11-21")],
    ),
    ("The UN Security Council is scheduled to discuss the launch on Monday.", []),
    (
        "North Korea fired an ICBM on Friday, its first ICBM launch in a month.",
        [("launch", "2022-11-18")],
    ),
]


@pytest.mark.parametrize(
    ("body", "rows"), WEAK_MENTIONS, ids=["launch-of-what", "own-event", "reference", "repeat"]
)
def test_a_weak_launch_mention_is_an_event_only_beside_other_types(
    body: str, rows: list[tuple[str, str]]
) -> None:
    assert [(e.type, e.start.isoformat()) for e in events_of(body) if e.type == "launch"] == rows


COUNCIL_ROWS = [
    (
        "Russia on Thursday vetoed the renewal of the sanctions panel.\n"
        "Thirteen of the 15 Security Council members voted in favor of the draft resolution, "
        "which would have extended the panel's mandate until April 30, 2025.",
        [("meeting", "2022-11-17")],
    ),
    (
        "The council voted on Thursday to impose new sanctions.\n"
        "It first imposed sanctions in response to its five nuclear tests.",
        [("agreement", "2022-11-17")],
    ),
]


@pytest.mark.parametrize(("body", "rows"), COUNCIL_ROWS, ids=["vetoed", "counted-tests"])
def test_council_votes(body: str, rows: list[tuple[str, str]]) -> None:
    assert [(e.type, e.start.isoformat()) for e in events_of(body)] == rows


NAMES_MORE = [
    (
        "South Korea and the United States held the inaugural meeting of the Nuclear "
        "Consultative Group in Seoul on Tuesday.",
        ("meeting", "inaugural meeting of the Nuclear Consultative Group"),
    ),
    (
        "The leaders agreed to set up the body in the Washington Declaration on April 26.",
        ("agreement", "agreement to set up the body"),
    ),
    (  # five words at most
        "The allies agreed on Friday to share real-time missile warning data quickly with Japan.",
        ("agreement", "agreement to share real-time missile warning data"),
    ),
    (
        "Hours after the meeting, the USS Kentucky arrived at the port of Busan on Tuesday.",
        ("other", "USS Kentucky arrival"),
    ),
    (
        "The U.S. aircraft carrier Ronald Reagan arrived in Busan on Tuesday.",
        ("other", "Ronald Reagan arrival"),
    ),
    (
        "President Yoon convened a National Security Council meeting on Tuesday.",
        ("meeting", "National Security Council meeting"),
    ),
    (
        "President Yoon presided over an emergency meeting of the National Security Council "
        "on Tuesday.",
        ("meeting", "emergency meeting of the National Security Council"),
    ),
    (
        "The allies held the fourth meeting of their Nuclear Consultative Group on Tuesday.",
        ("meeting", "fourth meeting of the Nuclear Consultative Group"),
    ),
    (
        "The allies staged their Freedom Edge trilateral exercise on Tuesday.",
        ("exercise", "Freedom Edge exercise"),
    ),
]


@pytest.mark.parametrize(
    ("body", "row"),
    NAMES_MORE,
    ids=[
        "held-the",
        "agreed-to-set-up",
        "agreed-to-five-words",
        "uss",
        "carrier",
        "verb-object-name",
        "verb-object-of",
        "of-their-body",
        "format-word-gap",
    ],
)
def test_more_names(body: str, row: tuple[str, str]) -> None:
    published = datetime.fromisoformat("2023-07-19T09:00:00+09:00")
    assert [(e.type, e.name) for e in events_of(body, published) if e.type == row[0]] == [row]


def test_an_engine_ground_test_and_its_anaphor_are_no_launch() -> None:
    body = (
        "Kim Jong Un oversaw a ground test of a solid-fuel engine for a new missile, "
        "state media reported Wednesday.\n"
        "The test, held Tuesday at the Sohae Satellite Launching Ground, was a success."
    )
    published = datetime.fromisoformat("2024-03-20T08:41:00+09:00")
    found = [(e.type, e.start.isoformat(), e.name) for e in events_of(body, published)]
    assert found == [("other", "2024-03-19", "engine test")]


def test_a_clock_time_is_on_the_publication_day_not_the_latest_background_day() -> None:
    body = (
        "North Korea fired a ballistic missile on Monday morning, a day after it launched a "
        "short-range ballistic missile late Sunday.\n"
        "Prime Minister Fumio Kishida convened a meeting of the National Security Council "
        "in the afternoon."
    )
    published = datetime.fromisoformat("2023-12-18T10:53:00+09:00")
    meetings = [e.start.isoformat() for e in events_of(body, published) if e.type == "meeting"]
    assert meetings == ["2023-12-18"]


FREEDOM_EDGE = (
    "South Korea, the United States and Japan kicked off their first trilateral exercise, "
    "Freedom Edge, on Thursday.\n"
    "The three-day drills, running through Saturday, involve an aircraft carrier.\n"
    "North Korea on Wednesday fired a missile, claiming the next day that it had tested "
    "a new technology.\n"
    "Pyongyang's foreign ministry on Friday slammed the drills."
)


def test_a_drill_named_across_commas_and_by_its_definite_mention() -> None:
    published = datetime.fromisoformat("2024-06-27T15:20:00+09:00")
    found = [(e.type, e.start.isoformat(), e.name) for e in events_of(FREEDOM_EDGE, published)]
    assert found == [
        ("exercise", "2024-06-27", "Freedom Edge (start)"),
        ("exercise", "2024-06-29", "Freedom Edge (end)"),
        ("launch", "2024-06-26", "North Korean missile launch"),
    ]


def test_an_incident_given_two_dates_has_a_start_and_an_end() -> None:
    body = (
        "The North jammed GPS signals near the islands from Nov. 1 to Nov. 3.\n"
        "The North fired artillery shells on Nov. 4, days after the drills ended."
    )
    assert [(e.name, e.start.isoformat()) for e in events_of(body)] == [
        ("North Korean GPS jamming (start)", "2022-11-01"),
        ("North Korean GPS jamming (end)", "2022-11-03"),
        ("North Korean artillery fire", "2022-11-04"),
    ]


def test_a_coordinated_launch_verb_shares_the_sentence_subject() -> None:
    body = (
        "North Korea fired two missiles on Nov. 5, hours before the US election, and launched "
        "its Hwasong-19 ICBM on Oct. 31."
    )
    launches = [e for e in events_of(body) if e.type == "launch"]
    assert [e.actors for e in launches] == [("North Korea",), ("North Korea",)]


def test_earlier_in_the_day_is_the_news_day_not_the_background_day() -> None:
    body = (
        "North Korea fired a ballistic missile on Friday.\n"
        "It came two months after it fired seven missiles on Sept. 5.\n"
        "Blinken met Foreign Minister Cho Tae-yul earlier in the day."
    )
    rows = [(e.type, e.start.isoformat(), e.name) for e in events_of(body)]
    assert rows == [
        ("launch", "2022-11-18", "North Korean ballistic missile launch"),
        ("launch", "2022-09-05", "missile launch"),
        ("meeting", "2022-11-18", "Blinken-Cho Tae-yul meeting"),
    ]


def test_a_sentence_dated_too_coarsely_inherits_no_day() -> None:
    body = (
        "The allies began a drill on Thursday.\n"
        "Earlier this week, North Korea flew hundreds of balloons across the border.\n"
        "The council imposed sanctions in December 2017, following the launch of a "
        "Hwasong-15 on Nov. 29 that year."
    )
    rows = [(e.type, e.start.isoformat()) for e in events_of(body)]
    assert rows == [
        ("exercise", "2022-11-17"),
        ("agreement", "2017-12-01"),
        ("launch", "2017-11-29"),
    ]


def test_no_sentences_no_events() -> None:
    assert find_events("", [], [], published=datetime(2022, 11, 18)) == []  # noqa: DTZ001


@pytest.mark.parametrize(
    "body",
    [
        "North Korea fired a missile on Friday.",
        "The talks were held. They agreed on Monday to meet again.",
        "Seoul said it staged the drill. It ended Sunday. The allies then held talks.",
    ],
)
def test_triggers_given_or_found_alike(body: str) -> None:
    sentences = split_sentences(body)
    published = datetime(2022, 11, 18)  # noqa: DTZ001
    timexes = find_dates(body, published=published)
    found = sentence_triggers(sentences)
    assert len(found) == len(sentences)
    assert [t.text for ts in found for t in ts]  # every body here has a trigger
    given_ = find_events(body, sentences, timexes, published=published, triggers=found)
    assert given_ == find_events(body, sentences, timexes, published=published)
    facts = sentence_facts(sentences, found)
    assert [f is not None for f in facts] == [bool(ts) for ts in found]
    read_facts([f for f in facts if f is not None])
    kept = find_events(body, sentences, timexes, published=published, triggers=found, facts=facts)
    assert kept == given_
