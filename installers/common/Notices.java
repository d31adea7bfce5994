// SPDX-License-Identifier: Apache-2.0
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.io.File;
import java.util.Collections;

/**
 * Writes THIRD-PARTY-NOTICES.txt for the jars an installer ships: for each library its Maven coordinates, name,
 * home page and licence (from its POM, or its parent's), then the NOTICE files the libraries carry, in full (the
 * Apache License asks for them). Run by installers/build.sh with the JDK's source launcher:
 * {@code java installers/common/Notices.java INPUT-DIR MAVEN-REPO OUT-FILE}. A library whose licence cannot be found
 * is listed as such and makes the run fail, so a new dependency without a known licence does not ship unnoticed.
 */
public final class Notices {

    private record Library(String group, String artifact, String version, List<String> jars) {
    }

    private record Pom(String name, String url, List<String> licenses) {
    }

    public static void main(String[] args) throws IOException {
        Path input = Path.of(args[0]);
        Path repo = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Map<String, Library> libraries = new TreeMap<>();
        Map<String, String> notices = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        String dataFiles = null;
        List<Path> jars;
        try (Stream<Path> s = Files.list(input)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            String file = jar.getFileName().toString();
            if (file.startsWith("costbench-")) {
                // CostBench itself: Apache-2.0, see LICENSE.txt; the data files it bundles say whose they are
                try (ZipFile z = new ZipFile(jar.toFile())) {
                    ZipEntry e = z.getEntry("dev/costbench/model/tokens/hf/THIRD-PARTY.txt");
                    if (e != null) {
                        try (InputStream in = z.getInputStream(e)) {
                            dataFiles = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                        }
                    }
                }
                continue;
            }
            String[] gav = coordinates(jar, repo);
            if (gav == null) {
                unknown.add(file + ": no Maven coordinates found");
                continue;
            }
            String key = gav[0] + ":" + gav[1] + ":" + gav[2];
            libraries.computeIfAbsent(key, k -> new Library(gav[0], gav[1], gav[2], new ArrayList<>())).jars().add(file);
            try (ZipFile z = new ZipFile(jar.toFile())) {
                for (ZipEntry e : Collections.list(z.entries())) {
                    String n = e.getName();
                    if (!e.isDirectory() && n.matches("(?i)(META-INF/)?NOTICE(\\.txt|\\.md)?")) {
                        try (InputStream in = z.getInputStream(e)) {
                            notices.putIfAbsent(key, new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
                        }
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("CostBench — third-party software\n\n");
        sb.append("CostBench is licensed under the Apache License 2.0 (LICENSE.txt). It bundles the libraries below,\n");
        sb.append("each under its own licence, and a Java runtime made with jlink from OpenJDK (GPL v2 with the\n");
        sb.append("Classpath Exception; its own notices are in the runtime's legal/ directory).\n\n");
        for (Library l : libraries.values()) {
            Pom pom = pom(repo, l.group(), l.artifact(), l.version(), 0);
            List<String> licenses = pom == null ? List.of() : pom.licenses();
            if (licenses.isEmpty()) {
                unknown.add(l.group() + ":" + l.artifact() + ":" + l.version() + ": no licence in its POM");
            }
            sb.append("- ").append(pom != null && pom.name() != null ? pom.name() : l.artifact())
                    .append(' ').append(l.version()).append(" (").append(l.group()).append(':').append(l.artifact())
                    .append(")\n");
            if (pom != null && pom.url() != null) {
                sb.append("  ").append(pom.url()).append('\n');
            }
            for (String lic : licenses) {
                sb.append("  Licence: ").append(lic).append('\n');
            }
            if (l.artifact().equals("ffmpeg") && l.group().equals("org.bytedeco")) {
                sb.append("  The FFmpeg libraries inside are Bytedeco's LGPL build (the artifact without -gpl: no\n")
                        .append("  libx264/libx265), LGPL v2.1 or later — https://ffmpeg.org/legal.html; with Cisco's\n")
                        .append("  OpenH264 (BSD 2-Clause). Their sources: https://github.com/bytedeco/javacpp-presets\n");
            }
            sb.append("  Files: ").append(String.join(", ", l.jars())).append("\n\n");
        }
        if (!notices.isEmpty()) {
            sb.append("\nNOTICE files of the bundled libraries\n=====================================\n");
            notices.forEach((k, v) -> sb.append("\n--- ").append(k).append(" ---\n").append(v).append('\n'));
        }
        if (dataFiles != null) {
            sb.append('\n').append(dataFiles).append('\n');
        }
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        System.out.println("  " + out.getFileName() + ": " + libraries.size() + " libraries, " + notices.size()
                + " NOTICE files");
        if (!unknown.isEmpty()) {
            unknown.forEach(u -> System.err.println("  no licence known: " + u));
            System.exit(1);
        }
    }

    /** group, artifact, version: from the jar's pom.properties, else by finding the jar's name in the repository. */
    private static String[] coordinates(Path jar, Path repo) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    try (InputStream in = z.getInputStream(e)) {
                        p.load(in);
                    }
                    String file = jar.getFileName().toString();
                    if (p.getProperty("artifactId") != null && file.startsWith(p.getProperty("artifactId") + "-")) {
                        return new String[] {p.getProperty("groupId"), p.getProperty("artifactId"),
                                p.getProperty("version")};
                    }
                }
            }
        }
        String file = jar.getFileName().toString();
        try (Stream<Path> s = Files.walk(repo)) {
            Path found = s.filter(p -> p.getFileName().toString().equals(file)).findFirst().orElse(null);
            if (found == null) {
                return null;
            }
            Path versionDir = found.getParent();
            Path artifactDir = versionDir.getParent();
            Path groupDir = repo.relativize(artifactDir.getParent());
            return new String[] {groupDir.toString().replace(File.separatorChar, '.'),
                    artifactDir.getFileName().toString(), versionDir.getFileName().toString()};
        }
    }

    private static final Pattern LICENSE = Pattern.compile("<license>(.*?)</license>", Pattern.DOTALL);
    private static final Pattern PARENT = Pattern.compile("<parent>(.*?)</parent>", Pattern.DOTALL);

    private static Pom pom(Path repo, String group, String artifact, String version, int depth) throws IOException {
        Path p = repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".pom");
        if (!Files.isRegularFile(p) || depth > 4) {
            return null;
        }
        String xml = Files.readString(p, StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
        String parentBlock = first(PARENT, xml);
        String body = parentBlock == null ? xml : xml.replace(parentBlock, "");
        String withoutDeps = body.replaceAll("(?s)<dependencies>.*?</dependencies>", "")
                .replaceAll("(?s)<build>.*?</build>", "").replaceAll("(?s)<profiles>.*?</profiles>", "");
        List<String> licenses = new ArrayList<>();
        Matcher m = LICENSE.matcher(withoutDeps);
        while (m.find()) {
            String name = tag(m.group(1), "name");
            String url = tag(m.group(1), "url");
            licenses.add((name == null ? "" : name) + (url == null ? "" : (name == null ? "" : " — ") + url));
        }
        String name = tag(withoutDeps.replaceAll("(?s)<licenses>.*?</licenses>", "")
                .replaceAll("(?s)<(organization|developers|scm|issueManagement|distributionManagement)>.*?</\\1>", ""),
                "name");
        String url = tag(withoutDeps.replaceAll("(?s)<licenses>.*?</licenses>", "")
                .replaceAll("(?s)<(organization|developers|scm|issueManagement|distributionManagement|repositories|"
                        + "pluginRepositories)>.*?</\\1>", ""), "url");
        if (licenses.isEmpty() && parentBlock != null) {
            Pom parent = pom(repo, tag(parentBlock, "groupId"), tag(parentBlock, "artifactId"),
                    tag(parentBlock, "version"), depth + 1);
            if (parent != null) {
                licenses = parent.licenses();
                url = url == null ? parent.url() : url;
            }
        }
        if (url != null && url.contains("${")) {
            url = null;
        }
        if (name != null && name.contains("${")) {
            name = null;
        }
        return new Pom(name, url, licenses);
    }

    private static String first(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(0) : null;
    }

    private static String tag(String xml, String tag) {
        Matcher m = Pattern.compile("<" + tag + ">\\s*(.*?)\\s*</" + tag + ">", Pattern.DOTALL).matcher(xml);
        return m.find() ? m.group(1).replaceAll("\\s+", " ") : null;
    }
}
