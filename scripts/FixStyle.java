// SPDX-License-Identifier: Apache-2.0
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replaces fully qualified type names written inline in code ({@code java.util.concurrent.TimeUnit.SECONDS}) by an
 * import and the simple name, where that is unambiguous. Comments, strings and text blocks are left alone; a name
 * that would clash (declared in the file or its package, imported from elsewhere, or in java.lang) stays qualified.
 * Run by scripts/fix-style before the formatter: {@code java scripts/FixStyle.java app installers}.
 */
public final class FixStyle {

    private static final Pattern FQN = Pattern.compile(
            "(?<![\\w.])((?:java|javax|javafx|dev\\.costbench|org|com|atlantafx|okhttp3|mockwebserver3)"
                    + "(?:\\.[a-z_][\\w]*)*)\\.([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?\\s*;");
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|record|enum)\\s+([A-Z]\\w*)");

    public static void main(String[] args) throws IOException {
        int changed = 0;
        for (String root : args.length == 0 ? new String[] {"app", "installers"} : args) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                files = s.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/")).toList();
            }
            for (Path f : files) {
                if (fix(f)) {
                    changed++;
                }
            }
        }
        System.out.println("FixStyle: " + changed + " file(s) changed");
    }

    static boolean fix(Path file) throws IOException {
        String src = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(src.split("\n", -1)));
        String pkg = "";
        Map<String, String> imported = new HashMap<>();
        int lastImport = -1;
        int packageLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("package ")) {
                pkg = l.substring(8, l.indexOf(';')).strip();
                packageLine = i;
            }
            Matcher m = IMPORT.matcher(l);
            if (m.find()) {
                lastImport = i;
                if (m.group(1) == null && m.group(3) == null) {
                    String fqn = m.group(2);
                    imported.put(fqn.substring(fqn.lastIndexOf('.') + 1), fqn);
                }
            }
        }
        Set<String> local = new HashSet<>();
        Matcher d = DECLARED.matcher(src);
        while (d.find()) {
            local.add(d.group(1));
        }
        // The package's classes: this folder, and the same package in the other source tree (main ↔ test).
        String dir = file.getParent().toString();
        for (String d2 : List.of(dir, dir.replace("/src/test/java/", "/src/main/java/"),
                dir.replace("/src/main/java/", "/src/test/java/"))) {
            Path folder = Path.of(d2);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> s = Files.list(folder)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                        .forEach(n -> local.add(n.substring(0, n.length() - 5)));
            }
        }
        Set<String> toImport = new TreeSet<>();
        boolean inBlockComment = false;
        boolean inTextBlock = false;
        boolean changed = false;
        for (int i = Math.max(lastImport, packageLine) + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            StringBuilder out = new StringBuilder();
            int j = 0;
            StringBuilder code = new StringBuilder();
            while (j < line.length()) {
                if (inTextBlock) {
                    int end = line.indexOf("\"\"\"", j);
                    if (end < 0) {
                        out.append(line.substring(j));
                        j = line.length();
                    } else {
                        out.append(line, j, end + 3);
                        j = end + 3;
                        inTextBlock = false;
                    }
                    continue;
                }
                if (inBlockComment) {
                    int end = line.indexOf("*/", j);
                    if (end < 0) {
                        out.append(line.substring(j));
                        j = line.length();
                    } else {
                        out.append(line, j, end + 2);
                        j = end + 2;
                        inBlockComment = false;
                    }
                    continue;
                }
                char c = line.charAt(j);
                if (line.startsWith("//", j)) {
                    out.append(shorten(code, pkg, imported, local, toImport)).append(line.substring(j));
                    code.setLength(0);
                    j = line.length();
                } else if (line.startsWith("/*", j)) {
                    out.append(shorten(code, pkg, imported, local, toImport));
                    code.setLength(0);
                    inBlockComment = true;
                } else if (line.startsWith("\"\"\"", j)) {
                    out.append(shorten(code, pkg, imported, local, toImport)).append("\"\"\"");
                    code.setLength(0);
                    j += 3;
                    inTextBlock = true;
                } else if (c == '"' || c == '\'') {
                    out.append(shorten(code, pkg, imported, local, toImport));
                    code.setLength(0);
                    int k = j + 1;
                    while (k < line.length() && line.charAt(k) != c) {
                        k += line.charAt(k) == '\\' ? 2 : 1;
                    }
                    k = Math.min(k + 1, line.length());
                    out.append(line, j, k);
                    j = k;
                } else {
                    code.append(c);
                    j++;
                }
            }
            out.append(shorten(code, pkg, imported, local, toImport));
            if (!out.toString().equals(line)) {
                lines.set(i, out.toString());
                changed = true;
            }
        }
        if (!changed) {
            return false;
        }
        int at = lastImport >= 0 ? lastImport + 1 : packageLine + 1;
        List<String> added = new ArrayList<>();
        if (lastImport < 0 && !toImport.isEmpty()) {
            added.add("");
        }
        for (String fqn : toImport) {
            added.add("import " + fqn + ";");
        }
        lines.addAll(at, added);
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        return true;
    }

    private static String shorten(CharSequence code, String pkg, Map<String, String> imported, Set<String> local,
            Set<String> toImport) {
        Matcher m = FQN.matcher(code);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String p = m.group(1);
            String name = m.group(2);
            String fqn = p + "." + name;
            String keep = m.group();
            boolean samePackage = p.equals(pkg);
            boolean javaLang = p.equals("java.lang");
            if (samePackage || javaLang) {
                keep = local.contains(name) && !samePackage || (javaLang && local.contains(name)) ? keep : name;
            } else if (fqn.equals(imported.get(name))) {
                keep = name;
            } else if (!imported.containsKey(name) && !local.contains(name) && !inJavaLang(name)) {
                imported.put(name, fqn);
                toImport.add(fqn);
                keep = name;
            }
            m.appendReplacement(b, Matcher.quoteReplacement(keep));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static boolean inJavaLang(String name) {
        try {
            Class.forName("java.lang." + name, false, FixStyle.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
