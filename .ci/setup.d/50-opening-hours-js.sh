#!/usr/bin/env bash
# opening_hours.js, the reference parser of the OpenStreetMap opening_hours syntax, for the
# differential test of mfs_core.hours (tests/compliance/test_hours_differential.py).
# Installed from the npm registry into .ci/cache (pinned version, with its dependencies);
# writes MFS_TEST_OPENING_HOURS_JS (the package's directory) into .ci/env. Needs Node >= 18.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=3.15.0
prefix="$PWD/.ci/cache/opening-hours-js-$version"
package="$prefix/node_modules/opening_hours"
if ! [ -s "$package/package.json" ] || ! grep -q "\"version\": \"$version\"" "$package/package.json"; then
    mkdir -p "$prefix"
    npm install --silent --no-audit --no-fund --prefix "$prefix" "opening_hours@$version" >/dev/null
fi
node --version
echo "MFS_TEST_OPENING_HOURS_JS=$package" >> .ci/env
