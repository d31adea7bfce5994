#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Whole-process token counting (issue 20, item 5): `./costbench tokens --encoding E --file F` against
# `node scripts/tiktoken-count.js F E` (the npm tiktoken package: module load, file read, encode_ordinary, print)
# on 10 MiB files (english, code, cjk, mixed), each process started fresh, in alternating runs. Not part of the tests.
#   scripts/bench-cli.sh [MiB per corpus (default 10)] [runs (default 5)]
# Writes app/bench/RESULTS-cli.md. Wall time is what a user waits; CPU time (user + system, all threads) is shown
# beside it because it is less disturbed by other work on a shared machine. Goal: CostBench at least 2× faster than
# tiktoken on every kind of text (wall time). Environment: TIKTOKEN_VERSION (default 1.0.22).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
mib="${1:-10}"
runs="${2:-5}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
build_bench package
./costbench --version >&2 # builds the app if needed and makes the command line's class-data archive
echo "bench: generating corpora ($mib MiB each)" >&2
java -cp "$cp" dev.costbench.bench.Corpora "$tmp/corpora" "$mib" "$here" >&2
tt_want="${TIKTOKEN_VERSION:-1.0.22}"
echo "bench: installing tiktoken@$tt_want from the npm registry into $tmp/node" >&2
npm install --silent --no-audit --no-fund --prefix "$tmp/node" "tiktoken@$tt_want" >/dev/null 2>&1
tt_version="$(node -p "require('$tmp/node/node_modules/tiktoken/package.json').version")"

# one timed process: prints {"impl","corpus","encoding","wall","cpu","tokens"}
timed() {
  local impl=$1 corpus=$2 enc=$3
  shift 3
  local tokens
  tokens="$(/usr/bin/time -f '%e %U %S' -o "$tmp/t" "$@")"
  read -r wall user sys < "$tmp/t"
  printf '{"impl":"%s","corpus":"%s","encoding":"%s","wall":%s,"cpu":%s,"tokens":%s}\n' \
    "$impl" "$corpus" "$enc" "$wall" "$(awk "BEGIN{print $user + $sys}")" "$tokens"
}
: > "$tmp/cli.jsonl"
for corpus in english code cjk mixed; do
  for enc in o200k_base cl100k_base; do
    echo "bench: $corpus $enc ($runs runs each, alternating)" >&2
    for _ in $(seq "$runs"); do
      timed tiktoken "$corpus" "$enc" env NODE_PATH="$tmp/node/node_modules" node scripts/tiktoken-count.js \
        "$tmp/corpora/$corpus.txt" "$enc" >> "$tmp/cli.jsonl"
      timed costbench "$corpus" "$enc" ./costbench tokens --encoding "$enc" --file "$tmp/corpora/$corpus.txt" \
        >> "$tmp/cli.jsonl"
    done
  done
done
rc=0
node - "$tmp/cli.jsonl" "$tt_version" "$(java -version 2>&1 | head -1)" "$(nproc)" "$mib" "$runs" \
  "$(cut -d' ' -f1 /proc/loadavg)" "$(ls -l "$tmp/corpora" | awk 'NR>1{printf "%s %.1f MB, ", $9, $5/1e6}')" \
  > "$tmp/cli.md" <<'JS' || rc=$?
const fs = require('fs');
const [file, ttv, jv, cores, mib, runs, load, sizes] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map(JSON.parse);
const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const out = [];
out.push(`Whole-process token counting, measured ${new Date().toISOString().slice(0, 10)} by \`scripts/bench-cli.sh ${mib} ${runs}\` on ${cores} cores (load average ${load} at the end); ${jv}; anchor: npm tiktoken ${ttv} (node ${process.version}) in the same run.`);
out.push(`Each run is a fresh process reading one file (${sizes.replace(/, $/, '')}; ${mib} Mi characters each) and printing its count: \`./costbench tokens --encoding E --file F\` (the launcher as a user runs it) against \`node scripts/tiktoken-count.js F E\`; ${runs} alternating runs each, median. Ratio = tiktoken time ÷ CostBench time (goal: at least 2× on every kind, wall time).`);
out.push('');
out.push('| corpus | encoding | tokens | tiktoken wall | CostBench wall | ratio (wall) | tiktoken CPU | CostBench CPU | ratio (CPU) |');
out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
let bad = false, mismatch = false;
const keys = [...new Set(rows.map(r => r.corpus + '/' + r.encoding))];
for (const key of keys) {
  const [corpus, encoding] = key.split('/');
  const pick = (impl) => rows.filter(r => r.impl === impl && r.corpus === corpus && r.encoding === encoding);
  const tt = pick('tiktoken'), cb = pick('costbench');
  const toks = new Set([...tt, ...cb].map(r => r.tokens));
  if (toks.size !== 1) { mismatch = true; }
  const w = median(tt.map(r => r.wall)) / median(cb.map(r => r.wall));
  const c = median(tt.map(r => r.cpu)) / median(cb.map(r => r.cpu));
  if (w < 2) { bad = true; }
  out.push(`| ${corpus} | ${encoding} | ${toks.size === 1 ? tt[0].tokens.toLocaleString('en') : '**MISMATCH ' + [...toks].join(' / ') + '**'} | ${median(tt.map(r => r.wall)).toFixed(2)} s | ${median(cb.map(r => r.wall)).toFixed(2)} s | **${w.toFixed(2)}×**${w < 2 ? ' (below 2×)' : ''} | ${median(tt.map(r => r.cpu)).toFixed(2)} s | ${median(cb.map(r => r.cpu)).toFixed(2)} s | ${c.toFixed(2)}× |`);
}
if (mismatch) { out.push('', '**COUNT MISMATCH: CostBench and tiktoken disagree; see the rows marked above.**'); process.exitCode = 3; }
else if (bad) { out.push('', 'Below the 2× goal on the rows marked above.'); }
console.log(out.join('\n'));
JS
{ echo '# Whole-process token counting'; echo; echo '<!-- generated by scripts/bench-cli.sh -->'; echo; cat "$tmp/cli.md"; } > app/bench/RESULTS-cli.md
cat app/bench/RESULTS-cli.md
exit "$rc"
