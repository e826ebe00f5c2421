"""Legacy-font test text is made with the standard TCVN3 table; the reader's table is checked against that standard."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from replica.faults import LEGACY_TITLE, tcvn3
from replica.legacy import TCVN3, encode_tcvn3, tcvn3_as_latin1
from scraper.text.legacy import FROM_TCVN3, TCVN3_CODES
from tests.test_text_normalize import golden_cases

READER_TCVN3 = [(code, code.translate(FROM_TCVN3)) for code in TCVN3_CODES]


def differences(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """Every byte whose Latin-1 character a reader's (surface → letter) pairs turn into something the standard does not.

    A character the reader leaves alone stands for itself, as the no-break space does in both.
    """
    reader = dict(pairs)
    found = [f"{source!r} ({len(source)} characters) is no TCVN3 byte" for source in reader if len(source) != 1]
    for byte in range(0x80, 0x100):
        surface = chr(byte)
        standard, read = TCVN3.get(byte), reader.get(surface, surface)
        if standard is None and surface in reader:
            found.append(f"0x{byte:02X} {surface!r}: the standard leaves it unassigned, the reader gives {read!r}")
        elif standard is not None and read != standard:
            found.append(f"0x{byte:02X} {surface!r}: the standard says {standard!r}, the reader gives {read!r}")
    return found


def test_the_standard_table_has_the_75_characters_vn3_adds_to_ascii():
    letters = list(TCVN3.values())
    assert len(set(letters)) == len(letters) == 75
    assert sum(letter.islower() for letter in letters) == 67
    assert sorted(letter for letter in letters if letter.isupper()) == sorted("ĂÂÊÔƠƯĐ")


@pytest.mark.parametrize(
    ("text", "as_typed"),
    [
        ("Cộng hoà xã hội chủ nghĩa Việt Nam", "Céng hoµ x· héi chñ nghÜa ViÖt Nam"),
        ("Độc lập - Tự do - Hạnh phúc", "§éc lËp - Tù do - H¹nh phóc"),
    ],
)
def test_the_standard_table_writes_the_fixed_phrases_as_vntime_documents_show_them(text, as_typed):
    assert tcvn3_as_latin1(text) == as_typed


def test_an_uppercase_toned_letter_has_no_tcvn3_byte():
    with pytest.raises(ValueError, match="Ộ"):
        encode_tcvn3("CỘNG")


def test_the_fault_servers_tcvn3_page_is_made_with_the_standard_table():
    assert bytes(map(ord, tcvn3(LEGACY_TITLE))) == encode_tcvn3(LEGACY_TITLE)


def test_the_golden_tcvn3_case_is_the_standard_encoding_of_its_expected_text():
    cases = [(given, expected) for given, expected, note in golden_cases() if note == "TCVN3"]
    assert cases
    assert all(given == tcvn3_as_latin1(expected) for given, expected in cases)


def test_the_comparison_finds_a_wrong_reader_entry():
    wrong = [(surface, "ấ" if letter == "ầ" else letter) for surface, letter in READER_TCVN3]
    assert differences(wrong) == ["0xC7 'Ç': the standard says 'ầ', the reader gives 'ấ'"]


def test_the_readers_tcvn3_table_is_the_standards():
    assert differences(READER_TCVN3) == []
