"""Bytes to text: BOM, declared charset, UTF-8, Korean and Windows legacy encodings.

The rule is "the right text or a clear error": a document that does not decode cleanly under
any plausible encoding raises :class:`DecodeError` rather than coming back as mojibake.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Final, NamedTuple

from herald_timeline.errors import ArticleError


class DecodeError(ArticleError):
    """The bytes are not text in any encoding we can tell apart safely."""


class Decoded(NamedTuple):  # (a tuple: built without a frozen __init__'s setattr calls)
    text: str
    encoding: str
    declared: str | None


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# <meta charset=...>, <meta http-equiv content="...; charset=...">, <?xml encoding=...?>
_DECLARED: Final = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)

_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
)

# Characters a cp1252-encoded English news page plausibly contains beyond ASCII.
_CP1252_PLAUSIBLE: Final = re.compile(
    r"[\u00a0-\u00ff\u2010-\u2027\u2030-\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]"
)
_HANGUL: Final = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
# Bytes of a KS X 1001 (EUC-KR) two-byte character: the common core of cp949.
_KSX1001_PAIR: Final = re.compile(rb"[\xa1-\xfe][\xa1-\xfe]")
# UTF-8 read as cp1252/latin-1 and saved again: "â€™", "Ã©".
_MOJIBAKE: Final = re.compile(r"â€[™œ\x9d“”˜¦¢]|Ã[\x80-\xbf©¨«®¶¼]|ì[\x80-\xbf][\x80-\xbf]")


def _normalise_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


_LT: Final = ord("<")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first 4 KB, normalised, or None."""
    # the search tries every "<" (a byte-by-byte class test in C): most text has none
    # (find an int: bytes.__contains__ pays for a TypeError when given bytes)
    match = _DECLARED.search(data, 0, 4096) if data.find(_LT, 0, 4096) >= 0 else None
    if not match:
        return None
    raw = (match.group(1) or match.group(2)).decode("ascii", "replace")
    codec = _normalise_codec(raw)
    # Browsers read EUC-KR and ISO-8859-1 pages as their supersets; so do we.
    return _SUPERSETS.get(codec, codec) if codec else None


_SUPERSETS: Final = {
    "euc_kr": "cp949",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
}


