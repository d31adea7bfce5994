// SPDX-License-Identifier: Apache-2.0
// Throughput anchor for open models' tokenizers: the npm `@lenml/tokenizers` package (the tokenizers of
// transformers.js, pure JavaScript) loading the same tokenizer.json files, encode(text, {add_special_tokens: false}),
// one thread; and, when the npm @anush008/tokenizers package (a native build of the Rust `tokenizers` library) is
// installed, the Rust library itself on the same files (its encode of one text runs on one thread).
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

// The Rust `tokenizers` library itself, through the npm @anush008/tokenizers binding (a native build), when installed.
let rust = null;
try {
  rust = require('@anush008/tokenizers').Tokenizer;
} catch (e) {
  rust = null;
}

async function measure(impl, name, corpus, text, encode) {
  const bytes = Buffer.byteLength(text, 'utf8');
  const v = [];
  let tokens = 0;
  for (let i = -2; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    let reps = 0;
    do {
      tokens = (await encode(text)).length;
      reps++;
    } while (Number(process.hrtime.bigint() - t0) < 3e8);
    const s = Number(process.hrtime.bigint() - t0) / 1e9 / reps;
    if (i >= 0) v.push(+(bytes / (1024 * 1024) / s).toFixed(3));
  }
  console.log(JSON.stringify({ impl, pass, tokenizer: name, corpus, threads: 1, bytes, tokens, samples_mibps: v }));
}

(async () => {
  for (const [name, pkg] of names) {
    const tok = load(pkg);
    const file = path.join(path.dirname(require.resolve(`@lenml/tokenizer-${pkg}`)), '..', 'models', 'tokenizer.json');
    const native = rust ? rust.fromFile(file) : null;
    for (const corpus of ['english', 'code', 'cjk', 'mixed']) {
      const text = cut(fs.readFileSync(path.join(dir, corpus + '.txt'), 'utf8'), parseInt(chars, 10));
      await measure('reference', name, corpus, text, (t) => tok.encode(t, { add_special_tokens: false }));
      if (native) {
        await measure('rust', name, corpus, text, async (t) => (await native.encode(t, null, { addSpecialTokens: false })).getIds());
      }
    }
  }
})();
