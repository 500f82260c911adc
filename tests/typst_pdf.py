"""Typst markup typeset to a PDF and read back as text, as a reader copying from the page would get it."""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from cmo_helpers.typeset import engine


def pdf_text(markup: str, folder: Path, files: dict[str, bytes] | None = None) -> str:
    """The text of every page of a document holding `markup`, pages joined by a space."""
    path = engine.pdf('#set document(title: "t")\n#set text(lang: "en")\n' + markup, files or {}, folder / "t.pdf")
    return " ".join(page.extract_text() for page in PdfReader(path).pages)
