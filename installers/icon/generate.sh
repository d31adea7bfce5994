#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Regenerates every icon file from the two SVG masters; the results are committed, so building an installer does
# not need these tools. Needs (Debian): apt-get install librsvg2-bin icoutils icnsutils
#   png/costbench-N.png   16, 24 and 32 from costbench-small.svg (drawn for small sizes), 48 … 1024 from costbench.svg
#   ../linux/costbench.png     256 px, the launcher icon jpackage installs with the app
#   ../windows/costbench.ico   16, 24, 32, 48, 64 (BMP) and 256 (PNG) — icotool
#   ../macos/costbench.icns    16, 32, 48, 128, 256, 512, 1024 — png2icns
set -euo pipefail
cd "$(dirname "$0")"
for t in rsvg-convert icotool png2icns; do
  command -v "$t" >/dev/null || { echo "generate.sh: $t not found (apt-get install librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done

mkdir -p png
for s in 16 24 32; do rsvg-convert -w "$s" -h "$s" costbench-small.svg -o "png/costbench-$s.png"; done
for s in 48 64 128 256 512 1024; do rsvg-convert -w "$s" -h "$s" costbench.svg -o "png/costbench-$s.png"; done

cp png/costbench-256.png ../linux/costbench.png
icotool -c -o ../windows/costbench.ico png/costbench-{16,24,32,48,64}.png -r png/costbench-256.png
png2icns ../macos/costbench.icns png/costbench-{16,32,48,128,256,512,1024}.png >/dev/null
echo "icons written: $(ls png | wc -l) PNGs, ../linux/costbench.png, ../windows/costbench.ico, ../macos/costbench.icns"
