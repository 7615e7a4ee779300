"""Reading inputs: encodings, sidecars, JSON/JSONL records, HTML, bad files, folder walks."""
from __future__ import annotations

import builtins
import gzip
import json
import os
import sys
from pathlib import Path

import pytest

from extractor.errors import InputError
from extractor.inputs import (
    InputDocument, chunk_text, decode_bytes, iter_documents, looks_like_html, parse_published,
    sniff_binary,
)
from extractor.schema import ErrorRecord

STORY = "Labour's candidate won 42 per cent of the vote in Tuesday's by-election, officials said."
PAGE = """<!DOCTYPE html><html><head><title>Council count ends | The Northern Courier</title>
<meta property="og:site_name" content="The Northern Courier">
<meta property="article:published_time" content="2023-05-05T09:00:00+01:00"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Council count ends</h1>
<p>The Green candidate took 38 per cent of the vote after a long night at the town hall count,
the returning officer announced on Friday morning.</p>
<p>Turnout was 31 per cent, slightly lower than at the previous contest four years ago,
and the winning margin was 412 votes.</p></article><footer>All rights reserved</footer></body></html>"""


def read(*paths: Path, **kw) -> list[InputDocument | ErrorRecord]:
    return list(iter_documents(list(paths), **kw))


def one(path: Path, **kw) -> InputDocument | ErrorRecord:
    items = read(path, **kw)
    assert len(items) == 1, items
    return items[0]


def reason(item: InputDocument | ErrorRecord) -> str:
    return "ok" if isinstance(item, InputDocument) else item.reason


# ------------------------------------------------------------------ text files and encodings


def test_txt_utf8_doc_id_is_file_stem(tmp_path):
    p = tmp_path / "story-001.txt"
    p.write_text(STORY, encoding="utf-8")
    doc = one(p)
    assert (doc.doc_id, doc.text, doc.encoding, doc.path) == ("story-001", STORY, "utf-8", str(p))
    assert len(doc.sha256) == 64


