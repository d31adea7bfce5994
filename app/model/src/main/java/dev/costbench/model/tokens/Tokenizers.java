// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

/**
 * Exact token counting for the OpenAI encodings. Ordinary text only: special-token text such as
 * {@code <|endoftext|>} typed by a user is counted as the ordinary characters it is made of, as tiktoken's
 * {@code encode_ordinary} does. Thread-safe.
 */
public final class Tokenizers {

    private static final class Holder {
        static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    }

    private Tokenizers() {
    }

    private static com.knuddels.jtokkit.api.Encoding jtokkit(Encoding e) {
        EncodingType type = e.ranks() == Encoding.O200K_BASE ? EncodingType.O200K_BASE : EncodingType.CL100K_BASE;
        return Holder.REGISTRY.getEncoding(type);
    }

    /** Number of tokens of {@code text} under {@code encoding}; 0 for empty text. */
    public static int count(Encoding encoding, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return jtokkit(encoding).countTokensOrdinary(wellFormed(text));
    }

    /** Token ids of {@code text} under {@code encoding}. */
    public static int[] encode(Encoding encoding, String text) {
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        IntArrayList ids = jtokkit(encoding).encodeOrdinary(wellFormed(text));
        return ids.toArray();
    }

    /**
     * Replaces unpaired surrogates (which an editor can hold for a moment mid-edit) with U+FFFD, as a UTF-8 encoder
     * does before a request is sent; returns {@code text} itself when it is well-formed.
     */
    static String wellFormed(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return replaceLoneSurrogates(text);
            }
        }
        return text;
    }

    private static String replaceLoneSurrogates(String text) {
        StringBuilder b = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Loads the vocabularies now instead of at the first count. */
    public static void warmUp() {
        for (Encoding e : Encoding.values()) {
            count(e, "warm up");
        }
    }
}
