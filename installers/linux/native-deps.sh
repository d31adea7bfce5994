#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The system libraries CostBench's natives need, from their NEEDED entries (objdump), without those it bundles.
#
#   native-deps.sh JAR-DIR                 checks that depends.txt names every library the natives inside the jars
#                                          (JavaFX, FFmpeg/javacpp, JNA, WebP) need; fails naming the missing ones
#   native-deps.sh --rpm JAR-DIR RUNTIME   prints the .rpm's Requires: the sonames needed by the jars' natives and
#                                          by the Java runtime, as RPM capabilities (libgtk-3.so.0()(64bit), …)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rpm=false
if [ "${1:-}" = --rpm ]; then rpm=true; shift; fi
jars=$(cd "$1" && pwd)
runtime=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for j in "$jars"/*.jar; do
  list=$(jar tf "$j" | grep -E '\.so(\.[0-9]+)*$' || true)
  [ -n "$list" ] || continue
  mkdir -p "$tmp/$(basename "$j")"
  (cd "$tmp/$(basename "$j")" && echo "$list" | xargs jar xf "$j")
done
[ -z "$runtime" ] || cp -r "$runtime/lib" "$tmp/runtime"
libs=$(find "$tmp" -name '*.so*' -type f)
bundled=$(for f in $libs; do basename "$f"; done | sort -u)
needed=$(for f in $libs; do objdump -p "$f" 2>/dev/null | awk '/NEEDED/ { print $2 }'; done | sort -u)
system=$(comm -23 <(echo "$needed") <(echo "$bundled"))

if $rpm; then
  suffix=""
  case "$(uname -m)" in x86_64|aarch64) suffix="(64bit)" ;; esac
  for lib in $system; do echo "$lib()$suffix"; done | paste -sd, - | sed 's/,/, /g'
  exit 0
fi

known=$(grep -v '^#' "$here/depends.txt" | awk 'NF { print $1 }')
missing=()
for lib in $system; do
  grep -qxF "$lib" <<< "$known" || missing+=("$lib")
done
echo "  natives need $(wc -w <<< "$needed") libraries: $(comm -12 <(echo "$needed") <(echo "$bundled") | wc -l) bundled, $(wc -w <<< "$system") from the system, all in depends.txt"
if [ ${#missing[@]} -gt 0 ]; then
  echo "native-deps.sh: the natives need libraries depends.txt does not list:" >&2
  for lib in "${missing[@]}"; do
    pkg=$(command -v dpkg >/dev/null && dpkg -S "*/$lib" 2>/dev/null | head -1 | cut -d: -f1 || true)
    echo "  $lib${pkg:+  (Debian package: $pkg)}" >&2
  done
  exit 1
fi
