#!/usr/bin/env bash
# A Java runtime (17 or later) for PySpark, to run the national report on Spark in local mode
# (the tests_spark nox session, tests/national/test_spark.py). Writes MFS_TEST_JAVA_HOME
# into .ci/env; the tests pass it to Spark as JAVA_HOME.
set -euo pipefail
cd "$(dirname "$0")/../.."

java_home() {
    local java
    java="$(command -v java 2>/dev/null || true)"
    [ -n "$java" ] || return 1
    java="$(readlink -f "$java")"
    local home="${java%/bin/java}"
    # Spark 4 needs Java 17 or later: "version "17.0.15"", "version "21""...
    local major
    major="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
    [ -n "$major" ] && [ "$major" -ge 17 ] || return 1
    echo "$home"
}

if ! home="$(java_home)"; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless > /dev/null
    home="$(java_home)"
fi
"$home/bin/java" -version 2>&1 | head -n1
echo "MFS_TEST_JAVA_HOME=$home" >> .ci/env
