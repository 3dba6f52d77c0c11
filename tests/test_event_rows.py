"""Whole short articles -> the event rows they must give (type, day or month), and the
names a row must carry: nuclear tests, calls of one day, resolutions by number, relation
phrases after a dated clause, live-fire missile drills."""

from __future__ import annotations

from datetime import datetime

import pytest

from herald_timeline.dates import find_dates
from herald_timeline.events import Event, find_events
from herald_timeline.text import split_sentences

PUBLISHED = datetime.fromisoformat("2017-09-03T18:20:00+09:00")


def events_of(body: str) -> list[Event]:
    timexes = find_dates(body, published=PUBLISHED, tz="Asia/Seoul")
    return find_events(body, split_sentences(body), timexes, published=PUBLISHED)


def rows(body: str) -> list[tuple[str, str]]:
    return sorted(
        (e.type, e.start.isoformat() if e.precision == "day" else e.start.isoformat()[:7])
        for e in events_of(body)
    )


ROWS = [
    # a nuclear test claimed as a bomb for an ICBM is no missile launch
    ("North Korea conducted its sixth nuclear test on Sunday, claiming it tested a hydrogen "
     "bomb that can be mounted on an intercontinental ballistic missile.",
     [("other", "2017-09-03")]),
    # "the fifth test" in a sentence about the blast is the earlier nuclear test
    ("The explosion was about five times more powerful than the fifth test in September "
     "last year.",
     [("other", "2016-09")]),
    ("The test of the new ICBM was held on Friday.", [("launch", "2017-09-01")]),
    # two calls of one day with different pairs of leaders are two rows
    ("Moon and Trump held a phone conversation on Sunday.\n"
     "Japanese Prime Minister Shinzo Abe also talked with Trump by phone twice on Sunday.",
     [("meeting", "2017-09-03"), ("meeting", "2017-09-03")]),
    ("The two ministers spoke over the phone on Friday.", [("meeting", "2017-09-01")]),
    # a resolution adopted by its number
    ("The U.N. Security Council adopted Resolution 2371 on Aug. 5.", [("agreement", "2017-08-05")]),
    ("Resolution 2375, unanimously adopted on Sept. 11, capped oil imports.",
     [("agreement", "2017-09-11")]),
    # "about a month after <X>" after a clause with its own date dates neither that clause
    # (no second launch) nor X (which has its own date)
    ("The test came five days after the North fired a Hwasong-12 missile over Japan on "
     "Aug. 29, and about a month after the U.N. Security Council adopted Resolution 2371 "
     "on Aug. 5.",
     [("agreement", "2017-08-05"), ("launch", "2017-08-29")]),
    # an allied live-fire drill with missiles fires them
    ("South Korea's military will conduct a live-fire drill involving F-15K fighters and "
     "Hyunmoo missiles early Monday, officials said.",
     [("launch", "2017-09-04")]),
    ("The marines held a live-fire drill with artillery and tanks on Friday.",
     [("exercise", "2017-09-01")]),
    # a meeting dated "hours after" a docking is not Yoon's other meeting of the day before
    ("The submarine docked at Busan on Saturday, hours after South Korea and the U.S. held "
     "the inaugural meeting of their Nuclear Consultative Group in Seoul.\n"
     "Yoon presided over an emergency meeting on heavy rain damage on Friday.",
     [("meeting", "2017-09-01"), ("meeting", "2017-09-02")]),
    # failed launches, plural, each with its month
    ("It was the North's third attempt this year, after two failed launches in May and August.",
     [("launch", "2017-05"), ("launch", "2017-08")]),
    # a satellite named in an appositive before "into orbit"
    ("North Korea put its first spy satellite, the Malligyong-1, into orbit on Aug. 21.",
     [("launch", "2017-08-21")]),
    # a notified launch window is no launch ("launch a satellite": a verb, not a mention)
    ("Pyongyang had notified Japan's coast guard that it would launch a satellite between "
     "Sept. 5 and Sept. 9.",
     []),
    # an agreement "signed during" a dated summit shares its day (the attributive year
    # dates neither)
    ("The 2016 agreement, signed during a summit in Pyongyang on Sept. 19, 2016, was aimed "
     "at reducing tensions.",
     [("agreement", "2016-09-19"), ("meeting", "2016-09-19")]),
    # a building blown up; an office opened; leaflets launched; lines cut off
    ("North Korea demolished the inter-Korean joint liaison office in Kaesong on Tuesday.",
     [("other", "2017-08-29")]),
    ("The office had opened in September 2016 following the first summit at Panmunjom in "
     "April that year.",
     [("establishment", "2016-09"), ("meeting", "2016-04")]),
    ("Some 500,000 leaflets were launched by balloon from Gimpo on Aug. 31.",
     [("other", "2017-08-31")]),
    ("The North had cut off all communication lines with the South on Aug. 9.",
     [("other", "2017-08-09")]),
    # an agreement "adopted in" a year after its noun
    ("The inter-Korean military agreement, adopted in Pyongyang in 2016, bans hostile acts.",
     [("agreement", "2016-01")]),  # (a year row starts on Jan. 1)
    # a joint decision to extend a drill is an agreement; the drill it names is no new one
    ("On Thursday, the allies decided to extend the exercise by a day.",
     [("agreement", "2017-08-31")]),
    # a drill named beside its start and end is that drill, not a third row
    ("North Korea fired at least 23 missiles on Friday.\n"
     "The provocations came as the allies were staging Vigilant Storm, a combined air "
     "exercise that began on Monday and is set to run through Friday.",
     [("exercise", "2017-08-28"), ("exercise", "2017-09-08"), ("launch", "2017-09-01")]),
    # a missile's test beside its engines is no engine test
    ("The test of the Hwasong-16B on Friday was aimed at verifying its multi-stage engines.",
     [("launch", "2017-09-01")]),
    # a reaction made in a joint statement is a statement; "the launch" is what it is about
    ("North Korea fired an IRBM on Friday.\n"
     "Seoul, Washington and Tokyo strongly condemned the launch in a joint statement on "
     "Saturday.",
     [("launch", "2017-09-01"), ("statement", "2017-09-02")]),
    # a participle after the drill's date says what the drill fired, on that date (not
    # the day of what it answered)
    ("North Korea fired more than 60 rounds on Saturday.\n"
     "In response, the marines staged a live-fire drill on Friday afternoon, firing some 400 "
     "rounds from K9 howitzers.",
     [("other", "2017-09-01"), ("other", "2017-09-02")]),
    ("On Friday, the marines staged a drill, launching two Hyunmoo missiles.",
     [("launch", "2017-09-01")]),
    # an agreement dated in a relative clause, sanctions adopted, a pronoun ratified
    ("Seoul said it would not renew the pact, which was signed in November 2016.",
     [("agreement", "2016-11")]),
    ("The Security Council adopted its toughest sanctions in two decades in March.",
     [("agreement", "2017-03")]),
    # "two days later" after a date of the same sentence counts from that date
    ("Putin signed a law ratifying the treaty on Aug. 9, and Kim ratified it two days later.",
     [("agreement", "2017-08-09"), ("agreement", "2017-08-11")]),
    # a named drill with its head noun is one trigger (the name alone took the day before);
    # "It will run through" after it is the drill's end
    ("Yoon held a summit on Thursday.\n"
     "The allies began their Freedom Shield exercise, the largest in five years, on Monday. "
     "It will run through Sept. 14.",
     [("exercise", "2017-08-28"), ("exercise", "2017-09-14"), ("meeting", "2017-08-31")]),
    ("North Korea fired a missile on Monday. It will run through Sept. 14.",
     [("launch", "2017-08-28")]),
    # a summit at the end of a long lead shares its agreement's day, and "The summit came
    # hours after" then dates the launch
    ("Yoon and Kishida agreed Thursday to resume regular visits between their leaders and "
     "to fully normalize a military intelligence-sharing pact, as they held the first "
     "bilateral summit in 12 years.\n"
     "The summit came hours after North Korea fired a Hwasong-17 ICBM into the East Sea.",
     [("agreement", "2017-08-31"), ("launch", "2017-08-31"), ("meeting", "2017-08-31")]),
    # aircraft entering an air defense zone; drones sent across the border in response
    ("Five Chinese and six Russian military aircraft entered South Korea's air defense "
     "identification zone (KADIZ) on Friday.\n"
     "The aircraft entered and left the KADIZ over the East Sea, the JCS said, adding that "
     "they did not violate South Korea's airspace.\n"
     "It marked the first such incursion since June, when two Chinese and four Russian "
     "aircraft entered the zone.",
     [("other", "2017-06"), ("other", "2017-09-01")]),
    ("It was the first time North Korean drones had entered South Korean airspace since 2017.",
     []),
    ("Five North Korean drones crossed the border on Monday.\n"
     "In response, the South sent three surveillance drones across the border.",
     [("other", "2017-08-28"), ("other", "2017-08-28")]),
    # a missile "was first tested" on a day: its launch
    ("The launches included the Hwasong-18, which was first tested on April 13 and fired "
     "again on July 12.",
     [("launch", "2017-04-13"), ("launch", "2017-07-12")]),
    ("The engine was tested on Monday.", []),
    # a news conference after the report it gave ("<plans>, Biden said at ...") is of the
    # narrative's day: the plans' "will" is not its own
    ("Biden and Yoon held a summit on Friday.\n"
     "The allies will create a Nuclear Consultative Group, Biden said at a joint news "
     "conference in the Rose Garden.",
     [("meeting", "2017-09-01"), ("statement", "2017-09-01")]),
    # a leader's arrival after a sentence about a submarine is travel; the date of a
    # "who" clause is not the main clause's; "a joint meeting of Congress" is one meeting
    ("A U.S. nuclear-armed submarine will visit South Korea.\n"
     "Yoon, who arrived in Washington on Monday for a state visit, also addressed a joint "
     "meeting of Congress on Thursday.",
     [("meeting", "2017-08-31")]),
    # a law passed or adopted
    ("North Korea has passed a law declaring itself a nuclear weapons state.\n"
     "The law was adopted by the Supreme People's Assembly on Thursday, KCNA said.",
     [("agreement", "2017-08-31")]),
    # "eight months after" names a month; "The attack came ..." is the attack just told
    ("North Korea fired artillery at the island on Nov. 23, 2010.\n"
     "The attack came eight months after the North torpedoed the corvette Cheonan.",
     [("other", "2010-03"), ("other", "2010-11-23")]),
    ("The summit was held in Hanoi on Feb. 28.\n"
     "Two months after the summit, North Korea fired a missile.",
     [("launch", "2017-04"), ("meeting", "2017-02-28")]),
    # a response answers the launch, not the drill told in between, two sentences back
    ("North Korea fired at least 23 missiles on Friday.\n"
     "The launches came after the allies began a drill on Monday.\n"
     "One of the missiles landed near the sea border. Sirens sounded on Ulleung island.\n"
     "South Korea responded by launching three air-to-ground missiles.",
     [("exercise", "2017-08-28"), ("launch", "2017-09-01"), ("launch", "2017-09-01")]),
    # the date of a "which" clause about a verb's object is not the signing's; the
    # place of a test is no test
    ("The two ministers signed a military agreement on Saturday.\n"
     "They also signed the document, which calls for halting hostile acts from Nov. 1.\n"
     "Earlier in the day, the leaders signed a joint declaration, in which the North "
     "committed to dismantling its missile engine test site.",
     [("agreement", "2017-09-02"), ("agreement", "2017-09-02")]),
    # one document named twice with nouns of one kind is one agreement
    ("The two countries signed a defense pact on Saturday.\n"
     "The treaty was signed by the two ministers in Seoul on Saturday.",
     [("agreement", "2017-09-02")]),
    # a date right after a trigger, borrowed from the verb after "and", dates it before a
    # relation does
    ("North Korea fired two missiles on Friday.\n"
     "The launch came nearly a month after the leaders met at Panmunjom on Aug. 4 and "
     "agreed to resume talks.",
     [("agreement", "2017-08-04"), ("launch", "2017-09-01"), ("meeting", "2017-08-04")]),
    # a week between a day and a trigger dates the trigger's clause: no row
    ("North Korea fired a missile on Friday.\n"
     "The U.S. military on Friday ordered more patrols, and last week it held a drill "
     "with F-35 jets off the coast.",
     [("launch", "2017-09-01")]),
    # failed attempts on two days are two launches
    ("North Korea put a satellite into orbit on Friday, succeeding on its third attempt "
     "after failures on May 31 and Aug. 24.",
     [("launch", "2017-05-31"), ("launch", "2017-08-24"), ("launch", "2017-09-01")]),
    # a tally of events in a year is no event of that year; a comparison's year dates none
    ("The allies staged around 20 combined exercises in 2016, twice as many as in 2015.\n"
     "The Security Council held nine meetings on North Korea last year.",
     []),
    # "The parade came ... after" is the parade told; "At that meeting" is the meeting's day
    ("North Korea staged a military parade on Friday night.\n"
     "The parade came about two months after the North fired an ICBM on June 18 and a "
     "week after the defense chiefs met in Seoul on Aug. 25.\n"
     "At that meeting, the U.S. pledged to deploy more strategic assets.",
     [("agreement", "2017-08-25"), ("launch", "2017-06-18"), ("meeting", "2017-08-25"),
      ("other", "2017-09-01")]),
    # a date right after an undated trigger in its clause is its date, not the narrative's
    ("North Korea issued a statement on Saturday.\n"
     "The North last fired ballistic missiles on July 1, when it launched two missiles.",
     [("launch", "2017-07-01"), ("statement", "2017-09-02")]),
    # "Her statement came a day after" dates the start of a drill the clause gives an end
    ("In a statement carried by state media on Saturday, Kim Yo Jong said the North "
     "would respond.\n"
     "Her statement came a day after the allies kicked off their exercise, which runs "
     "through Sept. 8.",
     [("exercise", "2017-09-01"), ("exercise", "2017-09-08"), ("statement", "2017-09-02")]),
    # the dates of a count's list items date the launches past a "since" boundary
    ("North Korea has fired four missiles since April, including one on April 15 and two "
     "on April 28.",
     [("launch", "2017-04-15"), ("launch", "2017-04-28")]),
    # a date inside the subject names its event: "The 2015 agreement, signed during a
    # summit" is not signed on the day the sentence before told
    ("The Cabinet approved the plan at a meeting on Sunday, and the president signed it "
     "in the afternoon.\nThe 2015 agreement, signed during a summit between the two leaders "
     "in Seoul, banned drills near the border.",
     [("meeting", "2017-09-03")]),
    # what a pact bans and what a decision allows are no events
    ("The 2018 pact banned artillery drills and field maneuvers near the border.", []),
    ("The government on Sunday suspended the entire Sept. 19 military agreement, clearing "
     "the way for live-fire drills near the border.",
     []),
    # an emergency meeting answers the launch, not the statement told in between
    ("North Korea fired an ICBM on Sunday.\n"
     "On Friday, Kim Yo Jong warned in a statement that the North would act.\n"
     "President Moon convened an emergency meeting of the National Security Council.",
     [("launch", "2017-09-03"), ("meeting", "2017-09-03"), ("statement", "2017-09-01")]),
    # engines tested for a missile are an engine test, not a launch
    ("North Korea successfully tested engines for a new IRBM on Friday.",
     [("other", "2017-09-01")]),
    # a past-tense verb did not happen after publication: the later date is its object's
    ("The ministers held talks by phone on Friday.\n"
     "The two sides agreed to hold a summit in Seoul in November.",
     [("agreement", "2017-09-01"), ("meeting", "2017-09-01"), ("meeting", "2017-11")]),
    ("North Korea fired a missile on Sunday, and Japan agreed to hold talks in October.",
     [("launch", "2017-09-03"), ("meeting", "2017-10")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "expected"),
    ROWS,
    ids=["nuclear-test", "nuclear-anaphor", "missile-test", "two-calls", "spoke-by-phone",
         "resolution-number", "resolution-adopted-after", "relation-after-dated-clause",
         "live-fire-missiles", "live-fire-artillery", "hours-after-not-another-meeting",
         "failed-launches", "satellite-appositive", "launch-window", "signed-during-summit",
         "demolished", "office-opened-that-year", "leaflets", "lines-cut", "agreement-adopted-in",
         "decided-to-extend", "named-drill-in-its-span", "missile-test-beside-engines",
         "condemned-in-a-joint-statement", "drill-firing-participle",
         "drill-launching-participle", "pact-which-was-signed", "adopted-sanctions",
         "later-after-own-date", "named-drill-with-head-noun", "it-runs-through-not-a-launch",
         "summit-at-end-of-long-lead", "air-zone-entry", "had-entered-since-no-event",
         "drones-sent-across", "missile-was-first-tested", "engine-was-tested",
         "news-conference-after-report", "arrival-is-travel", "law-adopted",
         "months-after-attack", "months-after-summit", "response-answers-the-launch",
         "which-clause-of-an-object", "pact-and-treaty-one-document",
         "borrowed-date-before-relation", "week-dates-its-clause",
         "failed-attempts", "tally-of-a-year",
         "parade-anaphor-and-that-meeting", "date-in-own-clause", "relation-dates-the-start",
         "listed-launches-past-since", "date-in-subject-names-its-event",
         "banned-drills-no-event", "clearing-the-way-no-event",
         "emergency-meeting-answers-launch", "engines-tested-for-a-missile",
         "agreed-to-hold-later-meeting", "agreed-to-hold-after-a-launch"],
)  # fmt: skip
def test_article_rows(body: str, expected: list[tuple[str, str]]) -> None:
    assert rows(body) == expected


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Japanese Prime Minister Shinzo Abe talked with Trump by phone on Sunday.",
         "Abe-Trump phone call"),
        ("The explosion was five times more powerful than the fifth test in September last year.",
         "nuclear test"),
        ("Moon will attend the Group of 20 summit in Hamburg, which opens Friday.",
         "Hamburg summit (start)"),
        ("North Korea demolished the liaison office on Tuesday.", "North Korean demolition"),
        ("The North had cut off all communication lines with the South on Aug. 9.",
         "North Korean communication lines cut"),
        ("Five Chinese and six Russian military aircraft entered South Korea's air defense "
         "identification zone (KADIZ) on Friday.",
         "Chinese and Russian aircraft entry into KADIZ"),
        ("In response, the South sent three surveillance drones across the border on Monday.",
         "South Korean drone incursion"),
        ("The sinking of the Cheonan in March 2010 killed 46 sailors.", "Cheonan sinking"),
    ],
    ids=["phone-call", "nuclear-anaphor", "one-party-summit", "demolition", "lines-cut",
         "air-zone-entry", "drone-incursion", "sinking"],
)  # fmt: skip
def test_row_names(body: str, name: str) -> None:
    assert [e.name for e in events_of(body)] == [name]


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        # a city after "in" is where the group met, not its only party
        ("South Korea and the U.S. held the inaugural meeting of their Nuclear Consultative "
         "Group in Seoul on Friday.",
         ("South Korea", "United States")),
        # bare surnames of leaders
        ("Moon and Trump held a phone conversation on Sunday.", ("South Korea", "United States")),
        ("Abe talked with Trump by phone on Sunday.", ("Japan", "United States")),
        # a passive's agents are its parties
        ("The treaty was signed by Russian President Vladimir Putin and North Korean leader "
         "Kim Jong-un in Pyongyang on June 19.",
         ("Russia", "North Korea")),
    ],
    ids=["place-after-of", "moon", "abe", "signed-by"],
)  # fmt: skip
def test_row_actors(body: str, actors: tuple[str, ...]) -> None:
    assert [e.actors for e in events_of(body)] == [actors]


@pytest.mark.parametrize(
    ("body", "location"),
    [
        # a place in the attribution is the source's, not the call's
        ("Yun and Kerry condemned the launches in a phone call on Wednesday, the Foreign "
         "Ministry in Seoul said.",
         None),
        ("The two ministers met in Seoul on Wednesday, the ministry said.", "Seoul"),
    ],
    ids=["source-place", "place-before-source"],
)  # fmt: skip
def test_row_location(body: str, location: str | None) -> None:
    assert [e.location for e in events_of(body)] == [location]
