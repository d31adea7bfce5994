#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Checks that installers/linux/depends.txt names every system library the natives inside the staged jars link
# against (JavaFX, FFmpeg/javacpp, JNA, WebP): reads their NEEDED entries with objdump, leaves out the libraries the
# jars bundle themselves, and fails on any soname depends.txt lacks. On a Debian/Ubuntu machine it also prints the
# package dpkg says provides each one. Usage: native-deps.sh DIR-WITH-JARS
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jars=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for j in "$jars"/*.jar; do
  list=$(jar tf "$j" | grep -E '\.so(\.[0-9]+)*$' || true)
  [ -n "$list" ] || continue
  mkdir -p "$tmp/$(basename "$j")"
  (cd "$tmp/$(basename "$j")" && echo "$list" | xargs jar xf "$j")
done
bundled=$(find "$tmp" -name '*.so*' -printf '%f\n' | sort -u)
needed=$(find "$tmp" -name '*.so*' -exec objdump -p {} \; 2>/dev/null | awk '/NEEDED/ { print $2 }' | sort -u)
known=$(grep -v '^#' "$here/depends.txt" | awk 'NF { print $1 }')
missing=()
for lib in $needed; do
  grep -qxF "$lib" <<< "$bundled" && continue
  grep -qxF "$lib" <<< "$known" || missing+=("$lib")
done
echo "  natives need $(wc -w <<< "$needed") libraries, $(comm -12 <(echo "$needed") <(echo "$bundled") | wc -l) of them bundled; the rest are in depends.txt"
if [ ${#missing[@]} -gt 0 ]; then
  echo "native-deps.sh: the natives need libraries depends.txt does not list:" >&2
  for lib in "${missing[@]}"; do
    pkg=$(command -v dpkg >/dev/null && dpkg -S "*/$lib" 2>/dev/null | head -1 | cut -d: -f1 || true)
    echo "  $lib${pkg:+  (Debian package: $pkg)}" >&2
  done
  exit 1
fi