def test_sidecar_supplies_metadata_and_is_not_a_document(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": "2022-06-08", "source": "Courier"}))
    docs = read(tmp_path)
    assert [d.doc_id for d in docs] == ["a"]
    assert docs[0].meta == {"published": "2022-06-08", "source": "Courier", "title": None, "url": None}


def test_sidecar_with_null_published_takes_the_default(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": null}')
    assert one(tmp_path / "a.txt", published="2005-03-11").meta["published"] == "2005-03-11"


def test_sidecar_published_beats_the_default(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2004-12-19"}')
    assert one(tmp_path / "a.txt", published="2005-03-11").meta["published"] == "2004-12-19"


def test_broken_sidecar_is_a_warning_not_a_failure(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{published: 2022}")
    doc = one(tmp_path / "a.txt")
    assert isinstance(doc, InputDocument)
    assert [code for code, _ in doc.warnings] == ["input_bad_meta"]


def test_utf8_bom_is_stripped(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + STORY.encode())
    doc = one(p)
    assert (doc.text, doc.encoding) == (STORY, "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    p = tmp_path / "wide.txt"
    data = STORY.encode(codec)
    if codec != "utf-16":
        data = ("\ufeff" + STORY).encode(codec)
    p.write_bytes(data)
    doc = one(p)
    assert doc.text == STORY and doc.encoding == "utf-16"


def test_utf16_without_bom_is_recognised_not_called_binary(tmp_path):
    p = tmp_path / "wide.txt"
    p.write_bytes(STORY.encode("utf-16-le"))
    doc = one(p)
    assert doc.text == STORY and doc.encoding == "utf-16-le"


def test_cp1252_fallback_is_recorded_with_a_warning(tmp_path):
    p = tmp_path / "legacy.txt"
    text = "The party spent \u00a33m on \u201cposters\u201d."
    p.write_bytes(text.encode("cp1252"))
    doc = one(p)
    assert (doc.text, doc.encoding) == (text, "cp1252")
    assert doc.warnings[0][0] == "input_encoding_guessed"


def test_latin1_when_cp1252_cannot_decode():
    text, used, _ = decode_bytes(b"caf\xe9 \x81")
    assert used == "latin-1" and text == "caf\u00e9 \x81"


def test_encoding_override(tmp_path):
    p = tmp_path / "greek.txt"
    p.write_bytes("Ψήφοι 42%".encode("iso-8859-7"))
    assert one(p, encoding="iso-8859-7").text == "Ψήφοι 42%"


def test_encoding_override_that_fails_is_an_error_record(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(b"\xff\xfe\xfa not ascii")
    assert reason(one(p, encoding="ascii")) == "bad_encoding"


def test_unknown_encoding_name_is_a_usage_error(tmp_path):
    with pytest.raises(InputError, match="E020"):
        read(tmp_path, encoding="no-such-codec")


def test_few_nul_bytes_become_spaces_keeping_offsets(tmp_path):
    p = tmp_path / "nul.txt"
    p.write_bytes(STORY.encode()[:10] + b"\x00" + STORY.encode()[11:])
    doc = one(p)
    assert len(doc.text) == len(STORY) and "\x00" not in doc.text
    assert ("input_nul_bytes" in dict(doc.warnings))


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_and_whitespace_files_are_skipped(tmp_path, content):
    p = tmp_path / "blank.txt"
    p.write_bytes(content)
    item = one(p)
    assert (item.status, item.reason) == ("skipped", "empty")


# ------------------------------------------------------------------ binary and special files


@pytest.mark.parametrize("name,data", [
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ("photo2.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
    ("anim.txt", b"GIF89a\x01\x00\x01\x00"),
    ("bundle.json", b"PK\x03\x04\x14\x00\x00\x00"),
    ("packed.jsonl", gzip.compress(b'{"text": "hello"}\n')),
    ("nul-heavy.txt", b"\x00\x00\x01\x00ab\x00c" * 100),
    ("controls.dat", bytes(range(32)) * 32),
])
def test_binary_files_are_errors_never_text(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    item = one(p)
    assert (item.status, item.reason) == ("error", "binary")


def test_sniff_binary_leaves_text_alone():
    assert sniff_binary(STORY.encode()) is None
    assert sniff_binary("\ufeffVotes".encode("utf-16")) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_skipped_without_opening(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would block forever
    item = one(tmp_path)
    assert (item.status, item.reason) == ("skipped", "not_regular_file")


def test_unreadable_file_is_an_error_and_the_walk_goes_on(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY)
    real_open = os.open

    def deny(path, *args, **kw):
        if str(path).endswith("a.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kw)

    monkeypatch.setattr(os, "open", deny)
    items = read(tmp_path)
    assert [reason(i) for i in items] == ["unreadable", "ok"]
    assert "Permission denied" in items[0].message


def test_too_large_file_is_an_error(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text(STORY * 10)
    item = one(p, max_bytes=100)
    assert (item.reason, item.status) == ("too_large", "error")


def test_missing_path_is_an_error(tmp_path):
    assert reason(one(tmp_path / "nope.txt")) == "not_found"


def test_unsupported_extension_is_skipped(tmp_path):
    (tmp_path / "notes.md").write_text("# Notes")
    assert reason(one(tmp_path)) == "unsupported"


# ------------------------------------------------------------------ JSON and JSONL


def test_jsonl_good_and_bad_lines(tmp_path):
    p = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "s1", "text": STORY, "published": "2022-06-08", "source": "Courier"}),
        "{not json",
        '{"text": "Turnout 40%", "score": NaN}',
        '{"text": "a", "text": "b"}',
        "[" * 5000 + "]" * 5000,
        json.dumps({"a": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]], "text": "x"}),
        "",
        '"just a string"',
        json.dumps({"id": "s2", "title": "No text here"}),
        json.dumps({"text": STORY}),
        json.dumps({"text": 42}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(p)
    got = [(i.doc_id, reason(i), getattr(i, "line", None)) for i in items]
    assert got == [
        ("s1", "ok", 1), ("feed:2", "bad_json", 2), ("feed:3", "bad_number", 3),
        ("feed:4", "duplicate_key", 4), ("feed:5", "json_too_deep", 5), ("feed:6", "json_too_deep", 6),
        ("feed:8", "not_object", 8), ("s2", "missing_text", 9), ("feed:10", "ok", 10),
        ("feed:11", "missing_text", 11),
    ]
    assert items[0].meta["published"] == "2022-06-08" and items[0].meta["source"] == "Courier"
    assert all(str(p) in i.message and f"line {i.line}" in i.message for i in items if isinstance(i, ErrorRecord))


def test_jsonl_bad_utf8_line_does_not_stop_the_file(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_bytes(b'{"text": "caf\xe9"}\n' + json.dumps({"text": STORY}).encode() + b"\n")
    assert [reason(i) for i in read(p)] == ["bad_encoding", "ok"]


def test_jsonl_line_over_max_bytes(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"text": STORY * 50}) + "\n" + json.dumps({"text": STORY}) + "\n")
    assert [reason(i) for i in read(p, max_bytes=1000)] == ["too_large", "ok"]


def test_json_single_record_and_list(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"text": STORY, "title": "By-election"}))
    (tmp_path / "many.json").write_text(json.dumps([{"id": 7, "text": STORY}, {"text": STORY}, 3]))
    items = read(tmp_path)
    assert [(i.doc_id, reason(i)) for i in items] == [
        ("7", "ok"), ("many:2", "ok"), ("many:3", "not_object"), ("one", "ok")]
    assert items[3].meta["title"] == "By-election"


def test_record_with_bad_published_is_processed_without_a_date(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"text": STORY, "published": "last Tuesday"}) + "\n")
    doc = one(p, published="2022-06-08")
    assert doc.meta["published"] == "2022-06-08"  # the default, never today's date
    assert "input_bad_published" in dict(doc.warnings)


def test_lone_surrogates_in_json_are_replaced(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text('{"text": "Vote \\ud800 now at 5%"}\n')
    doc = one(p)
    assert doc.text == "Vote \ufffd now at 5%" and "input_bad_surrogates" in dict(doc.warnings)


def test_invalid_published_default_is_a_usage_error(tmp_path):
    with pytest.raises(InputError, match="E021"):
        read(tmp_path, published="08/06/2022")


@pytest.mark.parametrize("value,expected", [
    ("2022-06-08", "2022-06-08"), ("2022-06-08T23:10:00Z", "2022-06-08"),
    ("2022-06-08 07:00:00+01:00", "2022-06-08"), (None, None)])
def test_parse_published_accepts_iso(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2022-02-30", "June 2022", "2022", 20220608, "2022-06-08junk"])
def test_parse_published_rejects_everything_else(value):
    with pytest.raises(ValueError):
        parse_published(value)


# ------------------------------------------------------------------ HTML


def test_html_main_text_and_metadata(tmp_path):
    pytest.importorskip("trafilatura")
    p = tmp_path / "count.html"
    p.write_text(PAGE, encoding="utf-8")
    doc = one(p)
    assert "38 per cent" in doc.text and "Home" not in doc.text and "All rights" not in doc.text
    assert doc.meta["title"] == "Council count ends"
    assert doc.meta["source"] == "The Northern Courier"
    assert doc.meta["published"] == "2023-05-05"


def test_html_saved_as_txt_is_converted(tmp_path):
    pytest.importorskip("trafilatura")
    p = tmp_path / "count.txt"
    p.write_text(PAGE, encoding="utf-8")
    doc = one(p)
    assert "<p>" not in doc.text and "38 per cent" in doc.text
    assert "input_html_in_txt" in dict(doc.warnings)


def test_html_without_trafilatura_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import now raises ImportError
    p = tmp_path / "count.html"
    p.write_text(PAGE)
    item = one(p)
    assert item.reason == "html_unavailable"
    assert "pip install 'election-fact-extractor[html]'" in item.message


def test_looks_like_html_ignores_prose_with_a_tag():
    assert not looks_like_html("Polls close at 10pm <local time> tonight.")


# ------------------------------------------------------------------ folders and links


def test_folder_walk_is_recursive_sorted_and_skips_hidden_and_gold(tmp_path):
    for rel in ["b.txt", "a/z.txt", "a/c.txt", ".hidden.txt", "x.gold.json", "a/.git/config.txt"]:
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(STORY)
    assert [Path(i.path).relative_to(tmp_path).as_posix() for i in read(tmp_path)] == ["a/c.txt", "a/z.txt", "b.txt"]


def test_symlink_outside_the_tree_is_not_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(STORY)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "link.txt").symlink_to(outside)
    item = one(tree)
    assert (item.status, item.reason) == ("skipped", "symlink_outside_tree")


def test_symlink_loop_and_alias_read_each_file_once(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "story.txt").write_text(STORY)
    (tmp_path / "sub" / "back").symlink_to(tmp_path)  # a loop
    (tmp_path / "alias.txt").symlink_to(tmp_path / "sub" / "story.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    items = read(tmp_path)
    got = [(Path(i.path).name, reason(i)) for i in items]
    assert got == [("alias.txt", "ok"), ("dangling.txt", "broken_symlink"), ("back", "duplicate"),
                   ("story.txt", "duplicate")]


def test_same_file_named_twice_is_read_once(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(STORY)
    assert [reason(i) for i in read(p, tmp_path)] == ["ok", "duplicate"]


def test_exclude_keeps_the_output_file_out(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "out.jsonl").write_text('{"doc_id": "a", "status": "ok"}\n')
    items = list(iter_documents([tmp_path], exclude=[tmp_path / "out.jsonl"]))
    assert [i.doc_id for i in items] == ["a"]


def test_explicit_sidecar_is_skipped(tmp_path):
    p = tmp_path / "a.meta.json"
    p.write_text('{"published": null}')
    assert reason(one(p)) == "sidecar"


# ------------------------------------------------------------------ chunking


def test_chunks_reassemble_and_respect_the_limit():
    text = ("The council approved the budget. " * 40 + "\n\n") * 30
    chunks = chunk_text(text, max_chars=1000)
    assert "".join(c for _, c in chunks) == text
    assert all(len(c) <= 1000 for _, c in chunks)
    assert all(text[o:o + len(c)] == c for o, c in chunks)


def test_chunks_prefer_paragraph_breaks():
    para = "x" * 850 + "\n\n"
    chunks = chunk_text(para * 3, max_chars=1000)
    assert all(c.endswith("\n\n") for _, c in chunks[:-1])


def test_chunk_without_any_break_is_cut_hard():
    assert [len(c) for _, c in chunk_text("y" * 25, max_chars=10)] == [10, 10, 5]


def test_short_text_is_one_chunk():
    assert chunk_text(STORY) == [(0, STORY)]


def test_open_is_not_used_for_listing(tmp_path, monkeypatch):
    """Discovery never opens files (a FIFO or device would block): only stat and scandir."""
    (tmp_path / "a.txt").write_text(STORY)
    from extractor.inputs import discover

    def boom(*a, **k):
        raise AssertionError("opened during discovery")

    monkeypatch.setattr(builtins, "open", boom)
    monkeypatch.setattr(os, "open", boom)
    assert [e.path for e in discover([tmp_path])] == [str(tmp_path / "a.txt")]
