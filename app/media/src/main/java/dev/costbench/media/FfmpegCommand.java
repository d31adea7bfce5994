// SPDX-License-Identifier: Apache-2.0
package dev.costbench.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A command line for the bundled {@code ffmpeg} that makes media from its built-in sources (lavfi: test patterns,
 * tones, silence): for the workbench's self-test, the tests that make their media and the benchmarks.
 */
public final class FfmpegCommand {

    private FfmpegCommand() {}

    /**
     * {@code ffmpeg -hide_banner -loglevel error -y}, one lavfi input per filter in {@code sources} (in order, so the
     * first is input 0), then {@code args}: filters, codecs and the output file.
     */
    public static List<String> fromLavfi(List<String> sources, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Av.ffmpegBinary(), "-hide_banner", "-loglevel", "error", "-y"));
        for (String source : sources) {
            cmd.addAll(List.of("-f", "lavfi", "-i", source));
        }
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }
}
