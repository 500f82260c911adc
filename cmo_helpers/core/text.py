"""One text policy for names, labels, keys and free text read from params, YAML or a workbook.

Every string is NFC-normalised where it is read, so 'Café' typed either way is one name. Names and labels
refuse invisible format characters (Unicode category Cf: zero-width spaces and joiners, bidi controls,
soft hyphens), which would make two names print alike or reorder the text around them; free text such
as a source's quote keeps them and is isolated where it lands (see escape.isolated).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

FORMAT = "Cf"
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def normal(text: str) -> str:
    """The one form every string is kept and compared in (NFC: composed characters)."""
    return unicodedata.normalize("NFC", text)


def same(text: str) -> str:
    """What two item names are compared by: normal form, case folded, so look-alikes are duplicates."""
    return normal(text).casefold()


def invisible(text: str) -> tuple[int, str] | None:
    """The 1-based position and character of the first format character in text, or None."""
    return next(((n, c) for n, c in enumerate(text, 1) if unicodedata.category(c) == FORMAT), None)


def name(text: str) -> str:
    """A name or label in normal form; a ValueError says which invisible character is where."""
    found = invisible(text)
    if found:
        position, char = found
        label = unicodedata.name(char, "format character")
        raise ValueError(f"contains the invisible character U+{ord(char):04X} ({label}) at character {position}; "
                         "names and labels must be visible text: delete it")
    return normal(text)


def visible(text: str) -> str:
    """Text as a reader sees it, in normal form: format characters dropped (drafting cuts names and quotes from it)."""
    return normal(replace_invisible(text, lambda _: ""))


def replace_invisible(text: str, how: Callable[[str], str]) -> str:
    """Text with each format character replaced by how(char): '' drops it, an escape shows it on a terminal."""
    return _NON_ASCII.sub(lambda m: how(m.group()) if unicodedata.category(m.group()) == FORMAT else m.group(), text)
