// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BPE model of a {@code tokenizer.json}: its vocabulary and ranked merges, in one of two forms. Byte-level (GPT-2
 * style: Llama 3, Qwen, DeepSeek V3): a piece starts as its UTF-8 bytes, and vocabulary entries written in GPT-2's
 * byte-to-character alphabet are read back into bytes here. Character-level (SentencePiece style: Gemma, Llama 2,
 * Mistral): a piece starts as its characters; a character that is not in the vocabulary becomes its UTF-8 bytes as
 * {@code <0xXX>} tokens when {@code byte_fallback} is on, or the unknown token.
 */
final class HfModel {

    final boolean byteLevel;
    final boolean ignoreMerges;
    final boolean fuseUnk;
    final int unk;
    final int size;
    /** Byte-level: the token of each single byte; character-level: the {@code <0xXX>} token of each byte, or -1. */
    final int[] byteIds = new int[256];
    /** Whole pieces: byte-level keys are the piece's bytes as ISO-8859-1 chars; character-level, the piece itself. */
    final Map<String, Integer> words;
    /** Character-level: the token of each single code point. */
    final Map<Integer, Integer> chars = new HashMap<>();

    final HfMerges merges;

    HfModel(
            boolean byteLevel,
            Map<String, Integer> vocab,
            List<String[]> mergeList,
            boolean ignoreMerges,
            boolean byteFallback,
            String unkToken,
            boolean fuseUnk) {
        this.byteLevel = byteLevel;
        this.ignoreMerges = ignoreMerges;
        this.fuseUnk = fuseUnk;
        this.size = vocab.size();
        this.unk = unkToken == null ? -1 : vocab.getOrDefault(unkToken, -1);
        Arrays.fill(byteIds, -1);
        this.words = new HashMap<>(vocab.size() * 2);
        char[] toByte = byteLevel ? ByteLevelAlphabet.decodeTable() : null;
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            String key = byteLevel ? ByteLevelAlphabet.toBytes(e.getKey(), toByte) : e.getKey();
            if (key == null) {
                continue;
            }
            words.put(key, e.getValue());
            if (byteLevel && key.length() == 1) {
                byteIds[key.charAt(0)] = e.getValue();
            } else if (!byteLevel && key.codePointCount(0, key.length()) == 1) {
                chars.put(key.codePointAt(0), e.getValue());
            }
        }
        if (!byteLevel && byteFallback) {
            for (int b = 0; b < 256; b++) {
                byteIds[b] = vocab.getOrDefault(String.format("<0x%02X>", b), -1);
            }
        }
        merges = new HfMerges(mergeList.size());
        int rank = 0;
        for (String[] m : mergeList) {
            Integer a = vocab.get(m[0]);
            Integer b = vocab.get(m[1]);
            Integer r = vocab.get(m[0] + m[1]);
            if (a != null && b != null && r != null) {
                merges.put(a, b, rank, r);
            }
            rank++;
        }
    }

    /** The id of the piece whose bytes are {@code b[0 .. n)}, or -1 (byte-level). */
    int wordOfBytes(byte[] b, int n) {
        Integer id = words.get(new String(b, 0, n, StandardCharsets.ISO_8859_1));
        return id == null ? -1 : id;
    }

    /** GPT-2's reversible map between bytes and printable characters, which byte-level vocabularies are written in. */
    static final class ByteLevelAlphabet {
        private ByteLevelAlphabet() {}

        /** The character standing for each byte. */
        static char[] encodeTable() {
            char[] t = new char[256];
            int extra = 0;
            for (int b = 0; b < 256; b++) {
                boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
                t[b] = printable ? (char) b : (char) (256 + extra++);
            }
            return t;
        }

        /** For each character below U+0200, the byte it stands for plus 1, or 0. */
        static char[] decodeTable() {
            char[] enc = encodeTable();
            char[] dec = new char[0x200];
            for (int b = 0; b < 256; b++) {
                dec[enc[b]] = (char) (b + 1);
            }
            return dec;
        }

        /** The bytes a vocabulary entry stands for, as ISO-8859-1 chars, or null when it is not in the alphabet. */
        static String toBytes(String token, char[] dec) {
            char[] out = new char[token.length()];
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c >= dec.length || dec[c] == 0) {
                    return null;
                }
                out[i] = (char) (dec[c] - 1);
            }
            return new String(out);
        }
    }
}
