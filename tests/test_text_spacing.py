"""A space after glued punctuation, and never inside numbers, addresses, codes and abbreviations."""

from __future__ import annotations

import time

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


@pytest.mark.parametrize("name", ["TP.Tân An", "ThS.Nguyễn Văn A", "Tp.HCM"])
def test_a_name_after_a_title_or_place_abbreviation_stays_as_the_portal_writes_it(name):
    assert add_missing_spaces(name) == (name, 0)


@pytest.mark.parametrize(
    "text",
    [
        "requirements.txt",
        "obj.method(a, b)",
        "f(a,b)",
        "Ph.D.",
        "http://a.vn/x?tinh=LongAn,TienGiang",
        "https://lavusta.longan.gov.vn/Default.aspx?tabid=620&a=1,b=2;c=3",
        "mailto:lhh.la@gmail.com",
        "Nguyen.Van.A@gmail.com",
        "QD45.pdf",
        "v.v.",
        "x_y.Z",
    ],
)
def test_names_files_code_and_abbreviations_stay_as_written(text):
    assert add_missing_spaces(text) == (text, 0)


def test_a_label_glued_to_a_domain_gets_its_space_and_the_domain_keeps_its_dots():
    assert add_missing_spaces("Website:lavusta.longan.gov.vn") == ("Website: lavusta.longan.gov.vn", 1)


def test_a_label_glued_to_an_email_address_gets_its_space():
    assert add_missing_spaces("Email:lhh.la@gmail.com") == ("Email: lhh.la@gmail.com", 1)


def test_a_sentence_glued_to_the_next_is_spaced():
    assert add_missing_spaces("tỉnh Long An.Hội nghị") == ("tỉnh Long An. Hội nghị", 1)


def _spaced_in(pieces: int) -> float:
    """CPU time to space ``pieces`` glued sentences written without a space (one run), each found."""
    started = time.process_time()
    assert add_missing_spaces("một.Câu" * pieces)[1] == pieces
    return time.process_time() - started


def test_glued_sentences_take_linear_time():
    # The speed itself is the benchmark's (bench/bench_text.py); four times the text may not
    # take eight times as long, as a scan that looks back over the run would (sixteen).
    small, large = _spaced_in(37_500), _spaced_in(150_000)  # 0.3 and 1.2 MB
    assert large < 8 * max(small, 0.005)


def test_a_sentence_glued_after_a_number_is_spaced():
    assert add_missing_spaces("năm 2023.Hội nghị") == ("năm 2023. Hội nghị", 1)
