#!/usr/bin/env bash
# The official SARIF 2.1.0 JSON Schema, to validate `mfs check --format sarif` in the tests.
# It ships in the npm package @microsoft/jest-sarif (Microsoft's SARIF SDK schema); the
# repository does not vendor it.
set -euo pipefail
cd "$(dirname "$0")/../.."
cache="$PWD/.ci/cache"
schema="$cache/sarif-schema-2.1.0.json"
if [ ! -s "$schema" ]; then
    mkdir -p "$cache/npm"
    (cd "$cache/npm" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null)
    tar -xzf "$cache/npm"/microsoft-jest-sarif-1.0.0-beta.0.tgz -C "$cache/npm" \
        package/lib/schemas/sarif-2.1.0-rtm.5.json
    cp "$cache/npm/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$schema"
fi
echo "MFS_TEST_SARIF_SCHEMA=$schema" >> .ci/env
