// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.lab.stats.WordDiff.Op;
import dev.costbench.model.lab.stats.WordDiff.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void wordsOnUnicodeBoundaries() {
        assertEquals(List.of("hello", "world", "it's", "3.14"), TextTokens.words("Hello, world! It's 3.14."));
        // full-width letters and case are normalized (NFKC, lower case)
        assertEquals(List.of("abc", "test"), TextTokens.words("ＡＢＣ TEST"));
        // Chinese has no spaces: one token per character
        assertEquals(List.of("我", "喜", "欢", "吃", "苹", "果"), TextTokens.words("我喜欢吃苹果。"));
        // Japanese mixes scripts; a Latin word inside stays whole
        assertEquals(List.of("iphone15", "を", "買", "っ", "た"), TextTokens.words("iPhone15を買った"));
        // Thai is written without spaces too: split into grapheme clusters (vowel marks stay on their consonant)
        assertEquals(List.of("ส", "วั", "ส", "ดี"), TextTokens.words("สวัสดี"));
        // Arabic and Korean separate words with spaces and keep whole words
        assertEquals(List.of("مرحبا", "بالعالم", "كيف", "حالك"), TextTokens.words("مرحبا بالعالم، كيف حالك؟"));
        assertEquals(List.of("안녕하세요", "세계"), TextTokens.words("안녕하세요 세계"));
        assertEquals(List.of(), TextTokens.words(""));
        assertEquals(List.of(), TextTokens.words(null));
        assertEquals(List.of(), TextTokens.words(" ... !!"));
    }

    @Test
    void tokensRebuildTheText() {
        for (String s : List.of("  Hello,  world!\n", "我喜欢 吃苹果。", "", "   ", "a", "مرحبا بالعالم، كيف حالك؟")) {
            StringBuilder b = new StringBuilder();
            TextTokens.tokens(s).forEach(t -> b.append(t.full()));
            assertEquals(s, b.toString());
        }
        assertEquals(
                List.of(new TextTokens.Token("", "  "), new TextTokens.Token("Hi", " "), new TextTokens.Token("!", "")),
                TextTokens.tokens("  Hi !"));
    }

    /** Lin (2004), §3.1: reference "police killed the gunman". */
    @Test
    void rougeLFromThePaper() {
        String ref = "police killed the gunman";
        // S2 "police kill the gunman": LCS = "police the gunman" = 3 → P = R = F = 3/4
        TextSimilarity.Score s2 = TextSimilarity.rougeL("police kill the gunman", ref);
        assertEquals(0.75, s2.precision(), 1e-15);
        assertEquals(0.75, s2.recall(), 1e-15);
        assertEquals(0.75, s2.f1(), 1e-15);
        // S3 "the gunman kill police": LCS = "the gunman" = 2 → F = 1/2 (ROUGE-2 cannot tell S2 and S3 apart)
        assertEquals(0.5, TextSimilarity.rougeLF1("the gunman kill police", ref), 1e-15);
        // unequal lengths: candidate 3 words all in the 4-word reference, P = 1, R = 3/4, F = 6/7
        TextSimilarity.Score s = TextSimilarity.rougeL("police the gunman", ref);
        assertEquals(1.0, s.precision(), 1e-15);
        assertEquals(6.0 / 7, s.f1(), 1e-15);
    }

    @Test
    void tokenF1CountsAMultiset() {
        // SQuAD-style: common = {the, cat} (the twice in prediction, once in reference counts once)
        TextSimilarity.Score s = TextSimilarity.tokenF1("the the cat sat", "the cat");
        assertEquals(0.5, s.precision(), 1e-15);
        assertEquals(1.0, s.recall(), 1e-15);
        assertEquals(2 * 0.5 / 1.5, s.f1(), 1e-15);
        // order does not matter for token F1, it does for ROUGE-L
        assertEquals(1.0, TextSimilarity.tokenF1Score("the gunman kill police", "police kill the gunman"), 1e-15);
        assertEquals(0.5, TextSimilarity.rougeLF1("the gunman kill police", "police kill the gunman"), 1e-15);
    }

    @Test
    void similarityOfCjkAndArabic() {
        // 我喜欢吃苹果 vs 我喜欢吃香蕉: 4 of 6 characters in order → ROUGE-L = token F1 = 4/6
        assertEquals(4.0 / 6, TextSimilarity.rougeLF1("我喜欢吃苹果", "我喜欢吃香蕉"), 1e-15);
        assertEquals(4.0 / 6, TextSimilarity.tokenF1Score("我喜欢吃苹果", "我喜欢吃香蕉"), 1e-15);
        // Arabic: a 3-word candidate inside a 4-word reference → P = 1, R = 3/4, F1 = 6/7
        assertEquals(6.0 / 7, TextSimilarity.rougeLF1("مرحبا كيف حالك", "مرحبا بالعالم كيف حالك"), 1e-15);
        // punctuation is not a word
        assertEquals(1.0, TextSimilarity.rougeLF1("مرحبا، كيف حالك؟", "مرحبا كيف حالك"), 1e-15);
    }

    @Test
    void similarityEdgeCases() {
        assertEquals(1.0, TextSimilarity.rougeLF1("Same text.", "Same text."));
        assertEquals(1.0, TextSimilarity.rougeLF1("", ""));
        assertEquals(1.0, TextSimilarity.tokenF1Score("", "  "));
        assertEquals(0.0, TextSimilarity.rougeLF1("", "something"));
        assertEquals(0.0, TextSimilarity.tokenF1Score("something", ""));
        assertEquals(0.0, TextSimilarity.rougeLF1("alpha beta", "gamma delta"));
    }

    @Test
    void wordDiff() {
        List<Segment> d = WordDiff.diff("the quick brown fox", "the slow brown dog");
        assertEquals(
                List.of(
                        new Segment(Op.EQUAL, "the ", "the "),
                        new Segment(Op.DELETE, "quick ", ""),
                        new Segment(Op.INSERT, "", "slow "),
                        new Segment(Op.EQUAL, "brown ", "brown "),
                        new Segment(Op.DELETE, "fox", ""),
                        new Segment(Op.INSERT, "", "dog")),
                d);
        assertEquals("quick ", d.get(1).text());
        assertEquals("slow ", d.get(2).text());

        assertEquals(
                List.of(new Segment(Op.EQUAL, "Same words.", "Same words.")),
                WordDiff.diff("Same words.", "Same words."));
        assertEquals(List.of(), WordDiff.diff("", ""));
        assertEquals(List.of(new Segment(Op.INSERT, "", "new text")), WordDiff.diff("", "new text"));
        assertEquals(List.of(new Segment(Op.DELETE, "old", "")), WordDiff.diff("old", null));
        // spacing differences are not changes; case is
        assertEquals(List.of(new Segment(Op.EQUAL, "a  b", "a b")), WordDiff.diff("a  b", "a b"));
        assertEquals(Op.DELETE, WordDiff.diff("Refund", "refund").get(0).op());
        // CJK diffs character by character
        assertEquals(
                List.of(
                        new Segment(Op.EQUAL, "我喜欢吃", "我喜欢吃"),
                        new Segment(Op.DELETE, "苹果", ""),
                        new Segment(Op.INSERT, "", "香蕉"),
                        new Segment(Op.EQUAL, "。", "。")),
                WordDiff.diff("我喜欢吃苹果。", "我喜欢吃香蕉。"));
    }

    /** Long texts go through Hirschberg's split; the diff must still be a longest common subsequence. */
    @Test
    void longDiffsAreMinimalAndRebuildBothTexts() {
        Random rng = new Random(5);
        String[] vocab = {"alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta"};
        for (int round = 0; round < 3; round++) {
            List<String> a = new ArrayList<>();
            for (int i = 0; i < 1500 + round * 300; i++) {
                a.add(vocab[rng.nextInt(vocab.length)]);
            }
            List<String> b = new ArrayList<>();
            for (String w : a) {
                int r = rng.nextInt(10);
                if (r == 0) {
                    continue; // delete
                }
                if (r == 1) {
                    b.add(vocab[rng.nextInt(vocab.length)]); // insert
                }
                b.add(w);
            }
            String left = String.join(" ", a);
            String right = String.join(" ", b);
            List<Segment> d = WordDiff.diff(left, right);
            StringBuilder l = new StringBuilder();
            StringBuilder r = new StringBuilder();
            int equalWords = 0;
            for (Segment s : d) {
                l.append(s.left());
                r.append(s.right());
                if (s.op() == Op.EQUAL) {
                    equalWords += TextTokens.tokens(s.left()).size();
                }
            }
            assertEquals(left, l.toString());
            assertEquals(right, r.toString());
            assertEquals(TextSimilarity.lcsLength(a, b), equalWords);
            assertTrue(a.size() * (long) b.size() > 1_000_000, "large enough to take the Hirschberg path");
        }
    }
}
