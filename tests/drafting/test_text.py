"""Release files of each kind become one-paragraph-per-line reading text; bad files fail before any drafting."""
from __future__ import annotations

import io

import pytest

from cmo_helpers.core.errors import ReleaseError
from cmo_helpers.drafting.text import MAX_BYTES, detect_kind, read_release, to_text

PAGE = """<!doctype html><html><head><title>Tab title</title><style>p{color:red}</style>
<script>var figures = "USD 9.9 billion in 2024";</script></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<h1>Kelp Farming Market to Reach
  USD 2.4 Billion by 2031</h1>
<p>The kelp farming market was valued at <strong>USD 1.18 billion</strong>
in 2024.</p>
<!-- analyst note: USD 7 billion -->
<table><tr><th>Region</th><th>Share</th></tr>
<tr><td>Europe</td><td>41.5%</td></tr>
<tr><td>Asia Pacific</td><td>38.0%</td></tr></table>
<footer>&copy; 2025 Tideline Research</footer></body></html>"""


def test_html_keeps_text_in_reading_order_and_drops_scripts_menus_footers():
    text = to_text(PAGE, "html")
    lines = text.splitlines()
    assert lines[0] == "Kelp Farming Market to Reach USD 2.4 Billion by 2031"
    assert "The kelp farming market was valued at USD 1.18 billion in 2024." in lines
    assert "Region | Share\nEurope | 41.5%\nAsia Pacific | 38.0%" in text
    for gone in ("9.9 billion", "USD 7 billion", "Home", "Tideline", "color:red", "Tab title"):
        assert gone not in text


def test_html_without_h1_starts_with_its_title():
    assert to_text("<html><head><title>Quiet Pumps Market</title></head><body><p>Body.</p></body></html>",
                   "html").startswith("Quiet Pumps Market\n")


def test_markdown_loses_its_markup_and_keeps_its_tables():
    md = "# Drone Market\n\nValued at **USD 3.1 billion** in 2024 ([source](https://example.org)).\n\n" \
         "| Type | Share |\n|---|---|\n| Fixed wing | 61.0% |\n"
    text = to_text(md, "markdown")
    assert text.splitlines()[0] == "Drone Market"
    assert "Valued at USD 3.1 billion in 2024 (source)." in text
    assert "Type | Share\nFixed wing | 61.0%" in text
    assert "**" not in text and "](" not in text


def test_plain_text_joins_hard_wrapped_lines_but_not_headings_bullets_or_rows():
    raw = ("Ropes Market Outlook\r\n\r\nThe braided ropes market was valued at USD 4.2 billion in\r\n"
           "2024 and is projected to reach USD 6.0 billion by 2030.\r\n- Nylon held 40.0% share.\r\n"
           "- Polyester held 31.5% share.\r\nRegion | Share\r\nEurope | 30.0%\r\n")
    lines = to_text(raw, "text").splitlines()
    assert lines[2] == ("The braided ropes market was valued at USD 4.2 billion in 2024 and is projected to "
                        "reach USD 6.0 billion by 2030.")
    assert lines[3:] == ["- Nylon held 40.0% share.", "- Polyester held 31.5% share.", "Region | Share",
                         "Europe | 30.0%"]
    assert lines[0] == "Ropes Market Outlook"


def test_plain_text_keeps_every_character_of_unwrapped_lines():
    raw = "Line one – with “quotes” and 62.0% and a\ttab.\n\nSecond paragraph.\n"
    assert to_text(raw, "text") == raw


@pytest.mark.parametrize("name, raw, kind", [
    ("r.html", "plain words", "html"),
    ("r.md", "plain words", "markdown"),
    ("r.txt", "<p>looks like html</p>", "text"),
    ("-", "<html><body><p>x</p></body></html>", "html"),
    ("-", "# Title\n\n**bold** and [a](b)\n", "markdown"),
    ("-", "Just a release.\n", "text"),
])
def test_detect_kind_trusts_the_suffix_then_the_markup(name, raw, kind):
    assert detect_kind(name, raw) == kind


def test_read_release_reads_utf8_files_and_stdin(tmp_path, monkeypatch):
    path = tmp_path / "r.txt"
    path.write_bytes("\ufeffCafé market 12.5%\n".encode("utf-8"))
    assert read_release(str(path)) == (str(path), "Café market 12.5%\n")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"from stdin\n")))
    assert read_release("-") == ("<stdin>", "from stdin\n")


@pytest.mark.parametrize("content, reason", [
    (b"", "is empty"),
    (b"  \n\t\n", "is empty"),
    (b"\xff\xfe caf\xe9", "not UTF-8"),
    (b"text\x00more", "NUL"),
    (b"x" * (MAX_BYTES + 1), "larger than"),
])
def test_read_release_refuses_what_is_not_a_release(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReleaseError, match=reason) as err:
        read_release(str(path))
    assert str(path) in str(err.value)


def test_read_release_names_a_missing_file(tmp_path):
    with pytest.raises(ReleaseError, match="cannot read"):
        read_release(str(tmp_path / "nope.txt"))


@pytest.mark.parametrize("kind", ["text", "html", "markdown"])
def test_control_characters_are_not_reading_text(kind):
    text = to_text("Kelp\x1b[31m market\x07 grew\x0cfast\u2028again\x85end\n", kind)
    assert text.split() == ["Kelp[31m", "market", "grew", "fast", "again", "end"]
    assert not any(c in text for c in "\x1b\x07\x0c\u2028\x85")


def test_a_title_case_heading_is_never_joined_to_the_paragraph_under_it():
    raw = "Moss Lamp Market Size and Share Analysis for Europe\nThe moss lamp market stands at USD 3.6 billion.\n"
    assert to_text(raw, "text").splitlines() == raw.splitlines()
