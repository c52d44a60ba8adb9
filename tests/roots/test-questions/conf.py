# The extension is importable through pytest's pythonpath (pyproject.toml).
extensions = ["myst_parser", "sphinx_design", "guide_questions"]
myst_enable_extensions = ["colon_fence", "dollarmath"]
imgmath_image_format = "svg"
nitpicky = True
project = "test"
version = release = "1"
copyright = "2026, test"
imgmath_latex_preamble = r"\usepackage{amsmath,amssymb,cancel}"
