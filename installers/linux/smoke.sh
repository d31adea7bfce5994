#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Smoke test of the Linux package, on this machine (Debian 12 / Ubuntu; run as root — it installs and removes the
# package with apt-get, and removes an installed costbench at the end):
#
#   installers/linux/smoke.sh [--skip-maven]
#
#  1. builds the .deb (installers/build.sh deb; --skip-maven packages the existing Maven build);
#  2. installs it with apt-get install ./costbench_*.deb (which pulls its dependencies) and checks the files;
#  3. starts the app the way the menu does (the Exec line of /usr/share/applications/costbench.desktop) on a virtual
#     display, waits for the main window and the filled cost table, saves a screenshot, quits it with Ctrl+Q;
#  4. runs the installed launcher's self-test (costbench --self-test) and one command-line call;
#  5. upgrades to a copy of the package with a higher version, then removes it, and checks that the user's data
#     (~/.local/share/costbench) survived both while /opt/costbench, the menu entry and /usr/bin/costbench are gone.
# The app runs as a throwaway user, costbench-smoke (made here, deleted at the end with its home), so its data goes
# where a real user's would; the screenshot and the logs stay in installers/target/smoke/.
# Needs: xvfb xauth xdotool imagemagick fakeroot binutils (and what build.sh needs).
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$SECONDS
out=installers/target/smoke
step() { printf '\n== smoke: %s (%ds)\n' "$*" $((SECONDS - t0)); }
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (apt-get install / remove)"
for t in Xvfb xdotool import apt-get dpkg-deb; do command -v $t >/dev/null || fail "$t missing (apt-get install xvfb xauth xdotool imagemagick)"; done

step "build the .deb"
# xz at level 1 instead of dpkg-deb's 6: the package is installed here once and thrown away, and level 6 is most of
# the packaging time (a release build, installers/build.sh on its own, keeps the default).
DPKG_DEB_COMPRESSOR_LEVEL=${DPKG_DEB_COMPRESSOR_LEVEL:-1} installers/build.sh "$@" deb
deb=$(ls installers/target/dist/costbench_*_*.deb | head -1)
rm -rf "$out" && mkdir -p "$out"
user=costbench-smoke
id "$user" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash "$user"
home=$(getent passwd "$user" | cut -d: -f6)
# A desktop session's environment: a UTF-8 locale (GTK cannot set the window title "CostBench — …" in the C locale).
as_user() { runuser -u "$user" -- env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 DISPLAY="${DISPLAY:-}" "$@"; }
app=""
xvfb=""
cleanup() {
  [ -z "$app" ] || kill "$app" 2>/dev/null || true # runuser passes the signal on to the app
  [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
  userdel --force --remove "$user" 2>/dev/null || true
}
trap cleanup EXIT

step "apt-get install ./$(basename "$deb")"
export DEBIAN_FRONTEND=noninteractive
if dpkg-query -W -f '${Status}' costbench 2>/dev/null | grep -q 'ok installed'; then
  echo "removing the costbench installed before"
  apt-get purge -y -q costbench > "$out/apt-remove-before.log" 2>&1
fi
# (with stale or no package lists the dependencies may not resolve: update them and try again)
apt-get install -y -q "./$deb" > "$out/apt-install.log" 2>&1 \
  || { apt-get update -q >/dev/null && apt-get install -y -q "./$deb" > "$out/apt-install.log" 2>&1; } \
  || { cat "$out/apt-install.log"; fail "apt-get install"; }
grep -E 'class-data archive|start-up archive' "$out/apt-install.log" || true
[ "$(dpkg-query -W -f '${Status}' costbench)" = "install ok installed" ] || fail "costbench is not installed"
for f in /opt/costbench/bin/costbench /opt/costbench/bin/costbench-start /usr/bin/costbench /usr/share/applications/costbench.desktop \
         /usr/share/icons/hicolor/48x48/apps/costbench.png /usr/share/icons/hicolor/scalable/apps/costbench.svg \
         /opt/costbench/lib/app/costbench.jsa; do
  [ -e "$f" ] || fail "$f missing after install"
done
echo "installed: $(dpkg-query -W -f '${Package} ${Version}, Installed-Size ${Installed-Size} KiB' costbench)"

step "start from the menu entry on a virtual display"
for n in $(seq 90 120); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || break; done
Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp > "$out/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=":$n"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
exec_line=$(sed -n 's/^Exec=//p' /usr/share/applications/costbench.desktop | sed 's/ %[fFuU]//')
echo "Exec=$exec_line"
as_user JAVA_TOOL_OPTIONS="-Dcostbench.startupProbe=report" $exec_line > "$out/app.log" 2>&1 &
app=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --name 'CostBench$' | head -1) || { cat "$out/app.log"; fail "no main window in 60 s"; }
echo "main window $wid: \"$(xdotool getwindowname "$wid")\" $(xdotool getwindowgeometry "$wid" | sed -n 's/.*Geometry: //p')"
for _ in $(seq 300); do grep -q 'costbench-startup:' "$out/app.log" && break; sleep 0.1; done
grep 'costbench-startup:' "$out/app.log" || fail "the cost table was not filled in 30 s"
sleep 1
import -window root "$out/screenshot.png"
echo "screenshot: $out/screenshot.png"
[ -f "$home/.local/share/costbench/costbench.mv.db" ] || fail "no store in the user's data directory"
xdotool windowfocus --sync "$wid" key ctrl+q
for _ in $(seq 100); do kill -0 $app 2>/dev/null || break; sleep 0.1; done
if kill -0 $app 2>/dev/null; then kill $app; fail "Ctrl+Q did not quit the app"; fi
wait $app || true
app=""
if grep -E 'Exception|Error' "$out/app.log" | grep -v 'Unsupported JavaFX configuration'; then
  fail "errors in the app's output ($out/app.log)"
