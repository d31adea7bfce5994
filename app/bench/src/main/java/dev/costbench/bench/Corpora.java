// SPDX-License-Identifier: Apache-2.0
package dev.costbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the four deterministic benchmark corpora (English prose, source code, CJK, mixed multilingual) into a
 * directory: {@code java dev.costbench.bench.Corpora DIR [MiB] [REPO_ROOT]}.
 */
public final class Corpora {

    static final String[] NAMES = {"english", "code", "cjk", "mixed"};

    private static final String HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
            + "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
            + "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此"
            + "变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边"
            + "流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热"
            + "领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目"
            + "至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持"
            + "音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族"
            + "维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";
    private static final String KANA =
            "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん" + "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンー";
    private static final String[] CJK_PUNCT = {"。", "，", "、", "！", "？", "：", "「", "」"};
    private static final String[] RUSSIAN = {
        "Привет, как у тебя дела сегодня?",
        "Стоимость запроса зависит от числа токенов.",
        "Мы проверяем скорость подсчёта токенов.",
        "Кэширование подсказок снижает расходы.",
        "Это предложение на русском языке."
    };
    private static final String[] ARABIC = {
        "مرحبا بالعالم، كيف حالك اليوم؟",
        "تعتمد تكلفة الطلب على عدد الرموز.",
        "نقيس سرعة عد الرموز في هذا الاختبار.",
        "التخزين المؤقت يقلل التكاليف كثيرا."
    };
    private static final String[] HINDI = {
        "नमस्ते दुनिया, आप कैसे हैं?",
        "अनुरोध की लागत टोकन की संख्या पर निर्भर करती है।",
        "हम टोकन गिनने की गति माप रहे हैं।"
    };
    private static final String[] EMOJI = {
        "👍🏽 great", "🚀🚀 launch", "👨‍👩‍👧‍👦 family", "🇯🇵🇩🇪 flags", "✨ sparkle ✨"
    };

    private Corpora() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/corpora");
        int mib = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path repo = Path.of(args.length > 2 ? args[2] : ".").toAbsolutePath().normalize();
        Files.createDirectories(dir);
        int size = mib << 20;
        String english = repeat(english(repo), size);
        String code = repeat(code(repo), size);
        String cjk = cjk(size);
        String mixed = mixed(english, cjk, size);
        write(dir, "english", english);
        write(dir, "code", code);
        write(dir, "cjk", cjk);
        write(dir, "mixed", mixed);
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name + ".txt");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        System.err.printf("%s: %,d chars, %,d bytes%n", p, text.length(), Files.size(p));
    }

    /** English prose from this repository: its Markdown documentation (README and docs/), in a fixed order. */
    static String english(Path repo) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(repo.resolve("docs"))) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
        }
        StringBuilder b = new StringBuilder(Files.readString(repo.resolve("README.md"), StandardCharsets.UTF_8));
        for (Path f : files) {
            b.append('\n').append(Files.readString(f, StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    static String code(Path repo) throws IOException {
        try (Stream<Path> s = Files.walk(repo.resolve("app"))) {
            List<Path> files = s.filter(
                            p -> p.toString().endsWith(".java") && !p.toString().contains("/target/"))
                    .sorted()
                    .collect(Collectors.toList());
            StringBuilder b = new StringBuilder();
            for (Path f : files) {
                b.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
            return b.toString();
        }
    }

    static String cjk(int size) {
        Random r = new Random(2026);
        StringBuilder b = new StringBuilder(size + 64);
        int sentences = 0;
        while (b.length() < size) {
            int n = 8 + r.nextInt(33);
            String pool = r.nextInt(4) == 0 ? KANA : HANZI;
            for (int i = 0; i < n; i++) {
                b.append(pool.charAt(r.nextInt(pool.length())));
                if (i > 0 && i % 9 == 0 && r.nextBoolean()) {
                    b.append(CJK_PUNCT[1 + r.nextInt(2)]);
                }
            }
            b.append(CJK_PUNCT[r.nextInt(5) == 0 ? 3 : 0]);
            if (++sentences % 4 == 0) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    static String mixed(String english, String cjk, int size) {
        Random r = new Random(7);
        List<String> en = sentences(english);
        List<String> zh = new ArrayList<>(
                List.of(cjk.substring(0, Math.min(200_000, cjk.length())).split("(?<=。)")));
        StringBuilder b = new StringBuilder(size + 256);
        while (b.length() < size) {
            switch (r.nextInt(6)) {
                case 0:
                    b.append(en.get(r.nextInt(en.size())));
                    break;
                case 1:
                    b.append(zh.get(r.nextInt(zh.size())));
                    break;
                case 2:
                    b.append(RUSSIAN[r.nextInt(RUSSIAN.length)]);
                    break;
                case 3:
                    b.append(ARABIC[r.nextInt(ARABIC.length)]);
                    break;
                case 4:
                    b.append(HINDI[r.nextInt(HINDI.length)]);
                    break;
                default:
                    b.append(EMOJI[r.nextInt(EMOJI.length)]);
            }
            b.append(r.nextInt(5) == 0 ? "\n" : " ");
        }
        return b.toString();
    }

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split("(?<=[.!?])\\s+")) {
            if (s.length() > 20 && s.length() < 400) {
                out.add(s.trim());
            }
            if (out.size() > 5000) {
                break;
            }
        }
        return out;
    }

    static String repeat(String unit, int size) {
        StringBuilder b = new StringBuilder(size + unit.length());
        while (b.length() < size) {
            b.append(unit);
        }
        return b.toString();
    }
}
