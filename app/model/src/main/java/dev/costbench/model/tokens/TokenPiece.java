// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

/**
 * One displayable piece of an {@link EncodedText}: usually one token; several when tokens split a character's UTF-8
 * bytes between them (a CJK character or an emoji spread over two or three tokens), so that every piece is whole
 * characters and its tokens' bytes decode to exactly {@code text.substring(charStart, charEnd)}.
 *
 * @param firstToken index of the piece's first token
 * @param endToken   index after its last token
 * @param charStart  UTF-16 offset of its first char
 * @param charEnd    UTF-16 offset after its last char
 * @param byteStart  UTF-8 offset of its first byte
 * @param byteEnd    UTF-8 offset after its last byte
 */
public record TokenPiece(int firstToken, int endToken, int charStart, int charEnd, int byteStart, int byteEnd) {

    /** Number of tokens in the piece (more than one only when tokens split a character). */
    public int tokenCount() {
        return endToken - firstToken;
    }

    /** True when the piece is several tokens because a character's bytes are split between them. */
    public boolean splitsCharacter() {
        return tokenCount() > 1;
    }

    public String of(String text) {
        return text.substring(charStart, charEnd);
    }
}
