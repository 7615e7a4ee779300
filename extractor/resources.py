"""Locate and read the rule packs in ``models/`` (data, not code).

In a wheel the folder is installed as ``extractor/models``; in a source checkout it is the
top-level ``models/`` beside the package.  ``EXTRACTOR_MODELS`` overrides both.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import RuleFileError

M = TypeVar("M", bound=BaseModel)


@lru_cache(maxsize=1)
def models_dir() -> Path:
    """The folder that holds the shipped rule packs."""
    env = os.environ.get("EXTRACTOR_MODELS")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here / "models", here.parent / "models"):
        if (candidate / "pipeline.json").is_file():
            return candidate
    raise RuleFileError("E001", path=str(here / "models"), detail="models/pipeline.json not found; reinstall the package")


def read_json(path: Path) -> Any:
    """Parse one JSON rule file, raising RuleFileError naming the file on any problem."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RuleFileError("E002", path=str(path), detail="file not found") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuleFileError("E003", path=str(path), detail=str(exc)) from None


@lru_cache(maxsize=None)
def shared_data(name: str) -> Any:
    """A shared rule file by name, e.g. ``shared_data("currencies")`` -> models/shared/currencies.json."""
    return read_json(models_dir() / "shared" / f"{name}.json")


def pipeline_config() -> dict[str, Any]:
    """models/pipeline.json: component order and settings."""
    return read_json(models_dir() / "pipeline.json")


def validate_rule_file(model: type[M], data: Any, path: str) -> M:
    """Validate one parsed rule file; raise RuleFileError E004 naming the first bad entry."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        entry = ".".join(str(p) for p in err.get("loc", ())) or "(top level)"
        raise RuleFileError("E004", path=path, entry=entry, detail=err.get("msg", str(exc))) from None
