#!/usr/bin/env bash
# The system libraries WeasyPrint renders the take-home sheet's PDF with (Pango, HarfBuzz,
# fontconfig) and a font with the French characters (DejaVu), for tests/serve/test_sheet.py
# and the sheet's screenshots in the docs. WeasyPrint itself comes from PyPI (the 'serve'
# extra). Idempotent: installs only what is missing.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" > /dev/null
fi
echo "WeasyPrint system libraries present: ${packages[*]}"
