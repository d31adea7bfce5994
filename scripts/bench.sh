#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmarks token counting against the npm `tiktoken` package (run by node) in the same run, and the Prompt
# view's edit-to-updated-table latency on a 2 MiB prompt. Not part of the test run.
#   scripts/bench.sh [MiB per corpus (default 4)] [iterations (default 5)]
# Writes the results table to app/bench/RESULTS.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mib="${1:-4}"
iters="${2:-5}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$here"

echo "bench: building" >&2
mvn -B -q -Dstyle.color=never -Pbench -Dmaven.test.skip=true install -pl app/bench -am >&2
cp="app/bench/target/costbench-bench.jar:app/bench/target/lib/*"

echo "bench: generating corpora ($mib MiB each)" >&2
java -cp "$cp" dev.costbench.bench.Corpora "$tmp/corpora" "$mib" "$here"

echo "bench: installing tiktoken from the npm registry into $tmp/node" >&2
npm install --silent --no-audit --no-fund --prefix "$tmp/node" tiktoken >/dev/null 2>&1
tt_version="$(node -p "require('$tmp/node/node_modules/tiktoken/package.json').version")"

echo "bench: tiktoken $tt_version" >&2
NODE_PATH="$tmp/node/node_modules" node scripts/tiktoken-bench.js "$tmp/corpora" "$iters" > "$tmp/results.jsonl"
echo "bench: CostBench token counting" >&2
java -Xmx2g -cp "$cp" dev.costbench.bench.TokenBench "$tmp/corpora" "$iters" >> "$tmp/results.jsonl"
echo "bench: cold start (3 fresh JVMs)" >&2
for _ in 1 2 3; do java -cp "$cp" dev.costbench.bench.TokenBench --cold >> "$tmp/results.jsonl"; done
echo "bench: edit latency on a 2 MiB prompt" >&2
java -Xmx2g -cp "$cp" dev.costbench.bench.EditLatencyBench "$tmp/corpora/mixed.txt" 500 >> "$tmp/results.jsonl"
java -Xmx2g -cp "$cp" dev.costbench.bench.EditLatencyBench "$tmp/corpora/english.txt" 500 >> "$tmp/results.jsonl"
echo "bench: Media view image preview on a 12 MP photo" >&2
java -Xmx2g -Djava.awt.headless=true -cp "$cp" dev.costbench.bench.ImagePreviewBench >> "$tmp/results.jsonl"

node - "$tmp/results.jsonl" "$tt_version" "$(java -version 2>&1 | head -1)" "$(nproc)" "$mib" "$iters" > app/bench/RESULTS.md <<'JS'
const fs = require('fs');
const [file, ttv, jv, cores, mib, iters] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map(JSON.parse);
const tt = rows.filter(r => r.impl === 'tiktoken');
const cb = rows.filter(r => r.impl === 'costbench' && r.corpus);
const out = [];
out.push(`Measured ${new Date().toISOString().slice(0, 10)} by \`scripts/bench.sh ${mib} ${iters}\` on ${cores} cores; ${jv}; anchor: npm tiktoken ${ttv} (node ${process.version}), same corpora, same run.`);
out.push('Throughput in MiB/s of UTF-8 input (median of ' + iters + ' timed runs after 2 warm-ups); ratio = CostBench ÷ tiktoken.');
out.push('');
out.push('| corpus | encoding | tokens | tiktoken 1 thread | CostBench 1 thread | ratio | CostBench 2 threads | ratio |');
out.push('|---|---|---:|---:|---:|---:|---:|---:|');
let mismatch = false;
for (const t of tt) {
  const one = cb.find(r => r.corpus === t.corpus && r.encoding === t.encoding && r.threads === 1);
  const two = cb.find(r => r.corpus === t.corpus && r.encoding === t.encoding && r.threads === 2);
  if (!one || one.tokens !== t.tokens) { mismatch = true; }
  out.push(`| ${t.corpus} | ${t.encoding} | ${t.tokens.toLocaleString('en')}${one && one.tokens !== t.tokens ? ' **MISMATCH ' + one.tokens + '**' : ''} | ${t.median_mibps.toFixed(1)} | ${one.median_mibps.toFixed(1)} | ${(one.median_mibps / t.median_mibps).toFixed(2)}× | ${two.median_mibps.toFixed(1)} | ${(two.median_mibps / t.median_mibps).toFixed(2)}× |`);
}
out.push('');
const cold = rows.filter(r => r.mode === 'cold');
if (cold.length) {
  const ms = cold.map(c => c.first_o200k_ms).sort((a, b) => a - b);
  const ms2 = cold.map(c => c.first_cl100k_ms).sort((a, b) => a - b);
  out.push(`First count after start-up (vocabulary load, fresh JVM, median of ${cold.length}): o200k_base ${ms[Math.floor(ms.length / 2)].toFixed(0)} ms, then cl100k_base ${ms2[Math.floor(ms2.length / 2)].toFixed(0)} ms.`);
  out.push('');
}
const lat = rows.filter(r => r.mode === 'edit-latency');
if (lat.length) {
  out.push('Edit-to-updated-table latency (incremental recount of both encodings + cost of every catalog model), target ≤ 20 ms.');
  out.push('Steady state is measured after ' + lat[0].warmup_edits + ' warm-up edits; the first 100 edits of a fresh JVM (JIT and GC warm-up) are shown apart.');
  out.push('');
  out.push('| prompt | chars | models | timed edits | initial full count | median | p95 | p99 | max | first 100 edits: p95 / max | exact |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  lat.forEach((l, i) => out.push(`| ${i === 0 ? 'mixed' : 'english'} 2 MiB | ${l.chars.toLocaleString('en')} | ${l.models} | ${l.edits} | ${l.initial_ms.toFixed(0)} ms | ${l.median_ms.toFixed(2)} ms | ${l.p95_ms.toFixed(2)} ms | ${l.p99_ms.toFixed(2)} ms | ${l.max_ms.toFixed(2)} ms | ${l.first100_p95_ms.toFixed(1)} / ${l.first100_max_ms.toFixed(1)} ms | ${l.exact ? 'yes' : 'NO'} |`));
}
const img = rows.find(r => r.mode === 'image-preview');
if (img) {
  out.push('');
  out.push(`Media view, 12 MP photo, per control change (resize to the preset + JPEG re-encode + repricing on every model; target ≤ 150 ms): median ${img.median_ms.toFixed(0)} ms, p95 ${img.p95_ms.toFixed(0)} ms, max ${img.max_ms.toFixed(0)} ms; anchor in the same run, one JPEG q85 encode of the full 12 MP image: ${img.anchor_full_jpeg_ms.toFixed(0)} ms.`);
}
if (mismatch) { out.push('', '**TOKEN COUNT MISMATCH between tiktoken and CostBench: see the rows marked above.**'); }
console.log(out.join('\n'));
if (mismatch) { process.exitCode = 3; }
JS
cat app/bench/RESULTS.md
