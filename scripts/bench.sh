#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmarks token counting against the npm `tiktoken` package (run by node) in the same run — CostBench on one
# thread and on all cores, jtokkit 1.1.0 for reference, and the first count after start-up of each — and the Prompt
# view's edit-to-updated-table latency on a 2 MiB prompt. Not part of the test run.
#   scripts/bench.sh [MiB per corpus (default 4)] [iterations per pass (default 5)]
#   environment: BENCH_PASSES (alternating tiktoken/CostBench passes, default 2), TIKTOKEN_VERSION (default 1.0.22)
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

tt_want="${TIKTOKEN_VERSION:-1.0.22}"
echo "bench: installing tiktoken@$tt_want from the npm registry into $tmp/node" >&2
npm install --silent --no-audit --no-fund --prefix "$tmp/node" "tiktoken@$tt_want" >/dev/null 2>&1
tt_version="$(node -p "require('$tmp/node/node_modules/tiktoken/package.json').version")"

# tiktoken and CostBench are measured in alternating passes and each one's samples pooled, so that a slow or quiet
# spell of this shared machine does not fall on one side only. jtokkit (reference) is measured in pass 1.
passes="${BENCH_PASSES:-2}"
: > "$tmp/results.jsonl"
for pass in $(seq 1 "$passes"); do
  echo "bench: pass $pass/$passes: tiktoken $tt_version" >&2
  NODE_PATH="$tmp/node/node_modules" node scripts/tiktoken-bench.js "$tmp/corpora" "$iters" "$pass" >> "$tmp/results.jsonl"
  echo "bench: pass $pass/$passes: CostBench (1 thread, all cores; jtokkit in pass 1)" >&2
  java -Xmx2g -cp "$cp" dev.costbench.bench.TokenBench "$tmp/corpora" "$iters" "$pass" >> "$tmp/results.jsonl"
done
echo "bench: cold start (3 fresh JVMs / node processes each)" >&2
for _ in 1 2 3; do
  java -cp "$cp" dev.costbench.bench.TokenBench --cold >> "$tmp/results.jsonl"
  java -cp "$cp" dev.costbench.bench.TokenBench --cold-jtokkit >> "$tmp/results.jsonl"
  NODE_PATH="$tmp/node/node_modules" node scripts/tiktoken-bench.js --cold >> "$tmp/results.jsonl"
done
echo "bench: edit latency on a 2 MiB prompt" >&2
java -Xmx2g -cp "$cp" dev.costbench.bench.EditLatencyBench "$tmp/corpora/mixed.txt" 500 >> "$tmp/results.jsonl"
java -Xmx2g -cp "$cp" dev.costbench.bench.EditLatencyBench "$tmp/corpora/english.txt" 500 >> "$tmp/results.jsonl"
echo "bench: Media view image preview on a 12 MP photo" >&2
java -Xmx2g -Djava.awt.headless=true -cp "$cp" dev.costbench.bench.ImagePreviewBench >> "$tmp/results.jsonl"

node - "$tmp/results.jsonl" "$tt_version" "$(java -version 2>&1 | head -1)" "$(nproc)" "$mib" "$iters" "$passes" > app/bench/RESULTS.md <<'JS'
const fs = require('fs');
const [file, ttv, jv, cores, mib, iters, passes] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map(JSON.parse);
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const f1 = (x) => x.toFixed(1);
const tt = rows.filter(r => r.impl === 'tiktoken' && r.corpus);
const cb = rows.filter(r => r.impl === 'costbench' && r.corpus);
const jt = rows.filter(r => r.impl === 'jtokkit' && r.corpus);
const threads = Math.max(...cb.map(r => r.threads));
const out = [];
out.push(`Measured ${new Date().toISOString().slice(0, 10)} by \`scripts/bench.sh ${mib} ${iters}\` (${passes} passes) on ${cores} cores; ${jv}; anchor: npm tiktoken ${ttv} (node ${process.version}), same corpora, same run.`);
out.push(`Throughput in MiB/s of UTF-8 input, median of all samples of ${passes} alternating passes (tiktoken, then CostBench; ${iters} samples per pass after 2 warm-ups; a CostBench or jtokkit sample repeats the count for at least 0.3 s). The range is the min–max of tiktoken's samples. Ratio = CostBench ÷ tiktoken. jtokkit 1.1.0, the previous implementation, is shown for reference (pass 1).`);
out.push('');
out.push(`| corpus | encoding | tokens | tiktoken 1 thread (range) | CostBench 1 thread | ratio | CostBench ${threads} threads | ratio | jtokkit 1.1.0 1 thread |`);
out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
let mismatch = false;
let worst = null;
const keys = [...new Set(tt.map(t => t.corpus + '/' + t.encoding))];
for (const key of keys) {
  const [corpus, encoding] = key.split('/');
  const ttRows = tt.filter(t => t.corpus === corpus && t.encoding === encoding);
  const samples = ttRows.flatMap(t => t.samples_mibps);
  const anchor = median(samples);
  const tokens = ttRows[0].tokens;
  const pick = (list, n) => {
    const rs = list.filter(r => r.corpus === corpus && r.encoding === encoding && r.threads === n);
    return rs.length ? { tokens: rs[0].tokens, median_mibps: median(rs.flatMap(r => r.samples_mibps)), all: rs } : null;
  };
  const one = pick(cb, 1);
  const all = pick(cb, threads);
  const ref = pick(jt, 1);
  const bad = !one || one.all.some(r => r.tokens !== tokens) || ttRows.some(t => t.tokens !== tokens);
  if (bad) { mismatch = true; }
  const ratio = one.median_mibps / anchor;
  if (!worst || ratio < worst.ratio) { worst = { ratio, corpus, encoding }; }
  out.push(`| ${corpus} | ${encoding} | ${tokens.toLocaleString('en')}${bad ? ' **MISMATCH ' + (one && one.tokens) + '**' : ''} | ${f1(anchor)} (${f1(Math.min(...samples))}–${f1(Math.max(...samples))}) | ${f1(one.median_mibps)} | **${ratio.toFixed(2)}×** | ${f1(all.median_mibps)} | ${(all.median_mibps / anchor).toFixed(2)}× | ${ref ? f1(ref.median_mibps) : '–'} |`);
}
out.push('');
out.push(worst.ratio >= 2
  ? `Target ≥ 2× tiktoken on one thread, every row: **met** (lowest ${worst.ratio.toFixed(2)}×, ${worst.corpus} ${worst.encoding}).`
  : `Target ≥ 2× tiktoken on one thread, every row: **missed** (${worst.ratio.toFixed(2)}× on ${worst.corpus} ${worst.encoding}).`);
out.push('');
const cold = (impl) => rows.filter(r => r.mode === 'cold' && r.impl === impl);
const coldLine = (impl, label) => {
  const c = cold(impl);
  if (!c.length) { return null; }
  return `${label} ${median(c.map(x => x.first_o200k_ms)).toFixed(0)} ms, then cl100k_base ${median(c.map(x => x.first_cl100k_ms)).toFixed(0)} ms`;
};
if (cold('costbench').length) {
  out.push(`First count after start-up (vocabulary load in a fresh process, median of ${cold('costbench').length}): ` + [coldLine('costbench', 'CostBench: o200k_base'), coldLine('jtokkit', 'jtokkit 1.1.0: o200k_base'), coldLine('tiktoken', 'npm tiktoken (module load included): o200k_base')].filter(Boolean).join('; ') + '.');
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
