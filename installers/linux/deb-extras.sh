#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Adds to the .deb jpackage made what jpackage cannot put outside /opt/costbench, as files the package owns (so dpkg
# removes them again): the menu entry /usr/share/applications/costbench.desktop, the icons in the hicolor theme and
# the command /usr/bin/costbench. Debian's desktop-file-utils and hicolor-icon-theme refresh their caches through
# dpkg triggers, so no maintainer script is needed for these. Usage: deb-extras.sh JPACKAGE.deb OUT-DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
deb=$1
out=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpkg-deb -R "$deb" "$work/root"
r=$work/root
install -D -m 644 "$here/costbench.desktop" "$r/usr/share/applications/costbench.desktop"
for s in 16 24 32 48 64 128 256 512; do
  install -D -m 644 "$here/../icon/png/costbench-$s.png" "$r/usr/share/icons/hicolor/${s}x${s}/apps/costbench.png"
done
install -D -m 644 "$here/../icon/costbench.svg" "$r/usr/share/icons/hicolor/scalable/apps/costbench.svg"
mkdir -p "$r/usr/bin"
ln -s /opt/costbench/bin/costbench-start "$r/usr/bin/costbench"
size=$(du -sk --exclude=DEBIAN "$r" | cut -f1)
sed -i "s/^Installed-Size:.*/Installed-Size: $size/" "$r/DEBIAN/control"
(cd "$r" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z | xargs -0 md5sum | sed 's: \./: :' > DEBIAN/md5sums)
mkdir -p "$out"
dpkg-deb --root-owner-group -Zxz --build "$r" "$out/$(basename "$deb")" >/dev/null
echo "  $(basename "$deb"): added the menu entry, icons and /usr/bin/costbench"
