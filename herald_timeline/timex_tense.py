"""Tense around a temporal expression: does the sentence put it before or after publication?

The sentence is cut into lower-cased words once; cue phrases (``resources/time/tense_*.txt``)
are looked up word by word. The nearest cue wins; a cue after the expression counts as a
little further away ("On Friday, it said" still reads as past).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from herald_timeline import resources
from herald_timeline.timex_words import WORD, ascii_words, sentence_ends, split_words

# A sentence ends at terminal punctuation followed by a capital or quote, or at a newline
# (the definition: sentence_ends finds the same ends faster; tests compare them).
_BE: Final = frozenset({"be", "been", "being", "is", "are", "am", "'s", "was", "were"})
_TO_OR_THAT: Final = frozenset({"to", "that"})  # a decided act's object: what was decided
_WINDOW: Final = 200  # characters looked at on each side: bounded work per expression
_AFTER_PENALTY: Final = 3  # a cue after the expression counts as this many words further away


#: phrases by their last word, then grouped by length, longest first
_Phrases = dict[str, tuple[tuple[int, frozenset[tuple[str, ...]]], ...]]


@dataclass(frozen=True, slots=True)
class _Cues:
    future: _Phrases
    intent: _Phrases
    deadline: _Phrases
    past: frozenset[str]
    not_past: frozenset[str]
    extend: frozenset[str]
    reporting: frozenset[str]
    adjective: frozenset[str]
    present: frozenset[str]
    decided: frozenset[str]
    epistemic: frozenset[str]
    #: every word that can be a cue by itself or end a cue phrase: others are skipped fast
    words: frozenset[str]
    #: every last word of a future or intent phrase
    phrase_ends: frozenset[str]


def _phrases(name: str) -> _Phrases:
    """Phrases of a cue file, keyed by their last word (they are matched backwards), then
    by length: one tuple built per length, not one per phrase."""
    out: dict[str, dict[int, set[tuple[str, ...]]]] = {}
    for line in resources.lines(f"time/{name}"):
        words = tuple(line.lower().split())
        out.setdefault(words[-1], {}).setdefault(len(words), set()).add(words)
    return {
        last: tuple((n, frozenset(group)) for n, group in sorted(by_length.items(), reverse=True))
        for last, by_length in out.items()
    }


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    future, intent = _phrases("tense_future.txt"), _phrases("tense_intent.txt")
    past = frozenset(resources.lines("time/tense_past.txt"))
    present = frozenset(resources.lines("time/tense_present.txt"))
    return _Cues(
        future=future,
        intent=intent,
        deadline=_phrases("tense_deadline.txt"),
        past=past,
        not_past=frozenset(resources.lines("time/tense_not_past.txt")),
        extend=frozenset(resources.lines("time/tense_extend.txt")),
        reporting=frozenset(resources.lines("time/tense_reporting.txt")),
        adjective=frozenset(resources.lines("time/tense_adjective.txt")),
        present=present,
        decided=frozenset(resources.lines("time/tense_decided.txt")),
        epistemic=frozenset(resources.lines("time/tense_epistemic.txt")),
        words=frozenset(future) | frozenset(intent) | past | present,
        phrase_ends=frozenset(future) | frozenset(intent),
    )


def _ends_phrase(words: list[str], i: int, index: _Phrases) -> int:
    """Length of the longest phrase of ``index`` that ends at ``words[i]`` (0 if none)."""
    for n, phrases in index.get(words[i], ()):
        if n == 1 or (i + 1 >= n and tuple(words[i + 1 - n : i + 1]) in phrases):
            return n
    return 0


class _Cased:
    """The words of a stretch as written, cut only when a cue needs their case (rarely)."""

    __slots__ = ("_end", "_source", "_start", "_words")

    def __init__(self, source: Sentences, start: int, end: int) -> None:
        self._source, self._start, self._end = source, start, end
        self._words: list[str] | None = None

    def __getitem__(self, i: int) -> str:
        if self._words is None:
            self._words = self._source.cased_words(self._start, self._end)
        return self._words[i]


class Sentences:
    """Sentence spans of a text, found once; tense cues looked up around an expression."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends: list[int] | None = None
        self._plain: str | None = None  # lower-cased, see ascii_words
        self._cased = ""
        self._lower: str | None = None  # only for texts ascii_words cannot mirror

    @property
    def ends(self) -> list[int]:
        if self._ends is None:
            self._ends = sentence_ends(self.text)
        return self._ends

    def _prepare(self) -> None:
        plain = ascii_words(self.text)
        if plain is not None:
            self._plain, self._cased = plain.lower(), plain
            return
        text = self.text
        lower = text.lower().replace("’", "'")
        if len(lower) != len(text):  # a character whose lower case is longer: keep offsets
            lower = "".join(c.lower()[:1] for c in text).replace("’", "'")
        self._lower = lower

    def words(self, start: int, end: int) -> list[str]:
        """Lower-cased words of ``text[start:end]``."""
        if self._plain is None and self._lower is None:
            self._prepare()
        if self._plain is not None:
            return split_words(self._plain, start, end)
        assert self._lower is not None
        return WORD.findall(self._lower, start, end)

    def cased_words(self, start: int, end: int) -> list[str]:
        """The same words in their case as written (a curly apostrophe may come back
        straight: only the case of the words is read)."""
        if self._plain is not None:
            return split_words(self._cased, start, end)
        return WORD.findall(self.text, start, end)

    def around(self, pos: int) -> tuple[int, int]:
        ends = self.ends
        i = bisect.bisect_right(ends, pos)
        first = ends[i - 1] if i else 0
        last = ends[i] if i < len(ends) else len(self.text)
        return first, last

    def _aside(self, first: int, start: int, end: int) -> bool:
        """Whether the date closes a participle clause set off by commas ("the group,
        agreed upon by Yoon and Biden in April, will meet"): the verbs after the closing
        comma are the main clause's, not the date's."""
        return self.text.startswith(",", end) and bool(_ASIDE.search(self.text, first, start))

    def tense(self, start: int, end: int) -> str | None:
        """'past', 'future', None (no cue), 'deadline' (after "until", "by", "through" ...
        in a sentence that does not look ahead) or 'open' (after a past decision about
        the future: "had agreed to hold talks on Friday" may be either side of publication).
        A timeline entry ("Jan. 5: North Korea fires ...", headline present) with no cue
        looks back."""
        found = self._tense(start, end)
        if found is None and self.text.startswith(":", end) and _opens_line(self.text, start):
            return "past"
        return found

    def _tense(self, start: int, end: int) -> str | None:
        first, last = self.around(start)
        first, last = max(first, start - _WINDOW), min(last, end + _WINDOW)
        cues = _cues()
        vocabulary = cues.words
        words = self.words(first, start)
        cased = _Cased(self, first, start)
        best: tuple[int, str] | None = None
        for i in range(len(words) - 1, -1, -1):
            word = words[i]
            # _classify's first test inline (a call per word costs more than the lookup)
            if word not in vocabulary and (len(word) < 5 or word[-1] != "d" or word[-2] != "e"):
                continue
            if word in cues.decided and _TO_OR_THAT.isdisjoint(words[i + 1 :]):
                best = (len(words) - 1 - i, "past")  # "agreed in August to share data"
                break
            kind = _classify(words, cased, i, cues)
            if kind and word in cues.reporting and len(words) - 1 - i > 1 and not _medium(words, i):
                continue  # "said it is calling for the redemption on Dec. 7"
            if kind:
                best = (len(words) - 1 - i, "open" if kind == "intent" else kind)
                break
        if best is None or (best[0] > _AFTER_PENALTY and not self._aside(first, start, end)):
            later = self.words(end, last)
            best = _ahead(later, _Cased(self, end, last), cues, best)
        tense = best[1] if best and best[1] != "present" else None
        verb = _deadline(words, cues)
        if verb is None or tense in ("future", "open"):
            return tense
        if verb >= 0 and words[verb] in cues.extend:
            return "deadline"  # "postponed until Tuesday"
        if verb >= 0 and _classify(words, cased, verb, cues) == "past":
            return "past"  # "the drill ran through Friday"
        if _past_perfect(words, cues) or _past_perfect(self.words(end, last), cues):
            return "past"  # "had filed reports by Wednesday": done before it was reported
        return "deadline"


