"""The guide is written in its own words: no run of 10+ words repeats a seed document."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import PROJECT

TOOL = PROJECT.parent / "shared" / "tools" / "seed_overlap.py"


@pytest.mark.skipif(not TOOL.exists(), reason="the seed documents (../shared) are not beside this clone")
def test_no_text_repeats_a_seed():
    result = subprocess.run([sys.executable, str(TOOL)], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
