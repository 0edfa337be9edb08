#!/usr/bin/env bash
# Headless Chromium, to check that the monthly report's HTML page renders its charts
# (tests/journal/test_report_html_browser.py). Writes MFS_TEST_CHROMIUM into .ci/env.
set -euo pipefail
cd "$(dirname "$0")/../.."

export DEBIAN_FRONTEND=noninteractive
if ! [ -x /usr/bin/chromium ]; then
    apt-get update -qq
    apt-get install -y -qq chromium > /dev/null
fi
/usr/bin/chromium --version
echo "MFS_TEST_CHROMIUM=/usr/bin/chromium" >> .ci/env
