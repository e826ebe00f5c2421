"""A space after glued punctuation, and never inside numbers, addresses, codes and abbreviations."""

from __future__ import annotations

import pytest

from scraper.text.spacing import add_missing_spaces


def test_space_added_after_comma_before_letter():
    assert add_missing_spaces("các Sở,ngành có liên quan") == ("các Sở, ngành có liên quan", 1)


def test_space_added_after_a_cut_date():
    assert add_missing_spaces("Sáng ngày 22/12/202,tại Hội trường") == ("Sáng ngày 22/12/202, tại Hội trường", 1)


@pytest.mark.parametrize("mark", [",", ";", ":", ".", ")"])
def test_each_glued_mark_gets_one_space(mark):
    assert add_missing_spaces(f"hội nghị{mark}đơn vị") == (f"hội nghị{mark} đơn vị", 1)


@pytest.mark.parametrize("number", ["1.234.567", "3,5", "12/4/2023", "13:32", "Thứ Năm,18/04/2024"])
def test_numbers_dates_and_times_keep_their_signs(number):
    assert add_missing_spaces(number) == (number, 0)


@pytest.mark.parametrize("code", ["38-Ctr/TU", "45/2005/QĐ-UB", "36-NQ/TW", "KH&KT"])
def test_document_number_keeps_its_slashes(code):
    assert add_missing_spaces(f"số {code} ngày") == (f"số {code} ngày", 0)


@pytest.mark.parametrize(
    "address",
    ["https://lavusta.longan.gov.vn/Default.aspx?tabid=620", "vusta.vn", "longan.gov.vn", "lhh.la@gmail.com"],
)
def test_addresses_keep_their_dots(address):
    assert add_missing_spaces(f"xem {address} nhé") == (f"xem {address} nhé", 0)


@pytest.mark.parametrize("abbreviation", ["T.T.B", "Tp.HCM", "TP.HCM", "Th.S", "PGS.TS", "v.v"])
def test_initials_and_abbreviation_chains_keep_their_dots(abbreviation):
    assert add_missing_spaces(abbreviation) == (abbreviation, 0)


def test_a_name_after_an_abbreviation_gets_its_space():
    assert add_missing_spaces("TP.Tân An") == ("TP. Tân An", 1)


def test_a_sentence_glued_after_a_number_is_spaced():
    assert add_missing_spaces("năm 2023.Hội nghị") == ("năm 2023. Hội nghị", 1)
