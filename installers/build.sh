#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds CostBench's installers for the OS this runs on (jpackage does not cross-build):
#
#   Linux    installers/build.sh           .deb, .rpm and a portable .tar.gz of the app image
#   macOS    installers/build.sh           .dmg and .pkg
#   Windows  bash installers/build.sh      .msi and .exe (Git Bash; WiX 3.x on the PATH)
#
# or only some types: installers/build.sh deb tar.gz (types: app-image deb rpm tar.gz dmg pkg msi exe).
# Output: installers/target/dist/. Needs a JDK 17+ (jlink, jpackage) and Maven; on Linux also dpkg-deb and fakeroot
# (deb), rpmbuild (rpm, Debian package `rpm`), objdump (binutils) and, without a display, xvfb-run.
# --skip-maven packages what app/ui/target holds instead of running `mvn clean package`.
#
# Steps: Maven build → stage the jars, dropping other OSes' natives → jlink a runtime with the modules jdeps finds →
# a training run records the start-up class list (AppCDS, see installers/README.md) → jpackage app image → packages.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
T=installers/target
t_start=$SECONDS

say() { printf '\n== %s (%ds)\n' "$*" $((SECONDS - t_start)); }
die() { echo "build.sh: $*" >&2; exit 1; }

skip_maven=false
types=()
for a in "$@"; do
  case "$a" in
    --skip-maven) skip_maven=true ;;
    -h|--help) sed -n '3,16p' "$0"; exit 0 ;;
    app-image|deb|rpm|tar.gz|dmg|pkg|msi|exe) types+=("$a") ;;
    *) die "unknown argument '$a' (types: app-image deb rpm tar.gz dmg pkg msi exe; --skip-maven)" ;;
  esac
done

case "$(uname -s)" in
  Linux) os=linux; sep=: ;;
  Darwin) os=macos; sep=: ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; sep=';' ;;
  *) die "unsupported OS $(uname -s)" ;;
esac
case "$(uname -m)" in
  x86_64|amd64) arch=x64 ;;
  aarch64|arm64) arch=arm64 ;;
  *) die "unsupported CPU $(uname -m)" ;;
esac
if [ ${#types[@]} -eq 0 ]; then
  case $os in linux) types=(deb rpm tar.gz) ;; macos) types=(dmg pkg) ;; windows) types=(msi exe) ;; esac
fi
for t in jlink jpackage jdeps jar java; do command -v $t >/dev/null || die "$t not found: put a JDK 17+ on the PATH"; done

