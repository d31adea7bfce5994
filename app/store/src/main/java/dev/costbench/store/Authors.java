// SPDX-License-Identifier: Apache-2.0
package dev.costbench.store;

/** Who a client's new rows are recorded as created by: a short name, by default the OS user's. */
public final class Authors {

    /** The longest name kept (the {@code created_by} columns hold 200 characters). */
    public static final int MAX_LENGTH = 200;

    private Authors() {}

    /**
     * The name this client uses unless told otherwise: {@code -Dcostbench.author}, else the environment variable
     * {@code COSTBENCH_AUTHOR}, else the OS user name.
     */
    public static String current() {
        String v = System.getProperty("costbench.author");
        if (v == null || v.isBlank()) {
            v = System.getenv("COSTBENCH_AUTHOR");
        }
        return clean(v);
    }

    /** {@code name} trimmed and cut to {@link #MAX_LENGTH}; the OS user name when blank. */
    public static String clean(String name) {
        String v = name == null ? "" : name.strip();
        if (v.isEmpty()) {
            v = System.getProperty("user.name", "").strip();
        }
        if (v.isEmpty()) {
            v = "unknown";
        }
        return v.length() > MAX_LENGTH ? v.substring(0, MAX_LENGTH) : v;
    }
}