fi

step "costbench --self-test (installed launcher)"
as_user costbench --self-test | tee "$out/self-test.log"
[ "${PIPESTATUS[0]}" = 0 ] || fail "self-test"
est=$(as_user costbench estimate --input-tokens 1000 --output-tokens 100 --models gpt-5 --json)
grep -q '"costUsd"' <<< "$est" || fail "costbench estimate printed no cost: $est"

step "upgrade, then remove; the user's data stays"
as_user sh -c 'echo "{\"models\": []}" > "$HOME/.local/share/costbench/catalog.json"'
work=$(mktemp -d)
dpkg-deb -R "$deb" "$work/root"
v=$(sed -n 's/^Version: //p' "$work/root/DEBIAN/control")
sed -i "s/^Version: .*/Version: ${v%-*}-$(( ${v##*-} + 1 ))/" "$work/root/DEBIAN/control"
dpkg-deb --root-owner-group -Znone --build "$work/root" "$work/costbench-next.deb" >/dev/null
apt-get install -y -q "$work/costbench-next.deb" > "$out/apt-upgrade.log" 2>&1 || { cat "$out/apt-upgrade.log"; fail "upgrade"; }
rm -rf "$work"
echo "upgraded to $(dpkg-query -W -f '${Version}' costbench)"
[ -f /opt/costbench/lib/app/costbench.jsa ] || fail "no start-up archive after the upgrade"
as_user costbench --version >/dev/null || fail "the upgraded launcher does not run"
apt-get purge -y -q costbench > "$out/apt-remove.log" 2>&1 || { cat "$out/apt-remove.log"; fail "apt-get purge"; }
for f in /opt/costbench /usr/bin/costbench /usr/share/applications/costbench.desktop; do
  [ ! -e "$f" ] || fail "$f left after removal"
done
for f in costbench.mv.db catalog.json; do
  [ -f "$home/.local/share/costbench/$f" ] || fail "the user's $f did not survive"
done
echo "removed; the user's data survived: $(ls "$home/.local/share/costbench" | tr '\n' ' ')"

printf '\nsmoke: PASSED in %d s\n' $((SECONDS - t0))
