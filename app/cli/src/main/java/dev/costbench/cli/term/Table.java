// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.term;

import java.util.List;

/** Plain aligned columns; columns from {@code firstRight} up to the last two are right-aligned. */
public final class Table {

    private Table() {}

    public static String render(List<String[]> rows, int firstRight) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], r[i].codePointCount(0, r[i].length()));
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String pad = " ".repeat(w[i] - r[i].codePointCount(0, r[i].length()));
                boolean right = i >= firstRight && i < cols - 1;
                line.append(right ? pad + r[i] : r[i] + pad);
                if (i < cols - 1) {
                    line.append("  ");
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
