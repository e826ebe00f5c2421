"""The syllable grammar: what is a written Vietnamese syllable."""

from __future__ import annotations

import pytest

from scraper.text.syllables import is_syllable, parse


@pytest.mark.parametrize("word", "Liên hiệp các Hội Khoa học Kỹ thuật tỉnh Long An Trương Định Phường Nguyễn".split())
def test_words_of_the_seed_page_are_syllables(word):
    assert is_syllable(word)


def test_a_syllable_reads_as_onset_rhyme_and_tone():
    assert parse("Nghiệp") == ("ngh", "iêp", "\u0323")


def test_stop_codas_take_only_the_rising_or_heavy_tone():
    assert is_syllable("hợp") and is_syllable("hát") and not is_syllable("hàt") and not is_syllable("hop")


def test_k_gh_ngh_come_only_before_front_vowels():
    assert is_syllable("kinh") and is_syllable("ghế") and is_syllable("nghĩ")
    assert not is_syllable("kan") and not is_syllable("ghan") and not is_syllable("ngha")


def test_c_and_ng_never_come_before_front_vowels():
    assert not is_syllable("cinh") and not is_syllable("nge")


def test_ch_and_nh_codas_follow_only_a_e_circumflex_and_i():
    assert is_syllable("sách") and is_syllable("bệnh") and is_syllable("tình")
    assert not is_syllable("sóch") and not is_syllable("bunh")


def test_c_and_ng_codas_never_follow_e_circumflex_or_i():
    assert not is_syllable("bêng") and not is_syllable("tíc")


def test_qu_and_gi_are_onsets():
    assert parse("quý").onset == "qu" and parse("giá").onset == "gi"


def test_a_typo_that_spells_a_syllable_is_a_syllable():
    assert is_syllable("Mội")


def test_two_tone_marks_make_no_syllable():
    assert not is_syllable("hóà")


@pytest.mark.parametrize("word", ["UBND", "Facebook", "online", "KH", "Tp", "w", "phốihợp"])
def test_acronyms_foreign_and_glued_words_are_no_syllables(word):
    assert not is_syllable(word)


@pytest.mark.parametrize("word", ["bach", "kich", "bac", "hat", "thep"])
def test_a_stop_coda_without_the_rising_or_heavy_tone_is_no_syllable(word):
    assert not is_syllable(word)


@pytest.mark.parametrize("word", ["bách", "kịch", "bạc", "hát", "thép"])
def test_a_stop_coda_with_the_rising_or_heavy_tone_is_a_syllable(word):
    assert is_syllable(word)