# ---- version: the pom's, without -SNAPSHOT ------------------------------------------------------------------------
version=$(sed -n '/<artifactId>costbench-parent<\/artifactId>/,/<\/version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
version=${version%-SNAPSHOT}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "pom version '$version' is not MAJOR.MINOR.PATCH"
pkg_version=$version
if [ $os = macos ]; then
  # jpackage refuses a macOS version that starts with 0 (CFBundleVersion rules), so the bundle's build number is
  # MAJOR+1.MINOR.PATCH — increasing across 0.x and 1.x; the version users see (CFBundleShortVersionString) is the pom's.
  pkg_version="$(( ${version%%.*} + 1 )).${version#*.}"
fi
echo "CostBench $version for $os-$arch: ${types[*]} (jpackage version $pkg_version)"

# ---- 1. Maven -----------------------------------------------------------------------------------------------------
if ! $skip_maven; then
  say "Maven: clean package (tests are the CI's job)"
  mvn -B -ntp -q -Dmaven.test.skip=true clean package -pl app/ui -am
fi
[ -f app/ui/target/costbench-ui.jar ] || die "app/ui/target/costbench-ui.jar missing: run without --skip-maven"

# ---- 2. stage the jars with only this OS's natives ----------------------------------------------------------------
say "Staging jars"
rm -rf "$T"
mkdir -p "$T/input" "$T/dist"
# Only the jars the main jar's manifest names: app/ui/target/lib may still hold jars of earlier builds (--skip-maven).
cp app/ui/target/costbench-ui.jar "$T/input/"
mkdir -p "$T/manifest" && (cd "$T/manifest" && jar xf "$root/app/ui/target/costbench-ui.jar" META-INF/MANIFEST.MF)
classpath=$(tr -d '\r' < "$T/manifest/META-INF/MANIFEST.MF" \
  | awk '/^Class-Path:/ { on = 1; sub(/^Class-Path: /, ""); printf "%s", $0; next } on && /^ / { sub(/^ /, ""); printf "%s", $0; next } { on = 0 }')
[ -n "$classpath" ] || die "costbench-ui.jar has no Class-Path in its manifest"
for j in $classpath; do cp "app/ui/target/$j" "$T/input/" || die "app/ui/target/$j missing: run without --skip-maven"; done
# The licences of what ships (installers/common/Notices.java; fails on a library whose licence it cannot find).
java -XX:TieredStopAtLevel=1 installers/common/Notices.java "$T/input" "${MAVEN_REPO:-$HOME/.m2/repository}" "$T/input/THIRD-PARTY-NOTICES.txt" \
  || die "third-party notices: a bundled library has no known licence (see above)"
cp installers/common/LICENSE.txt "$T/input/LICENSE.txt"
case $os-$arch in
  linux-x64) jna=linux-x86-64; webp=Linux/x86_64 ;;
  linux-arm64) jna=linux-aarch64; webp=Linux/aarch64 ;;
  macos-x64) jna=darwin-x86-64; webp=Mac/x86_64 ;;
  macos-arm64) jna=darwin-aarch64; webp=Mac/aarch64 ;;
  windows-x64) jna=win32-x86-64; webp=Windows/x86_64 ;;
  *) die "no native mapping for $os-$arch" ;;
esac
natives='\.(so(\.[0-9]+)*|dll|dylib|jnilib|a)$'
# Lists a jar's entries: unzip when present (no JVM start per jar: the listing of ~40 jars took ~10 s with `jar tf`).
list_jar() { if command -v unzip >/dev/null; then unzip -Z1 "$1"; else jar tf "$1"; fi; }
# Rewrites jar $1 without the natives whose path matches the extended regex $2 but not $3.
drop_natives() {
  local jar=$1 drop=$2 keep=$3 dir="$T/strip"
  local gone
  gone=$(list_jar "$jar" | grep -E "$natives" | grep -E "$drop" | grep -vE "$keep" || true)
  [ -n "$gone" ] || return 0
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && jar xf "$root/$jar" && echo "$gone" | while read -r f; do rm -f "$f"; done && find . -type d -empty -delete)
  rm -f "$jar"
  jar --create --file "$jar" --no-manifest -C "$dir" .
  echo "  $(basename "$jar"): dropped $(echo "$gone" | wc -l | tr -d ' ') natives of other platforms"
}
for j in "$T"/input/jna-[0-9]*.jar; do drop_natives "$j" '^com/sun/jna/' "^com/sun/jna/$jna/"; done
for j in "$T"/input/webp-imageio-*.jar; do drop_natives "$j" '^native/' "^native/$webp/"; done
[ $os = macos ] || for j in "$T"/input/jkeychain-*.jar; do drop_natives "$j" '^osxkeychain\.so$' '^$'; done
rm -rf "$T/strip"
# Check: every native left belongs to this OS (JavaFX and javacpp/FFmpeg come per OS from the Maven profiles).
case $os in
  linux) foreign='\.(dll|dylib|jnilib)$|darwin|macosx|win32|windows|/Mac/|/Windows/' ;;
  macos) foreign='\.dll$|linux|win32|windows|/Linux/|/Windows/' ;;
  windows) foreign='\.(so(\.[0-9]+)*|dylib|jnilib)$|linux|darwin|macosx|/Linux/|/Mac/' ;;