def _looks_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit on one side of the byte pairs only.

    ASCII in UTF-16 has a NUL in every other byte; Hangul, kana and CJK have none, so
    Korean text shows NULs only where its spaces, digits and punctuation are.
    """
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    pairs = max(1, len(sample) // 2)
    if odd_nuls / pairs > 0.6 and even_nuls / pairs < 0.1:
        return "utf-16-le"
    if even_nuls / pairs > 0.6 and odd_nuls / pairs < 0.1:
        return "utf-16-be"
    # Mostly non-Latin text: fewer NULs, all on one side, and it must read as text.
    for codec, nuls, others in (
        ("utf-16-le", odd_nuls, even_nuls),
        ("utf-16-be", even_nuls, odd_nuls),
    ):
        if nuls >= 2 and others == 0 and len(data) % 2 == 0:
            text = _strict(sample[: len(sample) - len(sample) % 2], codec)
            if text is not None and _readable(text):
                return codec
    return None


_UNREADABLE: Final = {"Cc", "Cn", "Co", "Cs"}


def _readable(text: str) -> bool:
    """Nearly every character assigned and printable (random bytes decoded as UTF-16 are not)."""
    bad = sum(1 for c in text if c not in "\t\n\r" and unicodedata.category(c) in _UNREADABLE)
    return bad <= len(text) // 100


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _korean_share(data: bytes) -> float:
    """Share of non-ASCII bytes that form KS X 1001 pairs (1.0 for clean EUC-KR text)."""
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if not high:
        return 0.0
    return 2 * len(_KSX1001_PAIR.findall(data)) / high


_HIGH_BYTES: Final = bytes(range(0x80, 0x100))


def _plausible(data: bytes, text: str, codec: str) -> bool:
    """Whether a declared legacy charset really fits: any bytes decode as cp1252, and
    accented Latin followed by a letter decodes as cp949 Hangul, so a wrong declaration
    would give silent mojibake."""
    if text.isascii():
        return True
    if codec == "cp949":
        return _korean_share(data) >= 0.8
    if codec == "cp1252":
        return _cp1252_plausible(text)
    return True


def _cp1252_plausible(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return True
    good = sum(1 for c in non_ascii if _CP1252_PLAUSIBLE.match(c))
    # Accented capitals next to symbols in bulk are what misread multibyte text looks like.
    return good == len(non_ascii) and len(non_ascii) <= max(20, len(text) // 10)


_CONTROLS: Final = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


#: the characters ``_CONTROLS`` matches, as the bytes they are in UTF-8
_CONTROL_BYTES: Final = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20)])


def _check_text(text: str, encoding: str, utf8: bytes | None = None) -> str:
    """``text`` unless it is mojibake or binary; ``utf8`` is its UTF-8 bytes if at hand
    (the input it was strictly decoded from)."""
    # Both checks scan the whole text; str.isascii, ``in`` and bytes.translate are C loops
    # that prove most texts clean far faster than the regexes.
    if (
        not text.isascii()
        and ("â" in text or "Ã" in text or "ì" in text)
        and _MOJIBAKE.search(text)
    ):
        raise DecodeError(
            f"text decoded as {encoding} contains mojibake (UTF-8 read as cp1252 and saved again)"
        )
    limit = max(8, min(len(text), 20000) // 200)
    encoded = text.encode("utf-8", "surrogatepass") if utf8 is None else utf8
    if len(encoded) - len(encoded.translate(None, _CONTROL_BYTES)) <= limit:
        return text  # no more in all the text than the limit allows in its first 20,000
    controls = len(_CONTROLS.findall(text, 0, 20000))
    if controls > limit:
        raise DecodeError(
            f"binary data: {controls} control characters after decoding as {encoding}"
        )
    return text


def _decided(data: bytes, codec: str, declared: str | None, why: str) -> Decoded:
    """Decode with a codec the bytes themselves name (request, BOM, layout), or fail."""
    text = _strict(data, codec)
    if text is None:
        raise DecodeError(why)
    return Decoded(_check_text(text.lstrip("\ufeff"), codec), codec, declared)


def decode(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode document bytes.

    Order: an explicit ``encoding``; a byte-order mark; UTF-16 without BOM; the declared HTML
    charset (unless the bytes are valid UTF-8 with non-ASCII text, which a wrong declaration
    cannot produce); strict UTF-8; cp949 when the high bytes form Korean pairs; cp1252 when
    every non-ASCII character is plausible in an English page. Anything else is an error.
    """
    if not data:
        raise DecodeError("empty document (0 bytes)")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file: looks like {what}")
    declared = declared_charset(data)
    if encoding:
        return _decided(data, encoding, declared, f"bytes are not valid {encoding} (as requested)")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            why = f"byte-order mark says {codec} but the bytes are not valid {codec}"
            return _decided(data, codec, declared, why)
    utf16 = _looks_utf16(data)
    if utf16:
        why = f"looks like {utf16} without a BOM but does not decode"
        return _decided(data, utf16, declared, why)
    if data.find(0, 0, 65536) >= 0:
        raise DecodeError("binary file: NUL bytes in a document that is not UTF-16/32")
    utf8 = _strict(data, "utf-8")
    if declared and declared not in ("utf-8", "ascii"):
        if utf8 is not None and not utf8.isascii():
            return Decoded(_check_text(utf8, "utf-8", data), "utf-8", declared)
        text = _strict(data, declared)
        if text is not None and _plausible(data, text, declared):
            return Decoded(_check_text(text, declared), declared, declared)
        # The declaration is wrong; fall through to detection.
    if utf8 is not None:  # strict UTF-8 round-trips: its bytes are the data
        return Decoded(_check_text(utf8, "utf-8", data), "utf-8", declared)
    if _korean_share(data) >= 0.8:
        text = _strict(data, "cp949")
        if text is not None and _HANGUL.search(text):
            return Decoded(_check_text(text, "cp949"), "cp949", declared)
    text = _strict(data, "cp1252")
    if text is not None and _cp1252_plausible(text):
        return Decoded(_check_text(text, "cp1252"), "cp1252", declared)
    detail = f" (declared {declared})" if declared else ""
    raise DecodeError(
        f"cannot decode{detail}: not valid UTF-8, and neither cp949 nor cp1252 reads it cleanly"
    )
