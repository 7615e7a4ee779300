"""Reading inputs: files, folders, JSON/JSONL records and HTML pages become documents.

``iter_documents(paths)`` yields one item per input, in a deterministic order: an
:class:`InputDocument` ready for the pipeline, or an :class:`~extractor.schema.ErrorRecord`
saying why the input was skipped or failed.  Nothing here imports spaCy.

Inputs
    ``.txt`` (also ``.text`` and no extension)
        Decoded as UTF-8, UTF-8/UTF-16/UTF-32 with a BOM, BOM-less UTF-16 (NUL pattern),
        then cp1252 and Latin-1 (a warning says the encoding was guessed); ``encoding=``
        overrides the guess.  Metadata comes from a sidecar ``<name>.meta.json``
        (``{"published": "2022-06-08", "source": ..., "title": ..., "url": ...}``).
        An HTML page saved as ``.txt`` is detected and converted like ``.html``.
    ``.json``
        One record ``{"text": ..., "id"?, "published"?, "source"?, "title"?, "url"?}`` or a
        list of them (items without ``id`` become ``<stem>:<item number>``).
    ``.jsonl`` / ``.ndjson``
        One record per line; a line without ``id`` becomes ``<stem>:<line>``.  A bad line
        (bad JSON, NaN/Infinity, duplicate keys, nesting deeper than 32, not an object, no
        text) becomes an error record naming the file and line; the other lines go on.
        Blank lines are ignored.  ``max_bytes`` bounds each line, not the file.
    ``.html`` / ``.htm`` / ``.xhtml``
        Main text, title, publication date (from metadata only, never guessed from the
        body), site name and URL through trafilatura (optional: ``pip install
        'election-fact-extractor[html]'``).  Offsets then refer to the extracted text.

Folders are walked recursively in sorted order.  Hidden entries (``.name``), sidecars
(``*.meta.json``) and gold files (``*.gold.json``) are not documents and are passed over
silently.  A symlink is followed only when its target lies inside the folder being walked;
each file (by device and inode) is read once, so link loops and aliases end as a
``duplicate`` record.

``published`` precedence: the record's own value (sidecar, JSON field, HTML metadata) ->
the ``published=`` default -> None.  An invalid per-document value becomes a warning and
None (relative dates then stay unresolved); an invalid ``published=`` default raises
:class:`~extractor.errors.InputError` E021 before anything is read.  Today's date is never
used.

Reason codes
    skipped: ``empty``, ``not_regular_file``, ``duplicate``, ``symlink_outside_tree``,
    ``sidecar``, ``unsupported``
    error: ``not_found``, ``unreadable``, ``broken_symlink``, ``binary``, ``too_large``,
    ``bad_encoding``, ``bad_json``, ``json_too_deep``, ``duplicate_key``, ``bad_number``,
    ``not_object``, ``missing_text``, ``html_unavailable``, ``html_failed``

Warnings (``InputDocument.warnings``, ``(code, message)`` pairs) are surfaced by the batch
runner as findings: ``input_encoding_guessed``, ``input_nul_bytes``,
``input_bad_surrogates``, ``input_html_in_txt``, ``input_bad_published``,
``input_bad_meta``.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

from .errors import InputError
from .schema import ErrorRecord

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SIDECAR_SUFFIX = ".meta.json"
GOLD_SUFFIX = ".gold.json"
META_KEYS = ("published", "source", "title", "url")
MAX_JSON_DEPTH = 32
SNIFF_BYTES = 8192
HTML_HINT = "pip install 'election-fact-extractor[html]'"

#: Magic numbers of formats that are never text.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "zip (also docx/xlsx/epub)"),
    (b"PK\x05\x06", "zip"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE (doc/xls)"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF (wav/avi/webp)"),
    (b"ID3", "MP3"),
    (b"\x00\x00\x00\x18ftyp", "MP4"),
    (b"\x00\x00\x00\x20ftyp", "MP4"),
    (b"SQLite format 3\x00", "SQLite"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_ISO_PUBLISHED = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_HTML_START = re.compile(r"\s{0,1000}(?:<\?xml[^>]{0,200}>\s{0,100})?<(?:!doctype\s+html|html\b)", re.I)
_HTML_BODY = re.compile(r"<body\b[^>]{0,500}>", re.I)
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = frozenset(range(0, 9)) | frozenset(range(14, 27)) | frozenset(range(28, 32)) | {127}

Warning_ = tuple[str, str]


@dataclass(frozen=True)
class InputDocument:
    """One document ready for the pipeline (plain data, picklable)."""

    doc_id: str
    text: str
    meta: dict[str, Any]
    path: str | None = None
    line: int | None = None
    encoding: str | None = None
    sha256: str = ""
    warnings: tuple[Warning_, ...] = field(default_factory=tuple)

    def pipeline_meta(self) -> dict[str, Any]:
        """The ``meta`` dict the pipeline expects: doc_id plus published/source/title/url."""
        return {"doc_id": self.doc_id, **{k: self.meta.get(k) for k in META_KEYS}}


@dataclass(frozen=True)
class FileEntry:
    """A discovered regular file (plain data, so it can travel to a Dask worker)."""

    path: str
    explicit: bool = False


def text_sha256(text: str) -> str:
    """SHA-256 of the text's UTF-8 bytes (the identity used by ``--resume``)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_published(value: object) -> str | None:
    """An ISO date (``YYYY-MM-DD``) from a date, datetime or ISO string; ValueError otherwise.

    >>> parse_published("2022-06-08T19:30:00-07:00")
    '2022-06-08'
    >>> parse_published(None) is None
    True
    >>> parse_published("8 June 2022")
    Traceback (most recent call last):
    ...
    ValueError: not an ISO date: '8 June 2022'
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"not an ISO date: {value!r}")
    m = _ISO_PUBLISHED.fullmatch(value.strip())
    if not m:
        raise ValueError(f"not an ISO date: {value!r}")
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        raise ValueError(f"not a calendar date: {value!r}") from None


def sniff_binary(head: bytes) -> str | None:
    """The binary format the first bytes betray (magic number or NUL-heavy), or None.

    >>> sniff_binary(b"%PDF-1.7 ...")
    'PDF'
    >>> sniff_binary(b"Plain words.") is None
    True
    """
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if not head or _utf16_without_bom(head) is not None:
        return None
    if head.count(0) / len(head) >= 0.05:
        return "binary data (NUL bytes)"
    if sum(1 for b in head if b in _CONTROL) / len(head) >= 0.10:
        return "binary data (control bytes)"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit in every other byte (BOM-less UTF-16 text)."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str, list[Warning_]]:
    """Decode file bytes: ``(text, encoding used, warnings)``; UnicodeDecodeError if ``encoding`` fails.

    >>> decode_bytes("café".encode("cp1252"))[:2]
    ('café', 'cp1252')
    >>> decode_bytes(b"\\xef\\xbb\\xbfhi")[:2]
    ('hi', 'utf-8-sig')
    """
    if encoding:
        text = data.decode(encoding)
        return text.removeprefix("\ufeff"), encoding, []
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name, []
            except UnicodeDecodeError:
                break
    utf16 = _utf16_without_bom(data[:SNIFF_BYTES])
    if utf16:
        try:
            return data.decode(utf16), utf16, [("input_encoding_guessed", f"decoded as {utf16} (no BOM)")]
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    for name in ("cp1252", "latin-1"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        return text, name, [("input_encoding_guessed", f"not valid UTF-8; decoded as {name}")]
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def clean_text(text: str) -> tuple[str, list[Warning_]]:
    """Replace NUL with a space and lone surrogates with U+FFFD (offsets stay the same)."""
    warnings: list[Warning_] = []
    if "\x00" in text:
        warnings.append(("input_nul_bytes", f"{text.count(chr(0))} NUL character(s) replaced by spaces"))
        text = text.replace("\x00", " ")
    if _SURROGATE.search(text):
        warnings.append(("input_bad_surrogates", "lone UTF-16 surrogates replaced by U+FFFD"))
        text = _SURROGATE.sub("\ufffd", text)
    return text, warnings


def looks_like_html(text: str) -> bool:
    """True when a text file is really an HTML page.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Labour's <b>lead</b> grew to 3 points.")
    False
    """
    if _HTML_START.match(text):
        return True
    head = text[:4096]
    return head.lstrip().startswith("<") and bool(_HTML_BODY.search(head)) and "</" in head


def chunk_text(text: str, max_chars: int = 100_000) -> list[tuple[int, str]]:
    """Split a long text into ``(offset, chunk)`` pieces of at most ``max_chars``.

    Cuts prefer a paragraph break, then a line break, then a sentence end, then a space,
    searched backwards over the last fifth of the window; ``offset + i`` maps a position
    ``i`` in a chunk back to the text.  Concatenating the chunks gives the text back.

    >>> chunk_text("One. Two. Three.", max_chars=10)
    [(0, 'One. Two. '), (10, 'Three.')]
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    chunks: list[tuple[int, str]] = []
    start, n = 0, len(text)
    while n - start > max_chars:
        limit = start + max_chars
        floor = start + max_chars - max_chars // 5
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            i = text.rfind(sep, floor, limit)
            if i != -1:
                cut = i + len(sep)
                break
        if cut <= start or cut > limit:
            cut = limit
        chunks.append((start, text[start:cut]))
        start = cut
    chunks.append((start, text[start:]))
    return chunks


