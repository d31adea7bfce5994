// SPDX-License-Identifier: Apache-2.0
// Whole-process anchor for `costbench tokens --file F`: one node process loads the npm `tiktoken` package, reads the
// file, counts it with encode_ordinary (no special tokens) and prints the count — what a user runs from a shell.
// node tiktoken-count.js FILE [o200k_base|cl100k_base]   (NODE_PATH pointing at a folder where tiktoken is installed)
const fs = require('fs');
const { get_encoding } = require('tiktoken');
const enc = get_encoding(process.argv[3] || 'o200k_base');
console.log(enc.encode_ordinary(fs.readFileSync(process.argv[2], 'utf8')).length);
