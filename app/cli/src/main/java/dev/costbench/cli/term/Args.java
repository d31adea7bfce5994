// SPDX-License-Identifier: Apache-2.0
package dev.costbench.cli.term;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Minimal option parser: {@code --name value}, {@code --name=value} and boolean {@code --flag}. */
public final class Args {
    public final Map<String, String> options = new LinkedHashMap<>();
    public final List<String> positional = new ArrayList<>();
    /** Every value each valued option was given, in order (an option may be repeated). */
    private final Map<String, List<String>> every = new LinkedHashMap<>();

    /**
     * The options one command takes: {@code Cli.options()} lists every command's, so that the usage text, the docs
     * and the test that sweeps every flag with bad values see the same options the parser accepts.
     *
     * @param command the command as typed, e.g. {@code "ab run"}
     * @param valued  options that take a value
     * @param flags   options that take none
     */
    public record Options(String command, Set<String> valued, Set<String> flags) {
        public static Options of(String command, Set<String> valued, Set<String> flags) {
            return new Options(command, valued, flags);
        }
    }

    public static Args parse(List<String> args, Options options) {
        return parse(args, options.valued(), options.flags());
    }

    public static Args parse(List<String> args, Set<String> valued, Set<String> flags) {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.startsWith("--")) {
                String name = s.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    if (value != null) {
                        throw new UsageException("--" + name + " takes no value");
                    }
                    a.options.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("--" + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    a.options.put(name, value);
                    a.every.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    throw new UsageException("unknown option --" + name + " (costbench --help lists the options)");
                }
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    /** A usage error when a command that takes no arguments got one. */
    public void noPositional() {
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + positional.get(0) + "'");
        }
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public String get(String name) {
        return options.get(name);
    }

    /** Every value a repeatable option was given, in order ({@link #get} keeps only the last); empty when absent. */
    public List<String> all(String name) {
        return List.copyOf(every.getOrDefault(name, List.of()));
    }

    public long nonNegative(String name, long dflt) {
        String v = options.get(name);
        if (v == null) {
            return dflt;
        }
        long n = parseWhole(v, "--" + name + " must be a whole number, got '" + v + "'");
        if (n < 0) {
            throw new UsageException("--" + name + " must not be negative, got " + n);
        }
        return n;
    }

    /** A whole number within {@code min..max} ({@code dflt} when the option is absent). */
    public int wholeNumber(String name, int dflt, int min, int max) {
        String v = options.get(name);
        if (v == null) {
            return dflt;
        }
        long n =
                parseWhole(v, "--" + name + " must be a whole number from " + min + " to " + max + ", got '" + v + "'");
        if (n < min || n > max) {
            throw new UsageException("--" + name + " must be from " + min + " to " + max + ", got " + n);
        }
        return (int) n;
    }

    /** {@code v} as a whole number, with {@code _} and {@code ,} allowed as digit separators; else {@code refusal}. */
    private static long parseWhole(String v, String refusal) {
        try {
            return Long.parseLong(v.trim().replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(refusal);
        }
    }

    /** A number within {@code min..max}; null when the option is absent. */
    public Double number(String name, double min, double max) {
        String v = options.get(name);
        if (v == null) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new UsageException(
                    "--" + name + " must be a number from " + plain(min) + " to " + plain(max) + ", got '" + v + "'");
        }
        if (d < min || d > max) {
            throw new UsageException(
                    "--" + name + " must be from " + plain(min) + " to " + plain(max) + ", got " + v.trim());
        }
        return d;
    }

    /** An http(s) address such as {@code http://localhost:11434/v1}; null when the option is absent. */
    public String url(String name) {
        String v = options.get(name);
        if (v == null) {
            return null;
        }
        String s = v.trim();
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https"))
                    && u.getHost() != null
                    && !u.getHost().isEmpty()) {
                return s;
            }
        } catch (URISyntaxException e) {
            // below
        }
        throw new UsageException("--" + name + " must be an http:// or https:// address such as "
                + "http://localhost:11434/v1, got '" + v + "'");
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
