// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Writes the optimized audio a user would send: 16 kHz mono 16-bit WAV, optionally without the silent spans found
 * by {@link AudioAnalysis}. Used to export it and to play original and trimmed side by side.
 */
public final class AudioExport {

    private AudioExport() {}

    /**
     * Decodes {@code in} to 16 kHz mono and writes {@code out} as WAV, leaving out {@code cut} (sorted, seconds).
     * The file appears only when complete (written beside it, then moved). Returns the seconds written.
     */
    public static double writeWav(Path in, List<AudioAnalysis.Span> cut, Path out, BooleanSupplier cancelled)
            throws IOException {
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".costbench-", ".wav.part");
        long written = 0;
        try (Pcm16k pcm = Pcm16k.open(in, cancelled);
                RandomAccessFile raf = new RandomAccessFile(tmp.toFile(), "rw")) {
            raf.setLength(0);
            raf.write(new byte[44]); // header written at the end, when the length is known
            byte[] buf = new byte[8192];
            ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
            long sample = 0;
            int span = 0;
            ShortBuffer sb;
            while ((sb = pcm.next()) != null) {
                while (sb.hasRemaining()) {
                    short s = sb.get();
                    double t = (double) sample++ / AudioAnalysis.RATE;
                    while (span < cut.size() && t >= cut.get(span).end()) {
                        span++;
                    }
                    if (span < cut.size() && t >= cut.get(span).start()) {
                        continue;
                    }
                    bb.putShort(s);
                    written++;
                    if (!bb.hasRemaining()) {
                        raf.write(buf);
                        bb.clear();
                    }
                }
            }
            raf.write(buf, 0, bb.position());
            raf.seek(0);
            raf.write(header(written * 2));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return (double) written / AudioAnalysis.RATE;
    }

    /** A canonical 44-byte PCM WAV header for 16 kHz mono 16-bit. */
    static byte[] header(long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt((int) (36 + dataBytes))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(AudioAnalysis.RATE)
                .putInt(AudioAnalysis.RATE * 2)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt((int) dataBytes);
        return h.array();
    }
}
