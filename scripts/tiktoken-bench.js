// SPDX-License-Identifier: Apache-2.0
// Throughput anchor: the npm `tiktoken` package (WASM build of OpenAI's Rust core), encode_ordinary, one thread.
// node tiktoken-bench.js CORPUS_DIR [iterations]   (run with NODE_PATH pointing at a folder where tiktoken is installed)
const fs = require('fs');
const path = require('path');
const { get_encoding } = require('tiktoken');
const dir = process.argv[2];
const iterations = parseInt(process.argv[3] || '5', 10);
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
    v.sort((a, b) => a - b);
    console.log(JSON.stringify({ impl: 'tiktoken', corpus: name, encoding: encName, threads: 1, bytes, tokens,
      best_mibps: +v[v.length - 1].toFixed(2), median_mibps: +v[Math.floor(v.length / 2)].toFixed(2) }));
  }
}