# --------------------------------------------------------------------------- records


def _error(doc_id: str, path: str | None, reason: str, message: str, *,
           line: int | None = None, status: str = "error") -> ErrorRecord:
    return ErrorRecord(doc_id=doc_id, status=status, path=path, line=line, reason=reason, message=message)


def _stem(path: str) -> str:
    """File name without its extension (``a/b/bbc-042.txt`` -> ``bbc-042``)."""
    return Path(path).stem if Path(path).suffix else Path(path).name


class _JsonProblem(ValueError):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _JsonProblem("duplicate_key", f"duplicate key {key!r}")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise _JsonProblem("bad_number", f"{name} is not valid JSON")


def _finite_float(s: str) -> float:
    value = float(s)
    if not math.isfinite(value):
        raise _JsonProblem("bad_number", f"number {s} is out of range")
    return value


def _depth(value: Any) -> int:
    """Nesting depth of a parsed JSON value (iterative)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, d = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, d)
            stack.extend((v, d + 1) for v in item.values())
        elif isinstance(item, list):
            deepest = max(deepest, d)
            stack.extend((v, d + 1) for v in item)
    return deepest


def strict_json(text: str) -> Any:
    """Parse JSON rejecting NaN/Infinity, duplicate keys and deep nesting (raises _JsonProblem)."""
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
                           parse_float=_finite_float)
    except RecursionError:
        raise _JsonProblem("json_too_deep", "JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise _JsonProblem("bad_json", f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    if _depth(value) > MAX_JSON_DEPTH:
        raise _JsonProblem("json_too_deep", f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    return value


def _resolve_meta(raw: dict[str, Any], default_published: str | None,
                  warnings: list[Warning_]) -> dict[str, Any]:
    """published/source/title/url from a record, with type checks and the published default."""
    meta: dict[str, Any] = {}
    for key in ("source", "title", "url"):
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            warnings.append(("input_bad_meta", f"{key} must be a string, got {type(value).__name__}; ignored"))
            value = None
        meta[key] = _SURROGATE.sub("\ufffd", value) if value else value
    try:
        published = parse_published(raw.get("published"))
    except ValueError as exc:
        warnings.append(("input_bad_published", f"{exc}; published left empty (use YYYY-MM-DD)"))
        published = None
    meta["published"] = published if published is not None else default_published
    return {k: meta[k] for k in META_KEYS}


def _document(doc_id: str, text: str, raw_meta: dict[str, Any], *, path: str, line: int | None,
              encoding: str | None, default_published: str | None,
              warnings: list[Warning_]) -> InputDocument | ErrorRecord:
    text, more = clean_text(text)
    warnings = [*warnings, *more]
    if not text.strip():
        return _error(doc_id, path, "empty", "no text (empty or whitespace only)", line=line, status="skipped")
    meta = _resolve_meta(raw_meta, default_published, warnings)
    return InputDocument(doc_id=doc_id, text=text, meta=meta, path=path, line=line, encoding=encoding,
                         sha256=text_sha256(text), warnings=tuple(warnings))


def _record_document(obj: Any, *, path: str | None, fallback_id: str, line: int | None, where: str,
                     encoding: str | None, default_published: str | None) -> InputDocument | ErrorRecord:
    """A JSON/JSONL record -> document, or an error naming the file and line/item."""
    doc_id = fallback_id
    label = path if path is not None else "record"
    if isinstance(obj, dict):
        rid = obj.get("id")
        if isinstance(rid, str) and rid.strip():
            doc_id = _SURROGATE.sub("\ufffd", rid)
        elif isinstance(rid, int) and not isinstance(rid, bool):
            doc_id = str(rid)
    if not isinstance(obj, dict):
        return _error(doc_id, path, "not_object", f"{label}{where}: record must be a JSON object, got "
                      f"{type(obj).__name__}", line=line)
    text = obj.get("text")
    if text is None:
        return _error(doc_id, path, "missing_text", f"{label}{where}: record has no \"text\" field", line=line)
    if not isinstance(text, str):
        return _error(doc_id, path, "missing_text", f"{label}{where}: \"text\" must be a string, got "
                      f"{type(text).__name__}", line=line)
    return _document(doc_id, text, obj, path=path, line=line, encoding=encoding,
                     default_published=default_published, warnings=[])


# --------------------------------------------------------------------------- discovery


class _Exclude:
    """Paths never read as inputs (the run's own output), matched by real path."""

    def __init__(self, paths: Iterable[str | Path]) -> None:
        self.real = {os.path.realpath(p) for p in paths}
        self.names = {os.path.basename(p) for p in self.real}

    def __contains__(self, path: str) -> bool:
        return os.path.basename(path) in self.names and os.path.realpath(path) in self.real


def discover(paths: Iterable[str | Path], exclude: Iterable[str | Path] = ()) -> Iterator[FileEntry | ErrorRecord]:
    """Expand files and folders into regular files, in order, each file once (``exclude``: never)."""
    skip = _Exclude(exclude)
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for raw in paths:
        path = str(raw)
        try:
            st = os.stat(path)
        except FileNotFoundError:
            if os.path.islink(path):
                yield _error(_stem(path), path, "broken_symlink", f"{path}: symlink target does not exist")
            else:
                yield _error(_stem(path), path, "not_found", f"{path}: no such file or folder")
            continue
        except OSError as exc:
            yield _error(_stem(path), path, "unreadable", f"{path}: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(st.st_mode):
            if (st.st_dev, st.st_ino) in seen_dirs:
                yield _error(_stem(path), path, "duplicate", f"{path}: folder already read", status="skipped")
                continue
            root = os.path.realpath(path)
            yield from _walk(path, root, st, seen_files, seen_dirs, skip)
        elif path in skip:
            continue
        elif path.endswith(SIDECAR_SUFFIX):
            yield _error(_stem(path), path, "sidecar", f"{path}: a metadata sidecar, read with its .txt",
                         status="skipped")
        else:
            yield from _file(path, st, seen_files, explicit=True)


def _file(path: str, st: os.stat_result, seen: set[tuple[int, int]], *,
          explicit: bool) -> Iterator[FileEntry | ErrorRecord]:
    if not stat.S_ISREG(st.st_mode):
        yield _error(_stem(path), path, "not_regular_file",
                     f"{path}: not a regular file (FIFO, socket or device); not opened", status="skipped")
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        yield _error(_stem(path), path, "duplicate", f"{path}: the same file was already read under another "
                     "path", status="skipped")
        return
    seen.add(key)
    yield FileEntry(path=path, explicit=explicit)


def _walk(folder: str, root: str, folder_stat: os.stat_result, seen_files: set[tuple[int, int]],
          seen_dirs: set[tuple[int, int]], skip: _Exclude) -> Iterator[FileEntry | ErrorRecord]:
    seen_dirs.add((folder_stat.st_dev, folder_stat.st_ino))
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield _error(_stem(folder), folder, "unreadable", f"{folder}: {exc.strerror or exc}")
        return
    for entry in entries:
        name, path = entry.name, entry.path
        if name.startswith(".") or name.endswith((SIDECAR_SUFFIX, GOLD_SUFFIX)) or path in skip:
            continue
        try:
            if entry.is_symlink():
                try:
                    st = os.stat(path)
                except OSError as exc:
                    yield _error(_stem(path), path, "broken_symlink", f"{path}: symlink cannot be followed "
                                 f"({exc.strerror or exc})")
                    continue
                target = os.path.realpath(path)
                if os.path.commonpath([root, target]) != root:
                    yield _error(_stem(path), path, "symlink_outside_tree", f"{path}: symlink points outside "
                                 f"{root}; not followed", status="skipped")
                    continue
            else:
                st = entry.stat(follow_symlinks=False)
        except OSError as exc:
            yield _error(_stem(path), path, "unreadable", f"{path}: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(st.st_mode):
            if (st.st_dev, st.st_ino) in seen_dirs:
                yield _error(_stem(path), path, "duplicate", f"{path}: folder already read (symlink loop or "
                             "alias)", status="skipped")
                continue
            yield from _walk(path, root, st, seen_files, seen_dirs, skip)
        else:
            yield from _file(path, st, seen_files, explicit=False)


# --------------------------------------------------------------------------- reading


def _open_regular(path: str) -> BinaryIO:
    """Open without blocking (a FIFO swapped in after discovery cannot hang the run)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise IsADirectoryError(f"{path}: not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_entry(entry: FileEntry, *, published: str | None = None, encoding: str | None = None,
               max_bytes: int = 20_000_000) -> Iterator[InputDocument | ErrorRecord]:
    """The documents (or error records) of one discovered file."""
    path = entry.path
    stem = _stem(path)
    suffix = Path(path).suffix.lower()
    try:
        fh = _open_regular(path)
    except IsADirectoryError:
        yield _error(stem, path, "not_regular_file", f"{path}: not a regular file; not read", status="skipped")
        return
    except FileNotFoundError:
        yield _error(stem, path, "not_found", f"{path}: vanished before it could be read")
        return
    except OSError as exc:
        yield _error(stem, path, "unreadable", f"{path}: {exc.strerror or exc}")
        return
    with fh:
        try:
            head = fh.read(SNIFF_BYTES)
            kind = sniff_binary(head)
            if kind:
                yield _error(stem, path, "binary", f"{path}: binary file ({kind}); not text")
                return
            if suffix in JSONL_SUFFIXES:
                fh.seek(0)
                yield from _read_jsonl(fh, path, stem, published, max_bytes)
                return
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                yield _error(stem, path, "too_large", f"{path}: {size} bytes is over the {max_bytes}-byte "
                             "limit (raise --max-bytes, or split the file)")
                return
            data = head + fh.read(max_bytes + 1 - len(head))
        except OSError as exc:
            yield _error(stem, path, "unreadable", f"{path}: {exc.strerror or exc}")
            return
    if len(data) > max_bytes:
        yield _error(stem, path, "too_large", f"{path}: over the {max_bytes}-byte limit")
        return
    if suffix in TEXT_SUFFIXES:
        yield _read_txt(data, path, stem, published, encoding)
    elif suffix in JSON_SUFFIXES:
        yield from _read_json(data, path, stem, published)
    elif suffix in HTML_SUFFIXES:
        yield _read_html(data, path, stem, published, encoding, warnings=[])
    else:
        yield _error(stem, path, "unsupported", f"{path}: unsupported file type {suffix!r} (use .txt, .json, "
                     ".jsonl or .html)", status="skipped")


def _decode_or_error(data: bytes, path: str, stem: str, encoding: str | None,
                     line: int | None = None) -> tuple[str, str, list[Warning_]] | ErrorRecord:
    try:
        return decode_bytes(data, encoding)
    except LookupError:
        raise InputError("E020", path=path, detail=f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        return _error(stem, path, "bad_encoding", f"{path}: not valid {exc.encoding} at byte {exc.start}",
                      line=line)


def _sidecar(path: str) -> tuple[dict[str, Any], list[Warning_]]:
    """Metadata from ``<name>.meta.json`` beside a ``.txt`` ({} when there is none)."""
    base = path[: -len(Path(path).suffix)] if Path(path).suffix else path
    side = base + SIDECAR_SUFFIX
    try:
        raw = Path(side).read_bytes()
    except FileNotFoundError:
        return {}, []
    except OSError as exc:
        return {}, [("input_bad_meta", f"{side}: {exc.strerror or exc}; ignored")]
    try:
        value = strict_json(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, _JsonProblem) as exc:
        return {}, [("input_bad_meta", f"{side}: {exc}; ignored")]
    if not isinstance(value, dict):
        return {}, [("input_bad_meta", f"{side}: must be a JSON object; ignored")]
    return value, []


def _read_txt(data: bytes, path: str, stem: str, published: str | None,
              encoding: str | None) -> InputDocument | ErrorRecord:
    decoded = _decode_or_error(data, path, stem, encoding)
    if isinstance(decoded, ErrorRecord):
        return decoded
    text, used, warnings = decoded
    if looks_like_html(text):
        warnings.append(("input_html_in_txt", "the .txt file holds an HTML page; its main text was extracted"))
        return _html_document(text, path, stem, published, used, warnings)
    meta, more = _sidecar(path)
    return _document(stem, text, meta, path=path, line=None, encoding=used, default_published=published,
                     warnings=[*warnings, *more])


def _read_json(data: bytes, path: str, stem: str, published: str | None) -> Iterator[InputDocument | ErrorRecord]:
    try:
        value = strict_json(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield _error(stem, path, "bad_encoding", f"{path}: JSON must be UTF-8 (bad byte at {exc.start})")
        return
    except _JsonProblem as exc:
        yield _error(stem, path, exc.reason, f"{path}: {exc}")
        return
    if isinstance(value, list):
        if not value:
            yield _error(stem, path, "empty", f"{path}: empty list", status="skipped")
        for i, item in enumerate(value, 1):
            yield _record_document(item, path=path, fallback_id=f"{stem}:{i}", line=None, where=f", item {i}",
                                   encoding="utf-8", default_published=published)
    else:
        yield _record_document(value, path=path, fallback_id=stem, line=None, where="", encoding="utf-8",
                               default_published=published)


def _read_jsonl(fh: BinaryIO, path: str, stem: str, published: str | None,
                max_bytes: int) -> Iterator[InputDocument | ErrorRecord]:
    number = 0
    while True:
        raw = fh.readline(max_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the over-long line
                raw = fh.readline(1 << 20)
            yield _error(f"{stem}:{number}", path, "too_large", f"{path}, line {number}: over the "
                         f"{max_bytes}-byte limit", line=number)
            continue
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        try:
            line_text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield _error(f"{stem}:{number}", path, "bad_encoding", f"{path}, line {number}: not valid UTF-8 "
                         f"(byte {exc.start})", line=number)
            continue
        try:
            value = strict_json(line_text)
        except _JsonProblem as exc:
            yield _error(f"{stem}:{number}", path, exc.reason, f"{path}, line {number}: {exc}", line=number)
            continue
        yield _record_document(value, path=path, fallback_id=f"{stem}:{number}", line=number,
                               where=f", line {number}", encoding="utf-8", default_published=published)


def _read_html(data: bytes, path: str, stem: str, published: str | None, encoding: str | None,
               warnings: list[Warning_]) -> InputDocument | ErrorRecord:
    decoded = _decode_or_error(data, path, stem, encoding)
    if isinstance(decoded, ErrorRecord):
        return decoded
    text, used, more = decoded
    return _html_document(text, path, stem, published, used, [*warnings, *more])


def _html_document(html: str, path: str, stem: str, published: str | None, encoding: str,
                   warnings: list[Warning_]) -> InputDocument | ErrorRecord:
    try:
        import trafilatura
    except ImportError:
        return _error(stem, path, "html_unavailable", f"{path}: reading HTML needs trafilatura: {HTML_HINT}")
    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # trafilatura/lxml failures on hostile markup
        return _error(stem, path, "html_failed", f"{path}: HTML extraction failed: {exc}")
    if result is None or not (getattr(result, "text", None) or "").strip():
        return _error(stem, path, "empty", f"{path}: no main text found in the HTML", status="skipped")
    meta = {"title": result.title, "source": result.sitename, "url": result.url, "published": result.date}
    sidecar, more = _sidecar(path)
    meta.update({k: v for k, v in sidecar.items() if v is not None})
    return _document(stem, result.text, meta, path=path, line=None, encoding=encoding,
                     default_published=published, warnings=[*warnings, *more])


def iter_documents(paths: Iterable[str | Path], *, published: str | None = None, encoding: str | None = None,
                   max_bytes: int = 20_000_000,
                   exclude: Iterable[str | Path] = ()) -> Iterator[InputDocument | ErrorRecord]:
    """One :class:`InputDocument` or :class:`ErrorRecord` per input, in a deterministic order.

    ``exclude`` names files never read (a batch run passes its own output file).

    Raises :class:`~extractor.errors.InputError` (E021) for an invalid ``published`` default
    and (E020) for an unknown ``encoding`` name.
    """
    try:
        default = parse_published(published)
    except ValueError:
        raise InputError("E021", detail=published) from None
    if encoding:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError("E020", path="--encoding", detail=f"unknown encoding {encoding!r}") from None
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for item in discover(paths, exclude):
        if isinstance(item, ErrorRecord):
            yield item
        else:
            yield from read_entry(item, published=default, encoding=encoding, max_bytes=max_bytes)
