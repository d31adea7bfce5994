// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.command;

import dev.costbench.cli.term.UsageException;
import java.util.Arrays;
import java.util.Locale;

/** The option values of {@code media} that are not plain numbers: {@code --crop X,Y,W,H} and enum choices. */
final class MediaArgs {

    private MediaArgs() {}

    static int[] crop(String s) {
        String[] p = s.split(",");
        if (p.length != 4) {
            throw new UsageException("--crop takes X,Y,W,H, got '" + s + "'");
        }
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Integer.parseInt(p[i].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--crop takes whole numbers X,Y,W,H, got '" + s + "'");
            }
            if (v[i] < 0 || (i >= 2 && v[i] == 0)) {
                throw new UsageException("--crop values must be ≥ 0 and W,H > 0, got '" + s + "'");
            }
        }
        return v;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String s, E dflt) {
        if (s == null) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown value '" + s + "' (known: "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ")");
        }
    }
}
