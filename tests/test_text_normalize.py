"""Normalization as a whole: the golden corpus, the rule order, the counts and the tone-style option."""

from __future__ import annotations

import random
import re
import time
import tracemalloc
from pathlib import Path

import pytest

from scraper.text import normalize

GOLDEN = Path(__file__).parent / "data" / "normalize_golden.tsv"
ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def unescape(text: str) -> str:
    return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def golden_cases() -> list[tuple[str, str, str]]:
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return [(unescape(raw), unescape(expected), note) for raw, expected, note in rows]


def test_the_golden_corpus_has_at_least_two_hundred_cases_each_with_its_source():
    cases = golden_cases()
    assert len(cases) >= 200 and all(note.strip() for _, _, note in cases)


@pytest.mark.parametrize(("raw", "expected", "note"), golden_cases(), ids=[c[2] for c in golden_cases()])
def test_golden_case(raw, expected, note):
    assert normalize(raw)[0] == expected


def test_each_rule_that_fired_is_counted_once_per_change():
    _, counts = normalize("Sở,ngành phốihợp với Tỉnh uỷ và cấp uỷ\u00a0")
    assert counts == {"whitespace": 2, "spacing": 1, "split": 1, "tone": 2}


def test_text_that_needs_nothing_reports_nothing():
    assert normalize("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An") == (
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Long An",
        {},
    )


def test_legacy_repair_is_counted_per_word():
    assert normalize("Liªn hiÖp c¸c Héi")[1] == {"legacy": 4}


def test_decomposed_text_is_counted_as_nfc():
    assert normalize("Lie\u0302n hie\u0323\u0302p")[1]["nfc"] >= 1


def test_the_old_tone_style_puts_the_mark_on_the_second_vowel():
    assert normalize("Tỉnh ủy, hòa bình, sức khỏe", tone_style="old")[0] == "Tỉnh uỷ, hoà bình, sức khoẻ"


def test_the_settings_names_of_the_styles_are_accepted():
    assert normalize("Tỉnh uỷ", tone_style="hòa")[0] == "Tỉnh ủy"
    assert normalize("Tỉnh ủy", tone_style="hoà")[0] == "Tỉnh uỷ"


def test_an_unknown_tone_style_is_refused():
    with pytest.raises(ValueError, match="tone_style"):
        normalize("x", tone_style="kiểu mới")


def test_split_pieces_take_the_tone_style_too():
    assert normalize("toàkhoá")[0] == "tòa khóa"
    assert normalize("tòakhóa", tone_style="old")[0] == "toà khoá"


def test_a_repaired_legacy_text_is_then_restyled_and_spaced():
    assert normalize("TØnh uû,Liªn hiÖp")[0] == "Tỉnh ủy, Liên hiệp"


def test_the_whole_seed_page_normalizes_twice_to_the_same_text():
    seed = (Path(__file__).parents[1] / "replica" / "data" / "seed-page-cmsid-743.txt").read_text(encoding="utf-8")
    once, counts = normalize(seed)
    assert counts.keys() == {"whitespace", "spacing", "tone", "split"}
    assert normalize(once) == (once, {})


def seconds(text: str) -> float:
    """CPU time of one normalization: the machine's other work is not counted."""
    started = time.process_time()
    normalize(text)
    return time.process_time() - started


# How fast is the benchmark's business (bench/bench_text.py prints it); a test holds only the
# shape: four times the text may not take eight times as long (a quadratic scan takes sixteen).
@pytest.mark.parametrize(
    "piece",
    ["Tân An.Long An,Cần Thơ;phối hợp:x.Y ", "phốihợpcôngnghệ", "Liªnhiªp", "Sở,ngành.Hội(LHH)phốihợp:x;TP.HCM"],
)
def test_time_grows_linearly_with_the_input(piece):
    small, large = seconds(piece * 8_000), seconds(piece * 32_000)
    assert large < 8 * max(small, 0.005)


def test_glued_sentences_and_a_string_without_spaces_are_repaired_there_too():
    assert normalize("một.Câu" * 3)[0] == "một. Câu một. Câu một. Câu"


def test_a_sites_vocabulary_does_not_stay_in_memory():
    # 25,000 different words (letters of Vietnamese, drawn at random): the word caches keep a bounded
    # number of them. At 200,000 entries a cache they kept 34 MB of these; a site's vocabulary grows
    # with its years, a cron job's memory must not.
    rng = random.Random(1)
    letters = "abcdeghiklmnopqrstuvxyàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    words = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(2, 7))) for _ in range(27_000)})
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for start in range(0, len(words), 1_000):
            normalize(" ".join(words[start : start + 1_000]))
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(words) > 25_000
    assert held < 25_000_000
