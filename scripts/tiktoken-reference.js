// SPDX-License-Identifier: Apache-2.0
// Reads JSON lines {"name": ..., "text": ...} on stdin and writes, per line, the token ids that the npm `tiktoken`
// package (the WASM build of OpenAI's Rust core) gives with encode_ordinary for o200k_base and cl100k_base.
// Used to (re)generate app/model/src/test/resources/tokenizer-reference.jsonl:
//   npm install --prefix /tmp/tt tiktoken
//   NODE_PATH=/tmp/tt/node_modules node scripts/tiktoken-reference.js < app/model/src/test/resources/tokenizer-reference.jsonl \
//     > /tmp/new-reference.jsonl   (input lines may carry extra keys; only "name" and "text" are read)
const { get_encoding } = require('tiktoken');
const readline = require('readline');
const encs = { o200k_base: get_encoding('o200k_base'), cl100k_base: get_encoding('cl100k_base') };
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (!line.trim()) return;
  const c = JSON.parse(line);
  const out = { name: c.name, text: c.text };
  for (const [k, e] of Object.entries(encs)) out[k] = Array.from(e.encode_ordinary(c.text));
  process.stdout.write(JSON.stringify(out) + '\n');
});
