"""The controlled vocabulary: difficulties, roles, companies and tags of the
questions, and the categories and interview rounds of the bibliography.

It is one YAML file at the project root (``guide_vocabulary`` in conf.py).
Each section maps a key (what authors write in a question's options) to the
name readers see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

SECTIONS = ("difficulties", "roles", "companies", "tags", "resource-categories", "rounds")
KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class VocabularyError(Exception):
    """The vocabulary file is missing or malformed."""


@dataclass(frozen=True)
class Vocabulary:
    path: str
    difficulties: dict[str, str]
    roles: dict[str, str]
    companies: dict[str, str]
    tags: dict[str, str]
    resource_categories: dict[str, str]
    rounds: dict[str, str]

    def section(self, name: str) -> dict[str, str]:
        return getattr(self, name.replace("-", "_"))


def load_vocabulary(path: Path) -> Vocabulary:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise VocabularyError(f"{path}: cannot read the vocabulary file: {exc}") from exc
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise VocabularyError(f"{path}: expected a mapping with sections {', '.join(SECTIONS)}")
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        raise VocabularyError(f"{path}: unknown section(s) {', '.join(unknown)}")
    sections = {}
    for name in SECTIONS:
        section = data.get(name) or {}
        if not isinstance(section, dict):
            raise VocabularyError(f"{path}: section '{name}' must map keys to names")
        for key, title in section.items():
            if not isinstance(key, str) or not KEY.match(key):
                raise VocabularyError(
                    f"{path}: {name}: key {key!r} must be lowercase words joined by hyphens")
            if not isinstance(title, str) or not title.strip():
                raise VocabularyError(f"{path}: {name}: key {key!r} needs a display name")
        sections[name] = dict(section)
    if not sections["difficulties"]:
        raise VocabularyError(f"{path}: section 'difficulties' must not be empty")
    return Vocabulary(path=str(path), **{name.replace("-", "_"): value for name, value in sections.items()})
