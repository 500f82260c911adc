"""A share in words ('more than a third of the market') becomes a percentage only where its bound keeps it true."""
from __future__ import annotations

import pytest

from cmo_helpers.drafting.fraction_words import bounded_fractions, fraction_percent


@pytest.mark.parametrize("words, bound, percent", [
    ("half", "over", "50"), ("a quarter", "about", "25"), ("three-quarters", "at-least", "75"),
    ("two fifths", "nearly", "40"), ("a tenth", "up-to", "10"),
    ("a third", "more-than", "33.3"), ("two-thirds", "over", "66.6"),  # a lower bound rounds down: still true
    ("two thirds", "about", "66.7"),
    ("a third", "nearly", None), ("one-third", "up-to", None),  # no percentage keeps 'nearly a third' true
    ("four thirds", "over", None),
])
def test_a_fraction_is_the_percentage_its_bound_keeps_true(words, bound, percent):
    assert fraction_percent(words, bound) == percent


def test_only_a_fraction_of_something_right_after_a_bound_word_is_read():
    text = ("Moss tiles took over half of sales; in the second half of 2025 a quarter of buyers paid more, "
            "and nearly two-thirds share went to Europe.")
    assert [text[a:b] for a, b in bounded_fractions(text)] == ["half", "two-thirds"]
