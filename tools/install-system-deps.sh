#!/usr/bin/env bash
# Install the system packages that the PDF and EPUB builds and the test suite
# need: a XeLaTeX toolchain, xindy, dvisvgm, epubcheck, Graphviz, poppler's
# pdftotext, Chromium, Java (epubcheck, the Nu HTML checker) and Node.js with
# npm (Lighthouse, axe-core).
#
# * Everything already present: exit 0 without printing anything.
# * Debian or Ubuntu (apt-get available): install what is missing, through
#   sudo when not running as root.
# * Any other system: print the Debian/Ubuntu package names and exit 1, so the
#   equivalents can be installed by hand.
set -euo pipefail

PACKAGES=(
  latexmk
  texlive-xetex
  texlive-latex-extra
  texlive-fonts-recommended
  fonts-freefont-otf
  xindy
  dvisvgm
  epubcheck
  graphviz
  poppler-utils
  chromium
  nodejs
  npm
  default-jre-headless
)
COMMANDS=(latexmk xelatex dvisvgm pdftotext dot java node npm)
EPUBCHECK_JAR=/usr/share/java/epubcheck.jar

have() {
  command -v "$1" >/dev/null 2>&1
}

# Ubuntu and the GitHub-hosted runners may provide the browser as
# chromium-browser, or as a symlink that no Debian package owns.
have_chromium() {
  have chromium || have chromium-browser
}

# Print, one per line, every required command or file that is missing.
missing_items() {
  local cmd
  for cmd in "${COMMANDS[@]}"; do
    have "$cmd" || echo "$cmd"
  done
  [[ -f $EPUBCHECK_JAR ]] || echo "$EPUBCHECK_JAR"
  have_chromium || echo "chromium"
  python3 -c 'import ensurepip, venv' 2>/dev/null || echo "python3-venv"
}

# Print each line of $1 as an indented bullet.
bullet_list() {
  local line
  while IFS= read -r line; do
    printf '  - %s\n' "$line"
  done <<<"$1"
}

package_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing="$(missing_items)"
if [[ -z $missing ]]; then
  exit 0
fi

if ! have apt-get; then
  {
    echo "The guide's PDF/EPUB builds and tests need tools that are not installed:"
    bullet_list "$missing"
    echo
    echo "This script installs them only on Debian or Ubuntu (apt-get)."
    echo "Please install the equivalents of these Debian/Ubuntu packages"
    echo "with your system's package manager, then run make again:"
    echo
    echo "  ${PACKAGES[*]}"
  } >&2
  exit 1
fi

to_install=()
if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  to_install+=(python3-venv)
fi
for pkg in "${PACKAGES[@]}"; do
  if [[ $pkg == chromium ]] && have_chromium; then
    continue
  fi
  if package_installed "$pkg"; then
    continue
  fi
  to_install+=("$pkg")
done

if [[ ${#to_install[@]} -eq 0 ]]; then
  {
    echo "All required packages are installed, yet these are still missing:"
    bullet_list "$missing"
    echo "Check that they are on PATH (or reinstall: ${PACKAGES[*]})."
  } >&2
  exit 1
fi

if [[ $(id -u) -eq 0 ]]; then
  as_root=(env DEBIAN_FRONTEND=noninteractive)
elif have sudo; then
  as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
else
  {
    echo "Installing system packages needs root, and sudo is not available."
    echo "As root, run:"
    echo "  apt-get update && apt-get install -y ${to_install[*]}"
  } >&2
  exit 1
fi

echo "Installing system packages: ${to_install[*]}"
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y "${to_install[@]}"

missing="$(missing_items)"
if [[ -n $missing ]]; then
  {
    echo "Installation finished, but these are still missing:"
    bullet_list "$missing"
  } >&2
  exit 1
fi
echo "System packages are ready."
