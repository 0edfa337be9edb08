#!/usr/bin/env bash
# LibreOffice's French thesaurus (Debian package mythes-fr 1:7.5.0-1), the declared source of
# src/mfs_core/recognition/data/synonyms.tsv: tests/test_recognition_synonyms.py checks every
# entry of that file against it. Downloaded and unpacked, not installed. Writes
# MFS_TEST_MYTHES_FR (the path of thes_fr.dat) into .ci/env.
set -euo pipefail
cd "$(dirname "$0")/../.."
cache="$PWD/.ci/cache/mythes-fr"
thesaurus="$cache/usr/share/mythes/thes_fr.dat"
if [ ! -s "$thesaurus" ]; then
    mkdir -p "$cache"
    (cd "$cache" && apt-get download -qq 'mythes-fr=1:7.5.0-1' 2>/dev/null \
        || { apt-get update -qq && apt-get download -qq 'mythes-fr=1:7.5.0-1'; })
    dpkg-deb -x "$cache"/mythes-fr_*7.5.0-1_all.deb "$cache"
fi
echo "MFS_TEST_MYTHES_FR=$thesaurus" >> .ci/env
