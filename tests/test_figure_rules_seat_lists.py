"""figure_kinds.json's ``seat_lists`` words: validated on load, and read by the seat-list claims."""
from __future__ import annotations

import json

import pytest

from extractor.errors import RuleFileError
from extractor.normalize import figure_rules as rules


def _shipped() -> dict:
    return json.loads((rules.models_dir() / "shared" / "figure_kinds.json").read_text(encoding="utf-8"))


def _write(tmp_path, data: dict):
    shared = tmp_path / "shared"
    shared.mkdir()
    for name in ("scales", "currencies", "percent", "qualifiers"):
        (shared / f"{name}.json").write_text((rules.models_dir() / "shared" / f"{name}.json").read_text(
            encoding="utf-8"), encoding="utf-8")
    (shared / "figure_kinds.json").write_text(json.dumps(data), encoding="utf-8")
    return shared


def test_shipped_seat_words_load() -> None:
    words = rules.figure_kinds().seat_lists
    assert "apiece" in words.shared_words
    assert "looked set to" in words.future_frames


def test_unknown_seat_list_key_names_file_and_entry(tmp_path) -> None:
    data = _shipped()
    data["seat_lists"]["holding_verb"] = ["on"]
    with pytest.raises(RuleFileError) as err:
        rules.check_all(_write(tmp_path, data))
    assert "figure_kinds.json" in str(err.value) and "seat_lists.holding_verb" in str(err.value)


def test_padded_seat_word_is_rejected(tmp_path) -> None:
    data = _shipped()
    data["seat_lists"]["shared_words"] = ["each", " apiece"]
    with pytest.raises(RuleFileError) as err:
        rules.check_all(_write(tmp_path, data))
    assert "seat_lists.shared_words" in str(err.value)


def test_blank_joiner_is_rejected(tmp_path) -> None:
    data = _shipped()
    data["seat_lists"]["joiners"] = [", ", " "]
    with pytest.raises(RuleFileError) as err:
        rules.check_all(_write(tmp_path, data))
    assert "seat_lists.joiners" in str(err.value)


def test_literal_alternation_keeps_single_spaces() -> None:
    import re
    rx = re.compile(rf"(?:{rules.literal_alternation(['set to', 'on'])})$")
    assert rx.match("set to") and rx.match("set\tto")
    assert not rx.match("set  to")
