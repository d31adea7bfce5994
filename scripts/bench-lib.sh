# SPDX-License-Identifier: Apache-2.0
# Sourced by the scripts/bench*.sh scripts, first thing: moves to the repository root (also in $here) and defines
# build_bench GOAL, which builds the benchmark jar with Maven GOAL (package, or install) and sets $cp, its class path.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

build_bench() {
  echo "bench: building" >&2
  mvn -B -q -Dstyle.color=never -Pbench -Dmaven.test.skip=true "$1" -pl app/bench -am >&2
  cp="app/bench/target/costbench-bench.jar:app/bench/target/lib/*"
}
