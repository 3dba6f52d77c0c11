"""The one error type that escapes the reader and the parser for a bad document."""

from __future__ import annotations


class ArticleError(ValueError):
    """A document cannot be read or parsed; the message says why, in one line."""
