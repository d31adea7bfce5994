// SPDX-License-Identifier: Apache-2.0
// Throughput anchor: the npm `tiktoken` package (WASM build of OpenAI's Rust core), encode_ordinary, one thread.
// node tiktoken-bench.js CORPUS_DIR [iterations] [pass]   (run with NODE_PATH pointing at a folder where tiktoken is
// installed; scripts/bench.sh runs it before and after CostBench, as passes 1 and 2, and pools the samples)
const fs = require('fs');
const path = require('path');
if (process.argv[2] === '--cold') {
  // First count after start-up: loading the module and each encoding's ranks, then one short count.
  const t0 = process.hrtime.bigint();
  const { get_encoding: load } = require('tiktoken');
  const n = load('o200k_base').encode_ordinary('The first count after start-up loads the vocabulary.').length;
  const t1 = process.hrtime.bigint();
  load('cl100k_base').encode_ordinary('and the second encoding');
  const t2 = process.hrtime.bigint();
  console.log(JSON.stringify({ impl: 'tiktoken', mode: 'cold', first_o200k_ms: Number(t1 - t0) / 1e6,
    first_cl100k_ms: Number(t2 - t1) / 1e6, tokens: n }));
  process.exit(0);
}
const { get_encoding } = require('tiktoken');
const dir = process.argv[2];
const iterations = parseInt(process.argv[3] || '5', 10);
const pass = parseInt(process.argv[4] || '1', 10);
for (const name of ['english', 'code', 'cjk', 'mixed']) {
  const text = fs.readFileSync(path.join(dir, name + '.txt'), 'utf8');
  const bytes = Buffer.byteLength(text, 'utf8');
  for (const encName of ['o200k_base', 'cl100k_base']) {
    const enc = get_encoding(encName);
    const v = [];
    let tokens = 0;
    for (let i = -2; i < iterations; i++) {
      const t0 = process.hrtime.bigint();
      tokens = enc.encode_ordinary(text).length;
      const t1 = process.hrtime.bigint();
      if (i >= 0) v.push(bytes / (1024 * 1024) / (Number(t1 - t0) / 1e9));
    }
    enc.free();
    console.log(JSON.stringify({ impl: 'tiktoken', pass, corpus: name, encoding: encName, threads: 1, bytes, tokens,
      samples_mibps: v.map((x) => +x.toFixed(3)) }));
  }
}
