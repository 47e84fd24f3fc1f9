#!/usr/bin/env bash
# Install the Debian packages denkraam needs. Usage: scripts/sysdeps.sh run|test
# Fast when everything is there; as root it installs what is missing, otherwise it prints the line to run.
set -euo pipefail

profile="${1:-run}"
# WeasyPrint (PDF reports) needs Pango and a font.
packages=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
if [ "$profile" = "test" ]; then
  # Browser tests (Chromium), the deep text analysis (frog), and the PostgreSQL run of the suite.
  packages+=(chromium frog frogdata postgresql)
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "denkraam needs these Debian packages: ${missing[*]}" >&2
  echo "Install them (as root) with:" >&2
  echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  echo "and then run make again." >&2
  exit 1
fi

echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
