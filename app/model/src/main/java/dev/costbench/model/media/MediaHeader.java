// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.media;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the model module can read from a media file's header without decoding it: the type, and the pixel size of an
 * image (JPEG, PNG, WebP, GIF) or the length of a WAV recording. Enough to count tokens by the {@link MediaRules}.
 *
 * @param mimeType e.g. {@code image/png}, {@code audio/wav}
 * @param width    pixels (0 for audio)
 * @param height   pixels (0 for audio)
 * @param seconds  duration of audio (0 for images)
 */
public record MediaHeader(String mimeType, int width, int height, double seconds) {

    /** True for images. */
    public boolean image() {
        return mimeType.startsWith("image/");
    }

    /** The header of {@code data}, or empty when it is none of the supported formats (or truncated). */
    public static Optional<MediaHeader> probe(byte[] data) {
        try {
            if (starts(data, 0x89, 'P', 'N', 'G')) {
                return Optional.of(new MediaHeader("image/png", be32(data, 16), be32(data, 20), 0));
            }
            if (starts(data, 'G', 'I', 'F', '8')) {
                return Optional.of(new MediaHeader("image/gif", le16(data, 6), le16(data, 8), 0));
            }
            if (starts(data, 0xFF, 0xD8)) {
                return jpeg(data);
            }
            if (starts(data, 'R', 'I', 'F', 'F') && data.length > 12) {
                String kind = new String(data, 8, 4, StandardCharsets.US_ASCII);
                if (kind.equals("WEBP")) {
                    return webp(data);
                }
                if (kind.equals("WAVE")) {
                    return wav(data);
                }
            }
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<MediaHeader> jpeg(byte[] d) {
        int i = 2;
        while (i + 9 < d.length) {
            if ((d[i] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = d[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int len = be16(d, i + 2);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                return Optional.of(new MediaHeader("image/jpeg", be16(d, i + 7), be16(d, i + 5), 0));
            }
            i += 2 + len;
        }
        return Optional.empty();
    }

    private static Optional<MediaHeader> webp(byte[] d) {
        String chunk = new String(d, 12, 4, StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8 ":
                return Optional.of(new MediaHeader("image/webp", le16(d, 26) & 0x3FFF, le16(d, 28) & 0x3FFF, 0));
            case "VP8L": {
                int b = (d[21] & 0xFF) | (d[22] & 0xFF) << 8 | (d[23] & 0xFF) << 16 | (d[24] & 0xFF) << 24;
                return Optional.of(new MediaHeader("image/webp", (b & 0x3FFF) + 1, ((b >> 14) & 0x3FFF) + 1, 0));
            }
            case "VP8X":
                return Optional.of(new MediaHeader("image/webp", le24(d, 24) + 1, le24(d, 27) + 1, 0));
            default:
                return Optional.empty();
        }
    }

    private static Optional<MediaHeader> wav(byte[] d) {
        int i = 12;
        long byteRate = 0;
        while (i + 8 <= d.length) {
            String id = new String(d, i, 4, StandardCharsets.US_ASCII);
            long size = le32(d, i + 4);
            if (id.equals("fmt ")) {
                byteRate = le32(d, i + 16);
            } else if (id.equals("data") && byteRate > 0) {
                long bytes = Math.min(size, d.length - i - 8L);
                return Optional.of(new MediaHeader("audio/wav", 0, 0, (double) bytes / byteRate));
            }
            i += 8 + (int) size + (int) (size & 1);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] d, int... magic) {
        if (d.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((d[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int be16(byte[] d, int i) {
        return (d[i] & 0xFF) << 8 | (d[i + 1] & 0xFF);
    }

    private static int be32(byte[] d, int i) {
        return (d[i] & 0xFF) << 24 | (d[i + 1] & 0xFF) << 16 | (d[i + 2] & 0xFF) << 8 | (d[i + 3] & 0xFF);
    }

    private static int le16(byte[] d, int i) {
        return (d[i] & 0xFF) | (d[i + 1] & 0xFF) << 8;
    }

    private static int le24(byte[] d, int i) {
        return (d[i] & 0xFF) | (d[i + 1] & 0xFF) << 8 | (d[i + 2] & 0xFF) << 16;
    }

    private static long le32(byte[] d, int i) {
        return ((long) le16(d, i)) | ((long) le16(d, i + 2)) << 16;
    }
}
