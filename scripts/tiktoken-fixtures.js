// SPDX-License-Identifier: Apache-2.0
// Writes the tiktoken reference fixtures of the tokenizer tests from the npm `tiktoken` package (the WASM build of
// OpenAI's Rust core), encode_ordinary, o200k_base and cl100k_base. Token ids are summarised as their count and the
// first 16 hex digits of the SHA-256 of the ids as little-endian int32.
//
//   npm install --prefix /tmp/tt tiktoken@1.0.22
//   export NODE_PATH=/tmp/tt/node_modules
//   node scripts/tiktoken-fixtures.js codepoints > app/model/src/test/resources/tiktoken-codepoints.txt
//   node scripts/tiktoken-fixtures.js corpus < corpus.jsonl > app/model/src/test/resources/tiktoken-corpus.jsonl
//
// codepoints: every code point of planes 0-3 and U+E0000..U+E0FFF, and the first and last 256 of every other plane
// (surrogates excepted), each in the contexts of `unit` below, one text per group of 4096 code points (cp >>> 12).
// TiktokenReferenceTest builds the same texts. corpus: reads JSON lines {"name", "text"} (written by
// TiktokenReferenceTest.main) and adds the digests.
const crypto = require('crypto');
const readline = require('readline');
const { get_encoding } = require('tiktoken');
const encodings = ['o200k_base', 'cl100k_base'].map((name) => [name, get_encoding(name)]);

function digest(ids) {
  const bytes = Buffer.alloc(ids.length * 4);
  ids.forEach((id, i) => bytes.writeInt32LE(id, i * 4));
  return crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

function unit(x) {
  return `a${x}b A${x}B Ab${x}Cd ${x}'s ${x}'S 1${x}23 \t${x}${x} !${x}? ${x}\n${x}\r\n  ${x}  x${x}/${x}\n/ `;
}

function groups() {
  const byGroup = new Map();
  const add = (cp) => {
    if (cp >= 0xd800 && cp <= 0xdfff) return;
    const g = cp >>> 12;
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g).push(cp);
  };
  for (let cp = 0; cp < 0x40000; cp++) add(cp);
  for (let cp = 0xe0000; cp < 0xe1000; cp++) add(cp);
  for (const plane of [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16]) {
    for (let i = 0; i < 256; i++) {
      add((plane << 16) + i);
      add((plane << 16) + 0xff00 + i);
    }
  }
  return [...byGroup.entries()].sort((a, b) => a[0] - b[0]);
}

const mode = process.argv[2];
if (mode === 'codepoints') {
  console.log('# group(hex) code_points o200k_base:count,sha256/16 cl100k_base:count,sha256/16 (scripts/tiktoken-fixtures.js)');
  for (const [g, cps] of groups()) {
    const text = cps.map((cp) => unit(String.fromCodePoint(cp))).join('');
    const cols = encodings.map(([, e]) => {
      const ids = Array.from(e.encode_ordinary(text));
      return `${ids.length},${digest(ids)}`;
    });
    console.log(`${g.toString(16)} ${cps.length} ${cols.join(' ')}`);
  }
} else if (mode === 'corpus') {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => {
    if (!line.trim()) return;
    const c = JSON.parse(line);
    const out = { name: c.name, text: c.text };
    for (const [name, e] of encodings) {
      const ids = Array.from(e.encode_ordinary(c.text));
      out[name] = `${ids.length},${digest(ids)}`;
    }
    process.stdout.write(JSON.stringify(out) + '\n');
  });
} else {
  console.error('usage: node scripts/tiktoken-fixtures.js codepoints|corpus');
  process.exit(2);
}
