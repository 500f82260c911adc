"""A release as saved (plain text, Markdown or HTML) turned into the reading text that every quote is cut from."""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Literal

from ..core.errors import ReleaseError

Kind = Literal["text", "markdown", "html"]
MAX_BYTES = 2_000_000
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "table", "tr", "ul",
}
DROPPED_TAGS = ["script", "style", "noscript", "template", "svg", "nav", "form", "button", "iframe", "aside", "footer",
                "head"]
SENTENCE_END = (".", "!", "?", ":", ";")
WRAP_MIN = 45
_TAG = re.compile(r"<(html|body|p|div|h[1-6]|table|br|span|a|article|!doctype)\b", re.I)
_MD = re.compile(r"^(#{1,6} |\s*[-*+] |\|.*\|\s*$)|\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)", re.M)
_BREAKS = re.compile(r"[\x0b\x0c\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LIST_OR_ROW = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s|\|")


def read_release(source: str) -> tuple[str, str]:
    """Read a release file (or stdin for '-'), bounded in size, as text; bad input raises ReleaseError."""
    name = "<stdin>" if source == "-" else source
    try:
        data = sys.stdin.buffer.read(MAX_BYTES + 1) if source == "-" else _read_bounded(Path(source))
    except OSError as exc:
        raise ReleaseError(name, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise ReleaseError(name, f"larger than {MAX_BYTES:,} bytes; a news release is far smaller")
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReleaseError(name, f"not UTF-8 text (byte {exc.start}); save the release as UTF-8") from None
    if "\x00" in raw:
        raise ReleaseError(name, "contains NUL bytes: not a text file")
    if not raw.strip():
        raise ReleaseError(name, "is empty")
    return name, raw


def _read_bounded(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(MAX_BYTES + 1)


def detect_kind(name: str, raw: str) -> Kind:
    """The file suffix decides when it is known; otherwise the content's markup does."""
    suffix = Path(name).suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"}:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    if suffix == ".txt":
        return "text"
    if _TAG.search(raw[:5000]):
        return "html"
    return "markdown" if len(_MD.findall(raw)) >= 2 else "text"


def to_text(raw: str, kind: Kind) -> str:
    """The text a reader sees: markup gone, one paragraph per line, so quotes are single-line substrings.

    Control characters are not text a reader sees: line-like ones (form feed, NEL, U+2028) end a line,
    the others (ESC, BEL, ...) are dropped, so no quote can carry them into a report or a terminal.
    """
    raw = _BREAKS.sub("\n", raw)
    raw = _CONTROL.sub("", raw)
    if kind == "html":
        return html_to_text(raw)
    if kind == "markdown":
        return markdown_to_text(raw)
    return plain_to_text(raw)


def html_to_text(raw: str) -> str:
    """Block elements become lines, table rows become 'cell | cell' lines; scripts, menus and footers go."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(raw, "html.parser")
    headline = soup.find("h1") or soup.find("title")
    lead = [_squash(headline.get_text(" ")), ""] if headline else []
    if headline:
        headline.decompose()
    for tag in soup.find_all(DROPPED_TAGS):
        tag.decompose()
    for node in soup.find_all(string=True):
        if isinstance(node, Comment):
            node.extract()
        else:
            node.replace_with(re.sub(r"\s+", " ", str(node)))
    for row in soup.find_all("tr"):
        cells = [_squash(c.get_text(" ")) for c in row.find_all(["td", "th"])]
        row.replace_with(soup.new_string("\n" + " | ".join(cells) + "\n"))
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = [_squash(line) for line in soup.get_text().split("\n")]
    return _join_lines(lead + lines)


def markdown_to_text(raw: str) -> str:
    """Markdown is rendered to HTML by mistune (tables included) and read like any HTML page."""
    import mistune

    render = mistune.create_markdown(plugins=["table", "strikethrough"])
    return html_to_text(render(raw))


def plain_to_text(raw: str) -> str:
    """Plain text keeps its characters; only hard-wrapped paragraph lines are joined."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        prev = out[-1] if out else ""
        if prev and line.strip() and _wrapped(prev, line):
            out[-1] = f"{prev} {line.strip()}"
        else:
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def _wrapped(prev: str, line: str) -> bool:
    """A long line that stops mid-sentence continues on the next line (hard-wrapped e-mail style)."""
    return (
        len(prev) >= WRAP_MIN
        and not prev.endswith(SENTENCE_END)
        and not _titled(prev)
        and not _LIST_OR_ROW.search(prev)
        and not _LIST_OR_ROW.search(line)
    )


def _titled(line: str) -> bool:
    """'Kelp Market Size and Share': a heading (most words capitalised), never the first half of a sentence."""
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    small = {"and", "of", "for", "the", "in", "on", "to", "a", "an", "by", "with", "vs"}
    big = [w for w in words if w.lower() not in small]
    return len(big) >= 3 and sum(w[0].isupper() for w in big) >= 0.8 * len(big)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _join_lines(lines: list[str]) -> str:
    """One blank line between paragraphs, none between the rows of one table."""
    out: list[str] = []
    for line in lines:
        if line:
            if out and not out[-1] and len(out) > 1 and " | " in out[-2] and " | " in line:
                out.pop()
            out.append(line)
        elif out and out[-1]:
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"
