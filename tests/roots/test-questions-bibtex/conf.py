# The extension is importable through pytest's pythonpath (pyproject.toml).
extensions = ["myst_parser", "sphinx_design", "guide_questions", "sphinxcontrib.bibtex"]
bibtex_bibfiles = ["refs.bib"]
myst_enable_extensions = ["colon_fence", "dollarmath"]
imgmath_image_format = "svg"
nitpicky = True
project = "test"
version = release = "1"
copyright = "2026, test"
