"""A paragraph cut into sentences at their ends only."""
from __future__ import annotations

from cmo_helpers.drafting.sentences import sentences


def test_sentences_do_not_break_after_abbreviations():
    line = "Acme Inc. and the U.S. market grew. Sales rose 5% in Oct. 2024 overall. End."
    assert [s for s, _ in sentences(line, 0)] == ["Acme Inc. and the U.S. market grew.",
                                                   "Sales rose 5% in Oct. 2024 overall.", "End."]