#: a participle clause set off by commas up to a date: ", agreed upon by Yoon and Biden in "
_ASIDE: Final = re.compile(r",\s+(?:\w+\s+)?\w+ed\b(?:(?!\bto\s)[^,;])*\Z")


#: what a report is made in, or to: "said in a statement on Monday", "told a news
#: conference on Tuesday", "told reporters on Friday" date the saying
_MEDIA: Final = frozenset(
    {"statement", "interview", "speech", "broadcast", "briefing", "release", "message",
     "commentary", "editorial", "dispatch", "post", "report", "conference", "reporters",
     "journalists", "lawmakers", "parliament", "hearing"}
)  # fmt: skip


def _medium(words: list[str], verb: int) -> bool:
    """Whether only "in a <medium>" ("at a news conference"; after "told", its audience)
    stands between a reporting verb and the date."""
    between = words[verb + 1 :]
    if between and between[-1] in ("on", "late", "early"):
        between = between[:-1]
    if not between or len(between) > 5 or between[-1] not in _MEDIA:
        return False
    return words[verb] == "told" or between[0] in ("in", "at")


def _opens_line(text: str, start: int) -> bool:
    """Whether only a bullet or white space stands before ``start`` on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t-–—•*")


#: words that may stand between "had" and its participle ("had not yet filed")
_PERFECT_GAP: Final = frozenset({"not", "never", "already", "yet", "just", "all", "also", "only"})
_RELATIVE: Final = frozenset({"which", "who", "that", "whom"})
#: participles that neither end in -ed nor are in the past-tense list
_PARTICIPLES: Final = frozenset(
    {"been", "done", "gone", "taken", "given", "seen", "begun", "known"}
)


def _past_perfect(words: list[str], cues: _Cues) -> bool:
    """Whether ``words`` hold a past perfect ("had filed", "had not been told"): a deadline
    it meets lies before the report ("had until Friday to respond" is no past perfect)."""
    for i, word in enumerate(words):
        if word not in ("had", "hadn't") or (i and words[i - 1] in _RELATIVE):
            continue  # "The sale, which had been expected, is ... by February": an aside
        j = i + 1
        while j < len(words) and words[j] in _PERFECT_GAP:
            j += 1
        if j < len(words):
            after = words[j]
            if (
                after in _PARTICIPLES
                or after in cues.past
                or (len(after) >= 5 and after.endswith("ed"))
            ):
                return True
    return False


def _ahead(
    words: list[str], cased: _Cased, cues: _Cues, best: tuple[int, str] | None
) -> tuple[int, str] | None:
    """The first cue after the expression, when nearer than ``best`` (counted with the
    penalty)."""
    limit = len(words) if best is None else best[0] - _AFTER_PENALTY
    n = len(words)
    vocabulary, ends = cues.words, cues.phrase_ends
    # _opens_phrase at i needs a phrase end among words i+1..i+3: the last one seen
    last_end = -1
    for j in (1, 2):
        if j < n and words[j] in ends:
            last_end = j
    lengths: dict[int, tuple[int, int]] = {}  # phrase end -> longest future, intent phrase
    for i in range(min(limit, n)):
        if i + 3 < n and words[i + 3] in ends:
            last_end = i + 3
        kind = _opens_phrase(words, i, cues, lengths) if last_end > i else None
        word = words[i]
        if not kind and (
            word in vocabulary or (len(word) > 4 and word[-1] == "d" and word[-2] == "e")
        ):
            kind = _classify(words, cased, i, cues)
            if kind and best is not None and word in cues.reporting:
                return best  # "will hold a meeting ... on Friday, diplomats said": the report
        if kind:
            return (i + _AFTER_PENALTY, "past" if kind == "intent" else kind)
    return best


def _opens_phrase(
    words: list[str], i: int, cues: _Cues, lengths: dict[int, tuple[int, int]]
) -> str | None:
    """'future' or 'intent' when such a phrase of several words starts at ``words[i]``
    (read forwards: "is expected to" is no present-tense "is"); ``lengths`` remembers the
    phrases found ending at each word (the next words ask again)."""
    for j in range(i + 1, min(i + 4, len(words))):
        if words[j] not in cues.phrase_ends:
            continue
        found = lengths.get(j)
        if found is None:
            found = lengths[j] = (
                _ends_phrase(words, j, cues.future),
                _ends_phrase(words, j, cues.intent),
            )
        if found[0] == j - i + 1 and not _believed(words, i, cues):
            return "future"
        if found[1] == j - i + 1:
            return "intent"
    return None


def _deadline(words: list[str], cues: _Cues) -> int | None:
    """When a deadline word ends ``words`` (an "on" may follow it): the index of the word
    before it (-1: none), else None."""
    i = len(words) - 1
    if i >= 0 and words[i] == "on":
        i -= 1
    if i < 0:
        return None
    n = _ends_phrase(words, i, cues.deadline)
    if not n:
        return None
    # "extended to Nov. 16" looks ahead; "ran through Friday" takes the verb's tense
    return i - n if n == 1 else -1


def _believed(words: list[str], start: int, cues: _Cues) -> bool:
    """Whether the phrase at ``start`` is "to ..." after a verb of belief ("believed to
    be"): no plan."""
    return words[start] == "to" and start > 0 and words[start - 1] in cues.epistemic


#: modals of possibility: future, unless a perfect follows ("may have")
_MODALS: Final = frozenset({"may", "might"})


def _classify(words: list[str], cased: _Cased, i: int, cues: _Cues) -> str | None:
    """The cue ``words[i]`` is: 'future', 'intent', 'past', 'present' or None."""
    word = words[i]
    if word not in cues.words and (len(word) < 5 or not word.endswith("ed")):
        return None  # most words: no cue, decided without looking at phrases
    n = _ends_phrase(words, i, cues.future)
    if n:
        if word in _MODALS:
            if not cased[i][:1].islower():
                return None  # "In May, ...": the month
            if words[i + 1 : i + 2] == ["have"]:
                return "past"  # "may have fired on Friday": a guess about the past
        return None if _believed(words, i + 1 - n, cues) else "future"
    if _ends_phrase(words, i, cues.intent):
        return "intent"
    if i and words[i - 1] in _BE and word not in _BE:
        return None  # "will be held", "is paid": the participle says nothing
    if word in cues.past:
        return "past"
    if word in cues.present:
        return "present"
    if (
        len(word) >= 5
        and word.endswith("ed")
        and word not in cues.not_past
        and cased[i][:1].islower()  # "Mohammed" is a name
        and (i == 0 or words[i - 1] not in cues.adjective)  # "the proposed merger"
        and (i + 1 == len(words) or words[i + 1] != "by")  # "followed by talks": participle
    ):
        return "past"
    return None