esac
bad=""
for j in "$T"/input/*.jar; do
  list=$(list_jar "$j" | grep -E "$natives" || true)
  [ -n "$list" ] || continue
  echo "  $(basename "$j"): $(echo "$list" | wc -l | tr -d ' ') natives"
  b=$(echo "$list" | grep -Ei "$foreign" || true)
  [ -z "$b" ] || bad="$bad$(basename "$j"): $b"$'\n'
done
[ -z "$bad" ] || die "natives of another OS left in the jars:"$'\n'"$bad"
if [ $os = linux ] && command -v objdump >/dev/null; then
  installers/linux/native-deps.sh "$T/input"
fi

# ---- 3. runtime: jlink with the modules jdeps finds ---------------------------------------------------------------
say "jdeps + jlink"
mkdir -p "$T/classes"
for j in "$T"/input/*.jar; do
  if command -v unzip >/dev/null; then
    unzip -qo "$j" '*.class' -d "$T/classes" 2>/dev/null || true # only classes: no natives to write
  else
    (cd "$T/classes" && jar xf "$root/$j")
  fi
done
find "$T/classes" -name module-info.class -delete
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$T/classes" | tail -1)
rm -rf "$T/classes"
# Not visible to jdeps: TLS with elliptic-curve keys (every provider's HTTPS endpoint) lives in jdk.crypto.ec on 17.
modules="$modules,jdk.crypto.ec"
echo "  modules: $modules"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --output "$T/runtime"
# Keep bin/java (javaw on Windows): the AppCDS archive is made with the runtime's own launcher; drop the other tools.
find "$T/runtime/bin" -type f ! -name java ! -name java.exe ! -name javaw.exe ! -name '*.dll' -delete
echo "  runtime: $(du -sh "$T/runtime" | cut -f1)"

# ---- 4. training run: the classes the workbench loads until its cost table is ready -------------------------------
say "Training run (start-up class list for AppCDS)"
mkdir -p "$T/training"
# The command is a script of its own so that xvfb-run (a POSIX sh script) can run it.
cat > "$T/training/run.sh" <<EOF
"$T/runtime/bin/java" -XX:DumpLoadedClassList="$T/input/costbench.classlist" -Dcostbench.startupProbe=exit \\
  -Dcostbench.dataDir="$T/training/data" -Djava.util.prefs.userRoot="$T/training/prefs" \\
  -cp "$T/input/*" dev.costbench.ui.Launcher > "$T/training/out.log" 2>&1 &
pid=\$! n=0
while kill -0 \$pid 2>/dev/null; do
  sleep 1; n=\$((n + 1))
  if [ \$n -ge 180 ]; then kill \$pid; echo "training run did not finish in 180 s" >&2; exit 1; fi
done
wait \$pid
EOF
training_ok=true
if [ $os = linux ] && [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || die "no DISPLAY and no xvfb-run (apt-get install xvfb xauth) for the training run"
  xvfb-run -a -s "-screen 0 1600x1000x24" bash "$T/training/run.sh" || training_ok=false
else
  bash "$T/training/run.sh" || training_ok=false
fi
grep -h 'costbench-startup' "$T/training/out.log" | sed 's/^/  /' || true
if $training_ok && [ -s "$T/input/costbench.classlist" ]; then
  echo "  class list: $(grep -vc '^[#@]' "$T/input/costbench.classlist") classes"
else
  echo "  WARNING: the training run failed (see $T/training/out.log); the app will start without AppCDS" >&2
  rm -f "$T/input/costbench.classlist"
fi

# ---- 5. app image ---------------------------------------------------------------------------------------------------
say "jpackage app-image"
extra=()
if [ $os = macos ]; then
  mkdir -p "$T/resources"
  sed "s/@VERSION@/$version/" installers/macos/Info.plist.template > "$T/resources/Info.plist"
  extra+=(--resource-dir "$T/resources")
fi
jpackage --type app-image --dest "$T/image" --input "$T/input" --runtime-image "$T/runtime" \
  --app-version "$pkg_version" @installers/common/jpackage.txt @installers/common/app-image.txt \
  @installers/$os/args.txt ${extra[@]+"${extra[@]}"}
case $os in linux) image="$T/image/costbench" ;; macos) image="$T/image/CostBench.app" ;; windows) image="$T/image/CostBench" ;; esac
[ -d "$image" ] || die "jpackage made no app image at $image"
if [ $os = linux ]; then
  # The menu entry and /usr/bin/costbench start the app through this script: the native launcher asks dpkg/rpm
  # which package owns it before it loads the JVM (about 0.23 s of every start here); see the script.
  install -m 755 installers/linux/costbench-start "$image/bin/costbench-start"
fi
echo "  $image: $(du -sh "$image" | cut -f1)"

# ---- 6. packages --------------------------------------------------------------------------------------------------
package() { # type, extra jpackage options…
  local type=$1; shift
  say "jpackage $type"
  mkdir -p "$T/pkg"
  jpackage --type "$type" --app-image "$image" --dest "$T/pkg" --app-version "$pkg_version" \
    @installers/common/jpackage.txt "$@"
}
deb_deps() { # the Debian packages of depends.txt, unique, comma-separated
  grep -v '^#' installers/linux/depends.txt | awk 'NF { print $2 }' | awk '!seen[$0]++' | paste -sd, - | sed 's/,/, /g'
}
linux_resources() { # the resource dir with @INSTALLERS@ filled in (the rpm spec installs the icons from the repo)
  rm -rf "$T/linux-resources" && cp -r installers/linux/resources "$T/linux-resources"
  sed -i "s|@INSTALLERS@|$root/installers|g" "$T/linux-resources/costbench.spec"
}
for type in "${types[@]}"; do
  case $os/$type in
    */app-image) ;;
    linux/tar.gz)
      say "tar.gz"
      tar -C "$T/image" -czf "$T/dist/costbench-$version-linux-$arch.tar.gz" costbench ;;
    linux/deb)
      linux_resources
      # jpackage's .deb is unpacked again by deb-extras.sh, which compresses the final one: skip compressing it twice.
      DPKG_DEB_COMPRESSOR_TYPE=none package deb --name costbench @installers/linux/package-args.txt --resource-dir "$T/linux-resources" \
        --license-file installers/common/LICENSE.txt --linux-package-deps "$(deb_deps)"
      installers/linux/deb-extras.sh "$T"/pkg/costbench_*.deb "$T/dist" ;;
    linux/rpm)
      linux_resources
      package rpm --name costbench @installers/linux/package-args.txt --resource-dir "$T/linux-resources" \
        --license-file installers/common/LICENSE.txt --linux-package-deps "$(installers/linux/native-deps.sh --rpm "$T/input" "$T/runtime")"
      mv "$T"/pkg/costbench-*.rpm "$T/dist/" ;;
    macos/dmg)
      package dmg --name CostBench --mac-package-identifier dev.costbench.CostBench
      mv "$T"/pkg/CostBench-*.dmg "$T/dist/CostBench-$version-macos-$arch.dmg" ;;
    macos/pkg)
      package pkg --name CostBench --mac-package-identifier dev.costbench.CostBench \
        --license-file installers/common/LICENSE.txt
      mv "$T"/pkg/CostBench-*.pkg "$T/dist/CostBench-$version-macos-$arch.pkg" ;;
    windows/msi|windows/exe)
      package "$type" --name CostBench @installers/windows/package-args.txt \
        --license-file installers/common/LICENSE.txt
      mv "$T"/pkg/CostBench-*."$type" "$T/dist/CostBench-$version-windows-$arch.$type" ;;
    *) die "$type cannot be built on $os" ;;
  esac
done

say "Done"
for f in "$T"/dist/*; do
  [ -e "$f" ] && wc -c < "$f" | awk -v n="$(basename "$f")" '{ printf "  %-48s %6.1f MB\n", n, $1 / 1e6 }'
done
