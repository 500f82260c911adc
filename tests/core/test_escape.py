"""Each escaper against the parser that will read its output: the text comes back literally, never as markup."""
from __future__ import annotations

import html as stdlib_html
import re

import pytest
from hostile_strings import HOSTILE
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from cmo_helpers.core import escape


def _flat(text: str) -> str:
    """What a one-line field shows: line breaks and runs of space as one space."""
    return " ".join(re.sub(r"[\r\n]+", " ", text).split())


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_shows_the_text_literally(text):
    rendered = markdown2html_mistune(escape.md(text))
    assert re.fullmatch(r"<p>.*</p>\n", rendered, re.S), rendered
    inner = stdlib_html.unescape(rendered[3:-5])
    assert "<" not in rendered[3:-5] and inner == escape.terminal(_flat(text))


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_in_a_list_and_table_cell_stays_one_item(text):
    rendered = markdown2html_mistune(f"- {escape.md(text)}\n\n| a |\n|---|\n| {escape.md(text)} |")
    assert rendered.count("<li>") == 1 and rendered.count("<td>") == 1, rendered
    assert not re.search(r"<(?!/?(ul|li|p|table|thead|tbody|tr|th|td)\b)", rendered), rendered


@pytest.mark.parametrize("text", HOSTILE)
def test_html_round_trips(text):
    assert stdlib_html.unescape(escape.html(text)) == text
    assert not re.search(r"[<>\"']", escape.html(text))


@pytest.mark.parametrize("text", HOSTILE)
def test_terminal_text_has_no_control_characters(text):
    shown = escape.terminal(text)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", shown)
    if "\x1b" in text:
        assert "\\x1b" in shown


def test_clip_caps_long_text_and_says_how_long():
    clipped = escape.clip("x" * 8_000_000)
    assert len(clipped) < 400 and "8000000 characters" in clipped
    assert escape.clip("short") == "short"


def test_the_terminal_shows_invisible_format_characters_escaped():
    assert escape.terminal("Be\u202eta \u200b caf\u00e9") == "Be\\u202eta \\u200b caf\u00e9"


def test_free_text_is_isolated_only_when_it_could_reorder_its_neighbours():
    assert escape.isolated("plain words") == "plain words" and escape.md_isolated("plain") == "plain"
    assert escape.isolated("a \u202eb") == "\u2068a \u202eb\u2069"
    assert escape.isolated("\u05e9\u05dc\u05d5\u05dd") == "\u2068\u05e9\u05dc\u05d5\u05dd\u2069"
    assert escape.md_isolated("x \u202e *y*") == "<bdi>x \u202e \\*y\\*</bdi>"
