"""Direction of under-specified dates: which year a month-day means, which week a weekday
means, from the publication day and the sentence's tense."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Final

from herald_timeline import timex_calendar as cal
from herald_timeline.timex_calendar import Point
from herald_timeline.timex_core import Context, last_date
from herald_timeline.timex_rules import Hit

#: a month-day against the sentence's tense may still be meant when it is this near: news
#: names the year of a day that is not ("Jan. 14" in a January article is rarely last
#: year's), and tense cues misread more often than that
DAY_SLACK: Final = 31


#: the sentence's tense, asked only when the answer depends on it (finding it is costly)
Tense = Callable[[], str | None]


def pick(candidates: list[Point], ref: date, tense: Tense, slack: int | None = None) -> Point:
    """The candidate period the sentence means: the one nearest the reference day among
    those consistent with the tense (past: started; future: not ended) or, given
    ``slack``, within that many days of it."""
    nearest = _pick(candidates, ref, None, slack)
    # the nearest of all is the answer whatever the tense when every tense allows it: it
    # holds the reference day, or lies within the slack
    if nearest.start <= ref <= nearest.end or _slack_allows(nearest, ref, slack):
        return nearest
    return _pick(candidates, ref, tense(), slack)


def _slack_allows(p: Point, ref: date, slack: int | None) -> bool:
    """Whether ``p`` is near enough to ``ref`` to win against the tense: within the slack
    and in the same year ("fired on Jan. 5" in a Dec. 31 article is that January's)."""
    return slack is not None and _gap(p, ref) <= slack and p.start.year == ref.year


def _gap(p: Point, ref: date) -> int:
    if p.start <= ref <= p.end:
        return 0
    return (p.start - ref).days if p.start > ref else (ref - p.end).days


def _pick(candidates: list[Point], ref: date, tense: str | None, slack: int | None) -> Point:
    def consistent(p: Point) -> bool:
        if tense == "past":
            return p.start <= ref
        if tense == "future":
            return p.end >= ref
        return True

    def distance(p: Point) -> tuple[int, int]:
        gap = _gap(p, ref)
        allowed = consistent(p) or _slack_allows(p, ref, slack)
        return (gap + (0 if allowed else 10**6), 1 if p.start > ref else 0)

    return min(candidates, key=distance)


def yearly(
    ref: date, build: Callable[[int], Point | None], tense: Tense, slack: int | None = None
) -> Point | None:
    candidates = [p for y in (ref.year - 1, ref.year, ref.year + 1) if (p := build(y))]
    return pick(candidates, ref, tense, slack) if candidates else None


def weekday_point(weekday: int, ctx: Context, hit: Hit, rel: str) -> tuple[Point | None, str]:
    """The day a weekday name means, and the anchor it was resolved against."""
    if rel in ("previous", "following") or (
        rel == "next" and hit.match.group(0).lower().startswith("the")
    ):
        base = last_date(ctx, hit.start)
        if base is not None and base.start is not None:
            day = base.start
            if rel == "previous":
                back = (day.isoweekday() - weekday - 1) % 7 + 1
                return cal.on_day(day - timedelta(days=back)), "event"
            ahead = (weekday - day.isoweekday() - 1) % 7 + 1
            return cal.on_day(day + timedelta(days=ahead)), "event"
    if ctx.ref is None:
        return None, "unresolved"
    ref = ctx.ref
    back = (ref.isoweekday() - weekday) % 7  # 0 when published that weekday
    ahead = (weekday - ref.isoweekday()) % 7
    if rel in ("last", "past", "previous"):
        return cal.on_day(ref - timedelta(days=back or 7)), "published"
    if rel in ("next", "coming", "following"):
        return cal.on_day(ref + timedelta(days=ahead or 7)), "published"
    if ahead == back:  # published that weekday: the same day either way
        return cal.on_day(ref), "published"
    # "Friday's launch" names a known event whatever the verb does; news reports the past
    possessive = ctx.text.startswith(("'s", "’s"), hit.end)
    tense = None if possessive else ctx.tense(hit.start, hit.end)
    # "will meet on Monday", "through Friday": ahead; "had agreed to meet on Friday": the
    # nearer one; otherwise news reports the past
    if tense in ("future", "deadline") or (tense == "open" and ahead <= back):
        return cal.on_day(ref + timedelta(days=ahead)), "published"
    return cal.on_day(ref - timedelta(days=back)), "published"
