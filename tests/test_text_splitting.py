"""Glued syllables: split only when the token reads as two syllables in one way."""

from __future__ import annotations

import pytest

from scraper.text.splitting import split_glued


@pytest.mark.parametrize(
    ("glued", "parts"),
    [("phốihợp", ("phối", "hợp")), ("làthành", ("là", "thành")), ("côngnghệ", ("công", "nghệ"))],
)
def test_glued_words_of_the_portal_are_split(glued, parts):
    assert split_glued(glued) == parts


def test_a_valid_syllable_is_never_split():
    assert split_glued("nghiêng") is None and split_glued("Mội") is None


def test_an_ambiguous_token_is_left_alone():
    assert split_glued("Hànội") is None


def test_a_lone_plain_vowel_is_no_piece():
    assert split_glued("Olé") is None


@pytest.mark.parametrize("token", ["UBND", "MTTQVN", "UVBTV", "LongAn", "HàNội"])
def test_acronyms_and_names_with_an_inner_capital_stay(token):
    assert split_glued(token) is None


@pytest.mark.parametrize("token", ["online", "email", "website", "Internet", "thanhvien"])
def test_words_without_a_vietnamese_mark_stay(token):
    assert split_glued(token) is None


@pytest.mark.parametrize("token", ["résumé", "Pokémon", "élite"])
def test_accented_foreign_words_stay_because_they_read_as_three_syllables(token):
    assert split_glued(token) is None


def test_a_capital_first_letter_is_kept_on_the_first_piece():
    assert split_glued("Phốihợp") == ("Phối", "hợp")


@pytest.mark.parametrize("token", ["keát", "toång", "Naêm", "hoäi"])
def test_never_between_two_vowels_so_vni_letters_are_not_cut(token):
    assert split_glued(token) is None
