#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The A/B runner's overhead per trial against a local mock server (target ≤ 5 ms), anchored on the same requests
# sent with the same client without the runner. Not part of the test run.
#   scripts/bench-runner.sh [trials per round (default 400)] [rounds (default 5)]
# Writes app/bench/RESULTS-runner.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
trials="${1:-400}"
rounds="${2:-5}"
build_bench package
echo "bench: runner overhead ($trials trials × $rounds rounds, sequential and 4 in flight)" >&2
line="$(java -Xmx512m -cp "$cp" dev.costbench.bench.RunnerOverheadBench "$trials" "$rounds")"
echo "$line" >&2
python3 - "$line" "$(java -version 2>&1 | head -1)" "$(nproc)" "$trials" "$rounds" > app/bench/RESULTS-runner.md <<'PY'
import json, sys, datetime
r = json.loads(sys.argv[1]); jv, cores, trials, rounds = sys.argv[2:]
print(f"Measured {datetime.date.today()} by `scripts/bench-runner.sh {trials} {rounds}` on {cores} cores; {jv}; "
      "anchor: the same requests with the same OpenAI client, without the runner, in the same run.")
print(f"Local mock server (JDK HttpServer, Responses API body); H2 store in a temporary directory; median of {rounds} rounds of {trials} trials.")
print()
print("| calls in flight | runner ms / trial | anchor ms / trial | runner overhead ms / trial (median) | worst round | H2 commit alone (trial + ledger) | target |")
print("|---|---:|---:|---:|---:|---:|---|")
for k, label in (("sequential", "1"), ("concurrent4", "4")):
    print(f"| {label} | {r[k + '_runner_ms_per_trial']:.2f} | {r[k + '_bare_ms_per_trial']:.2f} | "
          f"**{r[k + '_overhead_ms_per_trial']:.2f}** | {r[k + '_overhead_max_ms_per_trial']:.2f} | "
          f"{r[k + '_store_commit_ms_per_trial']:.2f} | ≤ 5 ms |")
PY
cat app/bench/RESULTS-runner.md
