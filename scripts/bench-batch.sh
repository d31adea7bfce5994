#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue 19's batch scale check: a 20,000-trial experiment through the batch path (BatchRunner and the real H2 store)
# against an in-memory stand-in of OpenAI's batch API that answers at once (app/bench BatchScaleBench): plan, submit,
# collect, the History list afterwards, and the heap's peak. Not part of the test run.
#   scripts/bench-batch.sh [trials (default 20000)]
# Prints one JSON line.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
build_bench package
java -Xmx1g -cp "$cp" dev.costbench.bench.BatchScaleBench "${1:-20000}"
