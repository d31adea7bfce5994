// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.prompt.Role;
import dev.costbench.model.tokens.Encoding;
import dev.costbench.model.tokens.TokenPiece;
import dev.costbench.model.tokens.Tokenizers;
import dev.costbench.ui.prompt.PromptFeature;
import dev.costbench.ui.prompt.PromptFixtures;
import dev.costbench.ui.prompt.PromptView;
import dev.costbench.ui.prompt.PromptViewModel;
import dev.costbench.ui.prompt.TokensViewModel;
import java.io.File;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Tokens tab: typed text shows as coloured pieces, one per token, with the id on hover; the token tax table. */
@FxTest
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TokensPaneTest {

    private static final Catalog CATALOG = PromptFixtures.CATALOG;
    private PromptFeature feature;
    private PromptViewModel vm;
    private TokensViewModel tokens;
    private PromptView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        feature = PromptFixtures.onFxThread(PromptFixtures.noKeys());
        vm = feature.prompt();
        tokens = feature.tokens();
        view = new PromptView(feature);
        Scene scene = new Scene(view, 1500, 950);
        scene.getStylesheets().add(CostBenchApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        feature.close();
    }

    private static void waitFor(String what, Supplier<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.get();
            });
        } catch (TimeoutException e) {
            // fall through to the assertion, which names what did not happen
        }
        assertTrue(condition.get(), what);
    }

    private Set<Node> pieces(FxRobot robot) {
        return robot.lookup(".token-piece").queryAll();
    }

    private static int tokensIn(Set<Node> pieces) {
        return pieces.stream()
                .map(Node::getUserData)
                .filter(TokenPiece.class::isInstance)
                .mapToInt(d -> ((TokenPiece) d).tokenCount())
                .sum();
    }

    private long tokenViewAfter(FxRobot robot, Object before) throws Exception {
        waitFor("the token view updated", () -> tokens.piecesProperty().get() != before);
        WaitForAsyncUtils.waitForFxEvents();
        return shownTokens();
    }

    private long shownTokens() {
        var r = tokens.piecesProperty().get();
        return r == null ? -1 : r.tokens();
    }

    private static TableView<?> taxTable(FxRobot robot) {
        return robot.lookup("#token-tax-table").queryAs(TableView.class);
    }

    @Test
    void typedTextShowsOneColouredPiecePerTokenWithTheIdOnHover(FxRobot robot) throws Exception {
        robot.interact(() -> view.showTokens());
        String text = "Hello world, a token test.";
        robot.clickOn("#user-prompt").write(text);
        int expected = Tokenizers.count(Encoding.O200K_BASE, text);
        waitFor("all typed text tokenized", () -> shownTokens() == expected);
        waitFor("pieces shown", () -> tokensIn(pieces(robot)) == expected);
        Set<Node> shown = pieces(robot);
        assertEquals(expected, shown.size(), "one coloured piece per token (ASCII text splits no character)");
        assertEquals(
                5,
                shown.stream()
                        .flatMap(n -> n.getStyleClass().stream())
                        .filter(c -> c.startsWith("token-c"))
                        .distinct()
                        .count(),
                "five alternating colours");
        int[] ids = Tokenizers.encode(Encoding.O200K_BASE, text);
        Label second = (Label) shown.stream()
                .filter(n -> ((TokenPiece) n.getUserData()).firstToken() == 1)
                .findFirst()
                .orElseThrow();
        assertEquals("·world", second.getText(), "spaces are shown as ·");
        robot.moveTo(second);
        waitFor("tooltip shows", () -> second.getTooltip().isShowing());
        assertTrue(
                second.getTooltip().getText().startsWith("token " + ids[1] + "\n"),
                second.getTooltip().getText());
        assertTrue(second.getTooltip().getText().contains("chars 5–11 (6) · bytes 5–11 (6)"));
        Label summary = robot.lookup("#tokens-summary").queryAs(Label.class);
        assertTrue(summary.getText().contains(expected + " tokens"), summary.getText());

        // cl100k_base cuts the same text its own way
        Object g = tokens.piecesProperty().get();
        robot.interact(() -> robot.lookup("#tokens-encoding").queryComboBox().setValue(Encoding.CL100K_BASE));
        assertEquals(Tokenizers.count(Encoding.CL100K_BASE, text), tokenViewAfter(robot, g));

        robot.clickOn("#tokens-show-ids");
        waitFor(
                "ids under the pieces",
                () -> robot.lookup(".token-id").queryAll().size() == Tokenizers.count(Encoding.CL100K_BASE, text));
    }

    @Test
    void everyMessageIsShownAndASplitCharacterIsOnePieceWithBothIds(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.showTokens();
            vm.systemTextProperty().set("Answer in Japanese.\n日本語で答えてください。");
            vm.addTurn(Role.USER, "龘");
            vm.userTextProperty().set("def f(x):\n    return x * 2\n");
        });
        long total = Tokenizers.count(Encoding.O200K_BASE, "Answer in Japanese.\n日本語で答えてください。")
                + Tokenizers.count(Encoding.O200K_BASE, "龘")
                + Tokenizers.count(Encoding.O200K_BASE, "def f(x):\n    return x * 2\n");
        waitFor("three messages tokenized", () -> shownTokens() == total);
        waitFor("pieces shown", () -> tokensIn(pieces(robot)) == total);
        List<String> headers = robot.lookup(".token-header").queryAll().stream()
                .map(n -> ((Label) n).getText())
                .toList();
        assertEquals(3, headers.size(), headers.toString());
        assertTrue(headers.get(1).startsWith("Example turn 1 · user"), headers.toString());
        robot.interact(() -> robot.lookup("#tokens-encoding").queryComboBox().setValue(Encoding.CL100K_BASE));
        Supplier<Label> rare = () -> robot.lookup(".token-split").queryAll().stream()
                .map(Label.class::cast)
                .filter(l -> l.getText().equals("龘"))
                .findFirst()
                .orElse(null);
        waitFor("cl100k split the rare character", () -> rare.get() != null);
        Label split = rare.get();
        TokenPiece p = (TokenPiece) split.getUserData();
        assertTrue(p.tokenCount() > 1);
        robot.moveTo(split);
        waitFor("tooltip shows", () -> split.getTooltip().isShowing());
        assertTrue(
                split.getTooltip().getText().contains("split a character"),
                split.getTooltip().getText());
        screenshot(robot, "tokens-mixed");
    }

    @Test
    void tokenTaxShowsATableAndAChartForEveryTokenizer(FxRobot robot) throws Exception {
        robot.interact(() -> {
            view.showTokens();
            vm.userTextProperty().set("Summarize:\n```python\nprint('hi')\n```\n日本語のテキスト。 And English prose.");
        });
        robot.clickOn("#tokens-mode-tax");
        waitFor(
                "tax computed",
                () -> tokens.taxProperty().get() != null
                        && !taxTable(robot).getItems().isEmpty());
        var table = taxTable(robot);
        assertEquals(
                8,
                table.getItems().size(),
                "o200k, cl100k, Claude, Claude 2026, Gemini, Qwen3, DeepSeek-V3 (built in, exact), open");
        List<String> columns = table.getColumns().stream().map(c -> c.getText()).toList();
        assertTrue(columns.contains("Tax"), columns.toString());
        assertTrue(columns.stream().anyMatch(c -> c.startsWith("Code (")), columns.toString());
        assertTrue(columns.stream().anyMatch(c -> c.startsWith("CJK (")), columns.toString());
        assertEquals(
                "≈ estimate · * ratio UNCONFIRMED",
                robot.lookup("#token-tax").lookup(".label").queryAll().stream()
                        .map(n -> ((Label) n).getText())
                        .filter(s -> s.startsWith("≈ estimate"))
                        .findFirst()
                        .orElse("")
                        .substring(0, 32));
        assertEquals(
                3,
                robot.lookup("#token-tax-chart")
                        .queryAs(StackedBarChart.class)
                        .getData()
                        .size(),
                "prose, code and CJK series");
        // "Count exactly" asks the providers; this window has no keys, so it says so instead of a number
        robot.clickOn("#token-tax-count-exactly");
        waitFor(
                "counting answered",
                () -> !robot.lookup("#token-tax-error")
                        .queryAs(Label.class)
                        .getText()
                        .isEmpty());
        assertEquals("no key", tokens.exactCounts().counts().get("claude")); // the rest: TokensViewModelTest
        screenshot(robot, "tokens-tax");
    }

    @Test
    void twoMegabytesStayResponsiveAndOnlyTheRowsInViewAreBuilt(FxRobot robot) throws Exception {
        String big = LargePromptTest.twoMegabytes();
        robot.interact(() -> {
            view.showTokens();
            vm.userTextProperty().set(big);
        });
        LargePromptTest.assertFxThreadKeepsTurning(); // while the worker tokenizes 2 MB
        long expected = Tokenizers.count(Encoding.O200K_BASE, big);
        waitFor("2 MB tokenized", () -> shownTokens() == expected);
        int built = pieces(robot).size();
        assertTrue(built > 0 && built < 5_000, "only the rows in view are built, not " + built + " pieces");
        @SuppressWarnings("unchecked")
        ListView<Object> list = robot.lookup("#tokens-list").queryAs(ListView.class);
        robot.interact(() -> list.scrollTo(list.getItems().size() - 1));
        waitFor(
                "the end of the prompt shows",
                () -> pieces(robot).stream()
                        .map(Node::getUserData)
                        .filter(TokenPiece.class::isInstance)
                        .anyMatch(d -> ((TokenPiece) d).charEnd() == big.length()));

        robot.clickOn("#tokens-mode-tax");
        waitFor("tax of 2 MB computed", () -> tokens.taxProperty().get() != null);
        // The table is filled from the result on the FX thread a moment later (under load the first check came
        // too early and saw 0 rows).
        waitFor("the tax table filled", () -> taxTable(robot).getItems().size() == 8);
        assertEquals(8, taxTable(robot).getItems().size());
    }

    @Test
    void screenshotsOfProseCodeAndCjk(FxRobot robot) throws Exception {
        if (System.getProperty("costbench.screenshot.dir") == null) {
            return;
        }
        robot.interact(() -> view.showTokens());
        String[][] samples = {
            {
                "tokens-prose",
                "You are a friendly support agent for Acme Corp. Answer the customer's question in two "
                        + "or three sentences, politely and precisely. If you do not know the answer, say so and offer to "
                        + "escalate the ticket to a human colleague.\n\nNever invent order numbers, prices or dates."
            },
            {
                "tokens-code",
                "```python\ndef total(items):\n    \"\"\"Sum the prices of the items.\"\"\"\n    return "
                        + "sum(item.price * item.qty for item in items)\n\nprint(total(cart))\n```\n"
                        + "{\"name\": \"get_order\", \"parameters\": {\"order_id\": {\"type\": \"string\"}}}"
            },
            {"tokens-cjk", "顧客の質問に丁寧に答えてください。注文番号や価格を作り出さないでください。\n" + "请用中文回答客户的问题，并保持简洁。\n한국어로 답변해 주세요. 🙂👍🏽"}
        };
        for (String[] s : samples) {
            Object g = tokens.piecesProperty().get();
            robot.interact(() -> vm.userTextProperty().set(s[1]));
            tokenViewAfter(robot, g);
            screenshot(robot, s[0]);
        }
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("costbench.screenshot.dir");
        if (dir == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        var img = robot.capture(stage.getScene().getRoot()).getImage();
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File(dir, name + ".png"));
    }
}
