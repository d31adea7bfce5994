#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The History view with 100,000 stored trials (issue 5, item 8): the experiment list with its summary line and one
# experiment's summary, each against a target of 200 ms, cold (first call after reopening the database) and warm.
# Not part of the test run.
#   scripts/bench-history.sh [trials (default 100000)] [repeats (default 15)]
# Writes app/bench/RESULTS-history.md. The generated store (about 370 MB) goes to a temporary folder; set
# BENCH_HISTORY_DIR to keep and reuse it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
trials="${1:-100000}"
repeats="${2:-15}"
cd "$here"
echo "bench: building" >&2
mvn -B -q -Dstyle.color=never -Pbench -Dmaven.test.skip=true package -pl app/bench -am >&2
cp="app/bench/target/costbench-bench.jar:app/bench/target/lib/*"
data="${BENCH_HISTORY_DIR:-}"
cleanup=""
if [[ -z "$data" ]]; then
  data="$(mktemp -d)"
  cleanup="$data"
fi
trap '[[ -n "$cleanup" ]] && rm -rf "$cleanup"' EXIT
echo "bench: history ($trials trials, $repeats repeats) in $data" >&2
line="$(java -Xmx1g -cp "$cp" dev.costbench.bench.HistoryBench "$trials" "$repeats" "$data")"
echo "$line" >&2
python3 - "$line" "$(java -version 2>&1 | head -1)" "$(nproc)" "$trials" "$repeats" > app/bench/RESULTS-history.md <<'PY'
import json, sys, datetime
r = json.loads(sys.argv[1]); jv, cores, trials, repeats = sys.argv[2:]
t = r["target_ms"]
print(f"Measured {datetime.date.today()} by `scripts/bench-history.sh {trials} {repeats}` on {cores} cores; {jv}.")
print(f"Store: {r['trials']:,} trials in {r['experiments']} experiments (one of {r['largest_trials']:,} trials, the "
      f"others of 1,000: 2 variants × 10 inputs × 2 models × 25 repetitions, 1 % failed), one ledger row per trial, "
      f"{r['db_mib']:.0f} MiB; generated with batch inserts in {r['generate_s']:.1f} s. "
      f"Cold = the first call after reopening the database (H2's cache empty, JVM warm); warm = 5 calls after it; "
      f"median and p95 over all calls; CPU time = the measuring thread's own CPU time (wall time on a busy machine "
      f"includes waiting for a core). Opening the database itself (done once at start-up): "
      f"median {r['open_store_cold_median_ms']:.0f} ms. System load average at the end: {r['load_avg']:.1f} "
      f"(other builds shared the machine).")
print()
print("| what | cold median | cold p95 | warm median | warm p95 | CPU time median / p95 | target | worst / target |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
rows = [("history", "History view: every experiment with its summary line (`overviews()`)"),
        ("summary", "an experiment's summary, results view (load + `LabResults.analyze`, 1,000 trials)"),
        ("cli_summary", "an experiment's summary, `ab show` (`StatsSummary`, 1,000 trials)"),
        ("summary_largest", f"the largest experiment's summary, results view ({r['largest_trials']:,} trials)"),
        ("cli_summary_largest", f"the largest experiment's summary, `ab show` ({r['largest_trials']:,} trials)")]
for k, label in rows:
    worst = max(r[k + "_cold_p95_ms"], r[k + "_warm_p95_ms"])
    verdict = "met" if worst <= t else "**missed**"
    print(f"| {label} | {r[k + '_cold_median_ms']:.1f} ms | {r[k + '_cold_p95_ms']:.1f} ms | "
          f"{r[k + '_warm_median_ms']:.1f} ms | {r[k + '_warm_p95_ms']:.1f} ms | "
          f"{r[k + '_cpu_median_ms']:.1f} / {r[k + '_cpu_p95_ms']:.1f} ms | ≤ {t:.0f} ms | "
          f"{worst / t:.2f} ({verdict}) |")
PY
cat app/bench/RESULTS-history.md
