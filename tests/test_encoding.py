"""Decoding (herald_timeline.encoding): the right text or a clear error, never mojibake."""

from __future__ import annotations

import codecs

import pytest

from herald_timeline.article import load_article
from herald_timeline.encoding import DecodeError, declared_charset, decode
from herald_timeline.errors import ArticleError

ENGLISH = "North Korea fired two missiles on Friday, the military said.\n"
CURLY = "“We will respond,” the minister said — the drill cost €5 million.\n"
ACCENTS = "Señor Müller met the naïve attaché at a café in Zürich.\n"
KOREAN = "북한이 18일 오후 동해상으로 탄도미사일을 발사했다.\n"

# (text, encodings it can be written in)
TEXTS = {
    "english": (
        ENGLISH,
        ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp949", "cp1252", "latin-1"),
    ),
    "curly": (CURLY, ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252")),
    "accents": (
        ACCENTS,
        ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"),
    ),
    "korean": (
        KOREAN,
        ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp949", "euc-kr"),
    ),
}

UNDECLARED = [
    pytest.param(text, codec, id=f"{name}-{codec}")
    for name, (text, codecs_) in TEXTS.items()
    for codec in codecs_
]


@pytest.mark.parametrize(("text", "codec"), UNDECLARED)
def test_undeclared_encodings_decode_to_the_text(text: str, codec: str) -> None:
    assert decode(text.encode(codec)).text == text


def _html(body: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


BYTE_CODECS = ("utf-8", "cp949", "euc-kr", "cp1252", "latin-1")
DECLARATIONS = ("utf-8", "euc-kr", "iso-8859-1", "windows-1252", "ks_c_5601-1987", None)

DECLARED = [
    pytest.param(text, codec, charset, id=f"{name}-{codec}-as-{charset}")
    for name, (text, codecs_) in TEXTS.items()
    for codec in codecs_
    if codec in BYTE_CODECS
    for charset in DECLARATIONS
]


@pytest.mark.parametrize(("text", "codec", "charset"), DECLARED)
def test_declared_right_or_wrong_gives_the_text_or_an_error(
    text: str, codec: str, charset: str | None
) -> None:
    """A wrong declaration must never turn into mojibake: right text, else DecodeError."""
    page = _html(text, charset)
    try:
        decoded = decode(page.encode(codec))
    except DecodeError:
        return
    assert decoded.text == page


@pytest.mark.parametrize(
    ("text", "codec", "charset"),
    [
        pytest.param(KOREAN, "cp949", "iso-8859-1", id="korean-declared-latin1"),
        pytest.param(KOREAN, "euc-kr", "windows-1252", id="korean-declared-cp1252"),
        pytest.param("Àlvaro met Àbel in Zürich.", "cp1252", "euc-kr", id="latin-declared-euc-kr"),
        pytest.param(KOREAN, "utf-8", "euc-kr", id="utf8-declared-euc-kr"),
        pytest.param(CURLY, "cp1252", "utf-8", id="cp1252-declared-utf8"),
    ],
)
def test_wrong_declaration_is_overruled_by_the_bytes(text: str, codec: str, charset: str) -> None:
    page = _html(text, charset)
    assert decode(page.encode(codec)).text == page


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(b'<meta charset="EUC-KR">', "cp949", id="euc-kr-superset"),
        pytest.param(b"<meta charset=utf-8>", "utf-8", id="unquoted"),
        pytest.param(
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
            "cp1252",
            id="http-equiv",
        ),
        pytest.param(b'<?xml version="1.0" encoding="ISO-8859-1"?>', "cp1252", id="xml"),
        pytest.param(b'<meta charset="no-such-codec">', None, id="unknown"),
        pytest.param(b"<p>charset=utf-8 in text</p>", None, id="not-a-meta"),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(b"<html><head>" + head + b"</head></html>") == expected


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        pytest.param(codecs.BOM_UTF8 + ENGLISH.encode(), "utf-8-sig", id="utf8-bom"),
        pytest.param(ENGLISH.encode("utf-16"), "utf-16", id="utf16-bom"),
        pytest.param(KOREAN.encode("utf-16-le"), "utf-16-le", id="utf16le-korean"),
        pytest.param(KOREAN.encode("utf-16-be"), "utf-16-be", id="utf16be-korean"),
        pytest.param(ENGLISH.encode("utf-32"), "utf-32", id="utf32-bom"),
        pytest.param(KOREAN.encode("cp949"), "cp949", id="cp949"),
        pytest.param(CURLY.encode("cp1252"), "cp1252", id="cp1252"),
    ],
)
def test_encoding_is_recorded(data: bytes, codec: str) -> None:
    decoded = decode(data)
    assert decoded.encoding == codec
    assert not decoded.text.startswith("\ufeff")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF", id="pdf"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG", id="png"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00", "ZIP", id="zip"),
        pytest.param(b"\x1f\x8b\x08\x00\x00\x00", "gzip", id="gzip"),
        pytest.param(b"\x7fELF\x02\x01\x01", "executable", id="elf"),
        pytest.param(b"North Korea \x00\x00 fired\x00\x01\x02 missiles", "NUL", id="nul-bytes"),
        pytest.param("Ã©tÃ© cafÃ© â€œquotedâ€\x9d".encode(), "mojibake", id="double-encoded-utf8"),
        pytest.param(bytes(range(0x80, 0x100)) * 4, "cannot decode", id="high-bytes"),
        pytest.param(codecs.BOM_UTF8 + b"\xff\xfe\xfa", "byte-order mark", id="bad-after-bom"),
        pytest.param(b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20 + b"text", "control", id="controls"),
    ],
)
def test_undecodable_bytes_are_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError, match=f"(?i){message}"):
        decode(data)


def test_decode_error_is_the_documented_type() -> None:
    assert issubclass(DecodeError, ArticleError)
    assert issubclass(ArticleError, ValueError)


def test_explicit_encoding_is_strict() -> None:
    assert decode(KOREAN.encode("cp949"), encoding="cp949").text == KOREAN
    with pytest.raises(DecodeError, match="as requested"):
        decode(KOREAN.encode("cp949"), encoding="utf-8")


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp949", "euc-kr"])
def test_load_article_reads_every_encoding(codec: str) -> None:
    text = "서울 - North Korea fired a missile on Friday, officials said.\n" + KOREAN
    article = load_article(text.encode(codec), format="plain")
    assert article.body == text
    assert article.encoding == decode(text.encode(codec)).encoding


def test_load_article_reports_undecodable_bytes() -> None:
    with pytest.raises(ArticleError, match="cannot decode"):
        load_article(bytes(range(0x80, 0x100)) * 8)
