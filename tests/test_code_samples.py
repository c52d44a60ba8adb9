"""Every ```python block of the guide runs, on its own, without error.

Blocks assert the numbers their answers quote, so a wrong number fails here.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from markdown_it import MarkdownIt

from conftest import PROJECT

SOURCE = PROJECT / "source"


def python_blocks():
    parser = MarkdownIt("commonmark")
    for path in sorted(SOURCE.rglob("*.md")):
        if "contributing" in path.relative_to(SOURCE).parts:
            continue
        for token in parser.parse(path.read_text(encoding="utf-8")):
            if token.type == "fence" and token.info.strip() in ("python", "{code-block} python"):
                yield pytest.param(token.content, id=f"{path.relative_to(PROJECT)}:{token.map[0] + 1}")


BLOCKS = list(python_blocks())


def test_the_guide_has_code_samples():
    assert len(BLOCKS) >= 1


@pytest.mark.parametrize("code", BLOCKS)
def test_code_sample_runs(code):
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-3000:]
