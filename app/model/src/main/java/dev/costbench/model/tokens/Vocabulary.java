// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The mergeable ranks of one encoding (a token's id is its rank), loaded from the compact form written at build time
 * by {@link VocabularyCompiler}, with two open-addressing hash tables from byte sequences to ids.
 *
 * <p>Tokens of up to {@link #SHORT_MAX} bytes — most of them, and nearly all merges of CJK text — are keyed by their
 * bytes packed into a {@code long} with the length on top ({@link #shortKey}), so a lookup compares one number.
 * Longer ones are found by a polynomial hash, {@code H(x·b) = H(x)·K + b + 1} modulo 2<sup>64</sup>; a slot holds the
 * token id and 13 more bits of the hash, so most misses are decided without touching token bytes, and a hit is
 * confirmed by comparing the bytes. Both keys of two adjacent parts joined follow from the parts' own keys
 * ({@code H(a)·K^len(b) + H(b)}, and a shift and an or), so byte-pair merging never re-reads bytes. Immutable and
 * thread-safe.
 */
final class Vocabulary {

    /** Odd 64-bit multiplier of the polynomial hash. */
    static final long K = 0x9E3779B97F4A7C15L;
    /** K^i for i = 0..255 (tokens are at most 255 bytes long). */
    static final long[] POW = new long[256];

    static {
        POW[0] = 1;
        for (int i = 1; i < POW.length; i++) {
            POW[i] = POW[i - 1] * K;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final int ID_BITS = 18;
    private static final int ID_MASK = (1 << ID_BITS) - 1;
    private static final int TAG_BITS = 13;
    private static final int TAG_MASK = (1 << TAG_BITS) - 1;

    final String name;
    final int size;
    /** All token bytes, in id order. */
    final byte[] bytes;
    /** Token i is bytes[offsets[i] .. offsets[i + 1]). */
    final int[] offsets;
    /** The id of each single byte. */
    final int[] byteIds = new int[256];
    /** The id of each two-byte token, indexed by {@code b0 << 8 | b1}, or -1. */
    final int[] pairIds = new int[1 << 16];

    /** Tokens this long or shorter are in the short table. */
    static final int SHORT_MAX = 7;

    private final long[] shortKeys;
    private final int[] shortIds;
    private final int shortMask;
    private final int shortShift;
    /**
     * A Bloom filter over the short keys, two bits per key in one 64-bit word: small enough to stay in a core's
     * cache, it answers most misses — the common case when merging — without touching the table.
     */
    private final long[] bloom;

    private final int bloomShift;
    /**
     * The id of each three-byte token of the form {@code [E0-EF][80-BF][80-BF]} (a BMP character's UTF-8, the bulk
     * of CJK merges), indexed by the 16 payload bits, or -1.
     */
    private final int[] charIds = new int[1 << 16];

    /**
     * One bit per (length, first eight bytes) of the tokens longer than {@link #SHORT_MAX}: a cache-resident filter
     * that
     * spares hashing a long piece (a CJK sentence, a run of spaces) that cannot be a token.
     */
    private final long[] longFilter = new long[1 << 13];

    private final int[] table;
    private final int mask;
    private final int indexShift;
    private final int tagShift;

    private Vocabulary(String name, byte[] bytes, int[] offsets) {
        this.name = name;
        this.bytes = bytes;
        this.offsets = offsets;
        this.size = offsets.length - 1;
        if (size > ID_MASK) {
            throw new IllegalStateException(name + ": " + size + " tokens do not fit in " + ID_BITS + " bits");
        }
        int shortCount = 0;
        for (int id = 0; id < size; id++) {
            if (offsets[id + 1] - offsets[id] <= SHORT_MAX) {
                shortCount++;
            }
        }
        int shortBits = 32 - Integer.numberOfLeadingZeros(Math.max(2, shortCount * 2) - 1);
        shortKeys = new long[1 << shortBits];
        shortIds = new int[1 << shortBits];
        shortMask = shortKeys.length - 1;
        shortShift = 64 - shortBits;
        int bloomBits = Math.max(1, shortBits - 4);
        bloom = new long[1 << bloomBits];
        bloomShift = 64 - bloomBits;
        Arrays.fill(charIds, -1);
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(2, (size - shortCount) * 2) - 1);
        table = new int[1 << bits];
        Arrays.fill(table, -1);
        mask = table.length - 1;
        indexShift = 64 - bits;
        tagShift = indexShift - TAG_BITS;
        Arrays.fill(byteIds, -1);
        Arrays.fill(pairIds, -1);
        for (int id = 0; id < size; id++) {
            int from = offsets[id];
            int to = offsets[id + 1];
            int len = to - from;
            long h = 0;
            long packed = 0;
            for (int i = from; i < to; i++) {
                h = h * K + (bytes[i] & 0xFF) + 1;
                packed = packed << 8 | (bytes[i] & 0xFF);
            }
            if (len <= SHORT_MAX) {
                long key = shortKey(len, packed);
                int slot = shortSlot(key);
                while (shortKeys[slot] != 0) {
                    slot = (slot + 1) & shortMask;
                }
                shortKeys[slot] = key;
                shortIds[slot] = id;
                long m = key * 0x9E3779B97F4A7C15L;
                bloom[(int) (m >>> bloomShift)] |= bloomMask(m);
                if (len == 3 && (packed & 0xF0C0C0) == 0xE08080) {
                    charIds[charIndex(packed)] = id;
                }
            } else {
                int slot = (int) (h >>> indexShift);
                while (table[slot] != -1) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = (int) ((h >>> tagShift) & TAG_MASK) << ID_BITS | id;
                int bit = longFilterBit(bytes, from, len);
                longFilter[bit >>> 6] |= 1L << bit;
            }
            if (len == 1) {
                byteIds[bytes[from] & 0xFF] = id;
            } else if (len == 2) {
                pairIds[(bytes[from] & 0xFF) << 8 | (bytes[from + 1] & 0xFF)] = id;
            }
        }
        for (int b = 0; b < 256; b++) {
            if (byteIds[b] < 0) {
                throw new IllegalStateException(name + ": no token for byte " + b);
            }
        }
    }

    /** Loads {@code <name>.bin} from the class path (compiled at build time). */
    static Vocabulary load(String name) {
        String resource = name + ".bin";
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path (it is generated by "
                        + "the build of app/model in process-classes)");
            }
            DataInputStream d = new DataInputStream(in);
            byte[] magic = new byte[4];
            d.readFully(magic);
            if (!Arrays.equals(magic, VocabularyCompiler.MAGIC.getBytes(StandardCharsets.US_ASCII))) {
                throw new IllegalStateException(resource + ": bad magic");
            }
            int n = d.readInt();
            byte[] lengths = new byte[n];
            d.readFully(lengths);
            int[] offsets = new int[n + 1];
            for (int i = 0; i < n; i++) {
                offsets[i + 1] = offsets[i] + (lengths[i] & 0xFF);
            }
            byte[] bytes = new byte[offsets[n]];
            d.readFully(bytes);
            return new Vocabulary(name, bytes, offsets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int longFilterBit(byte[] src, int from, int len) {
        long first = (long) LONGS.get(src, from);
        return (int) (((first + len) * 0x9E3779B97F4A7C15L) >>> 45);
    }

    /** False when no token is {@code src[from .. from + len)} ({@code len > SHORT_MAX}); true when one may be. */
    boolean mayBeLongToken(byte[] src, int from, int len) {
        int bit = longFilterBit(src, from, len);
        return (longFilter[bit >>> 6] & 1L << bit) != 0;
    }

    /** The polynomial hash of {@code src[from .. from + len)}. */
    static long hash(byte[] src, int from, int len) {
        long h = 0;
        for (int i = from; i < from + len; i++) {
            h = h * K + (src[i] & 0xFF) + 1;
        }
        return h;
    }

    /** Whether {@code a[i .. i + len)} equals {@code b[j .. j + len)}; {@code len >= 8}, eight bytes at a time. */
    private static boolean equalBytes(byte[] a, int i, byte[] b, int j, int len) {
        int last = len - 8;
        for (int k = 0; k < last; k += 8) {
            if ((long) LONGS.get(a, i + k) != (long) LONGS.get(b, j + k)) {
                return false;
            }
        }
        return (long) LONGS.get(a, i + last) == (long) LONGS.get(b, j + last);
    }

    /** The key of the short table: up to {@link #SHORT_MAX} bytes, big-endian in the low bits, length on top. */
    static long shortKey(int len, long packedBytes) {
        return (long) len << 56 | packedBytes;
    }

    private int shortSlot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shortShift);
    }

    private static long bloomMask(long mixed) {
        return 1L << (mixed >>> 20) | 1L << (mixed >>> 26);
    }

    private static int charIndex(long packed) {
        return (int) ((packed >>> 4) & 0xF000 | (packed >>> 2) & 0xFC0 | packed & 0x3F);
    }

    /** The id of the token with {@link #shortKey} {@code key}, or -1. */
    int lookupShort(long key) {
        if ((key & 0xFF00_0000_00F0_C0C0L) == (3L << 56 | 0xE08080)) {
            return charIds[charIndex(key)];
        }
        long m = key * 0x9E3779B97F4A7C15L;
        long bits = bloomMask(m);
        if ((bloom[(int) (m >>> bloomShift)] & bits) != bits) {
            return -1;
        }
        int slot = (int) (m >>> shortShift);
        long k;
        while ((k = shortKeys[slot]) != 0) {
            if (k == key) {
                return shortIds[slot];
            }
            slot = (slot + 1) & shortMask;
        }
        return -1;
    }

    /**
     * The id of the token {@code src[from .. from + len)}, whose hash is {@code h} and whose bytes, when
     * {@code len <= SHORT_MAX}, are {@code packed}; or -1.
     */
    int lookup(long h, long packed, byte[] src, int from, int len) {
        return len <= SHORT_MAX ? lookupShort(shortKey(len, packed)) : lookupLong(h, src, from, len);
    }

    /**
     * The id of the token {@code src[from .. from + len)} (longer than {@link #SHORT_MAX}) of hash {@code h}, or -1.
     */
    int lookupLong(long h, byte[] src, int from, int len) {
        int slot = (int) (h >>> indexShift);
        int tag = (int) ((h >>> tagShift) & TAG_MASK);
        int e;
        while ((e = table[slot]) != -1) {
            if (e >>> ID_BITS == tag) {
                int id = e & ID_MASK;
                int off = offsets[id];
                if (offsets[id + 1] - off == len && equalBytes(bytes, off, src, from, len)) {
                    return id;
                }
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The number of bytes of token {@code id}. */
    int tokenLength(int id) {
        return offsets[id + 1] - offsets[id];
    }

    /** The bytes of token {@code id}. */
    byte[] token(int id) {
        return Arrays.copyOfRange(bytes, offsets[id], offsets[id + 1]);
    }
}
