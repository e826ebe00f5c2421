"""One tone-mark style: only open oa, oe and uy syllables move."""

from __future__ import annotations

import pytest

from scraper.text.tones import restyle, style_name


@pytest.mark.parametrize(("old", "new"), [("uỷ", "ủy"), ("hoà", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe")])
def test_the_new_style_puts_the_mark_on_the_first_vowel(old, new):
    assert restyle(old, "new") == new and restyle(new, "old") == old


def test_capitals_keep_their_case_letter_by_letter():
    assert restyle("Uỷ", "new") == "Ủy" and restyle("UỶ", "new") == "ỦY" and restyle("HOÀ", "new") == "HÒA"


@pytest.mark.parametrize("word", ["quý", "giá", "hoàng", "thuyết", "ngoài", "khuỷu", "khuya", "hoa"])
def test_syllables_the_two_styles_agree_on_never_change(word):
    assert restyle(word, "new") == word and restyle(word, "old") == word


def test_a_word_that_is_no_syllable_is_left_alone():
    assert restyle("Pokéa", "new") == "Pokéa"


def test_an_unknown_style_name_is_refused():
    with pytest.raises(ValueError, match="tone_style"):
        style_name("modern")
