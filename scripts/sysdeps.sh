#!/usr/bin/env bash
# Install the Debian packages denkraam needs and prove they work. Usage: scripts/sysdeps.sh run|test
# Fast when everything is there; as root it installs what is missing, otherwise it prints the line to run.
# Each profile ends with a smoke test of what it installed, so a missing piece (a Recommends that
# --no-install-recommends left out, a data package) fails here with its name instead of deep inside a test.
set -euo pipefail

profile="${1:-run}"
case "$profile" in run | test) ;; *) echo "Gebruik: $0 run|test" >&2; exit 2 ;; esac

# Python's venv and pip, Node's npm for the front-end assets; WeasyPrint (PDF reports) needs Pango and a font.
packages=(python3 python3-venv libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
# Node.js may come from elsewhere than Debian (a newer release): only ask for Debian's when there is no npm at all.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if [ "$profile" = "test" ]; then
  # Browser tests (Chromium, driven by the node binary inside the playwright package, which needs libatomic); the
  # deep text analysis (frog with its Dutch data, and ucto with its data: frog's
  # tokenizer, only a Recommends of frog); the PostgreSQL run of the suite; pdfinfo (poppler-utils) to check that
  # the PDF reports are tagged.
  packages+=(chromium libatomic1 frog frogdata ucto uctodata postgresql poppler-utils)
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

install_missing() {
  local missing=() pkg
  for pkg in "${packages[@]}"; do installed "$pkg" || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "denkraam heeft deze Debian-pakketten nodig: ${missing[*]}" >&2
    echo "Installeer ze (als root) met:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    echo "en start make daarna opnieuw." >&2
    exit 1
  fi
  echo "Debian-pakketten installeren: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

fail() {
  echo "Installatie onvolledig: $1" >&2
  [ -n "${2:-}" ] && printf '%s\n' "$2" | tail -n 5 | sed 's/^/  /' >&2
  exit 1
}

smoke_run() {
  python3 -c 'import ensurepip, venv' 2>/dev/null || fail "python3-venv ontbreekt (venv of ensurepip niet gevonden)."
  command -v npm >/dev/null 2>&1 || fail "npm ontbreekt."
}

# Each smoke test below takes a second or two; the stamp skips them while no package changed since.
smoke_frog() {
  local out
  out=$(cd "$work" && printf 'De gemeente stuurt u morgen een brief .\n' >in.txt &&
    timeout 120 frog --skip=tanc -n -t in.txt 2>&1) || fail "frog kan geen Nederlandse zin ontleden (frog, frogdata, ucto en uctodata nodig)." "$out"
  grep -q $'\tbrief\t' <<<"$out" || fail "frog gaf geen ontleding van een Nederlandse zin." "$out"
}

smoke_chromium() {
  local out
  printf '<title>rooktest</title><p id="x">denkraam</p>' >"$work/page.html"
  out=$(timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
    --dump-dom "file://$work/page.html" 2>&1) || fail "Chromium opent headless geen pagina." "$out"
  grep -q 'id="x">denkraam' <<<"$out" || fail "Chromium toonde de testpagina niet." "$out"
}

smoke_pdfinfo() {
  local out
  out=$(timeout 30 pdfinfo -v 2>&1) || fail "pdfinfo start niet (pakket poppler-utils)." "$out"
}

smoke_postgres() {
  local initdb out
  initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  [ -n "$initdb" ] || fail "PostgreSQL's initdb niet gevonden (pakket postgresql)."
  mkdir -p "$work/pg"
  # initdb refuses to run as root; run it as the postgres user the package created.
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$work" "$work/pg"
    out=$(runuser -u postgres -- "$initdb" -D "$work/pg" -A trust -U denkraam 2>&1) || fail "initdb faalt." "$out"
  else
    out=$("$initdb" -D "$work/pg" -A trust -U denkraam 2>&1) || fail "initdb faalt." "$out"
  fi
}

install_missing
stamp_dir="${XDG_CACHE_HOME:-$HOME/.cache}/denkraam"
stamp="$stamp_dir/sysdeps-$profile.ok"
if [ -f "$stamp" ] && [ "$stamp" -nt /var/lib/dpkg/status ]; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
smoke_run
if [ "$profile" = "test" ]; then
  smoke_frog
  smoke_chromium
  smoke_pdfinfo
  smoke_postgres
fi
mkdir -p "$stamp_dir" && touch "$stamp"
