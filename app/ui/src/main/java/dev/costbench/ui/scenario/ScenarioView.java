// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.catalog.Catalog;
import dev.costbench.model.catalog.ModelEntry;
import dev.costbench.model.cost.Money;
import dev.costbench.model.lab.LabStore;
import dev.costbench.model.lab.SavedScenario;
import dev.costbench.model.scenario.FieldError;
import dev.costbench.model.scenario.Lever;
import dev.costbench.model.scenario.LeverAdvice;
import dev.costbench.model.scenario.LeverEntry;
import dev.costbench.model.scenario.RequestType;
import dev.costbench.model.scenario.Scenario;
import dev.costbench.model.scenario.ScenarioEngine;
import dev.costbench.model.scenario.ScenarioFiles;
import dev.costbench.model.scenario.ScenarioReport;
import dev.costbench.model.scenario.TextTokens;
import dev.costbench.model.scenario.Tornado;
import dev.costbench.model.scenario.Volume;
import dev.costbench.model.scenario.Waterfall;
import dev.costbench.model.scenario.Workload;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The what-if planner: a workload of request types, the stack of cost levers as toggles with sliders, and the
 * waterfall from the naive bill to the optimized one, recomputed on every change. Levers on different parts of
 * the bill multiply, levers on the same part overlap — the model ({@link ScenarioEngine}) never multiplies headline
 * percentages.
 */
public final class ScenarioView extends BorderPane {

    private final Supplier<Catalog> catalog;
    private final Supplier<LabStore> store;
    private Scenario scenario;
    private Waterfall waterfall;
    private long generation;

    private final ComboBox<String> picker = new ComboBox<>();
    private final ComboBox<String> compare = new ComboBox<>();
    private final Charts.WaterfallChart chart = new Charts.WaterfallChart();
    private final Charts.WaterfallChart compareChart = new Charts.WaterfallChart();
    private final Charts.TornadoChart tornado = new Charts.TornadoChart();
    private final Label totals = new Label();
    private final Label compareTotals = new Label();
    private final Label status = new Label();
    private final VBox leversBox = new VBox(4);
    private final ListView<RequestType> types = new ListView<>();
    private final GridPane form = new GridPane();
    private final VBox errors = new VBox(2);
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final Label media = new Label();
    private final ComboBox<String> modelBox = new ComboBox<>();
    private final ComboBox<Volume.Period> perBox = new ComboBox<>(FXCollections.observableArrayList(
            Volume.Period.values()));
    private final VBox compareBox;
    private boolean loading;

    public ScenarioView(Supplier<Catalog> catalog, Supplier<LabStore> store) {
        this.catalog = catalog;
        this.store = store;
        setId("scenario-view");
        picker.setId("scenario-picker");
        picker.setPrefWidth(280);
        picker.setOnAction(e -> {
            String n = picker.getValue();
            if (n != null && !loading) {
                load(n);
            }
        });
        compare.setId("scenario-compare");
        compare.setPromptText("Compare with…");
        compare.setPrefWidth(240);
        compare.setOnAction(e -> updateCompare());
        Button start = new Button("New from questions…");
        start.setTooltip(new Tooltip("Seed 003's four questions pre-select the levers that apply to a workload"));
        start.setOnAction(e -> newFromQuestions());
        Button save = new Button("Save");
        save.setId("scenario-save");
        save.setOnAction(e -> save(scenario.name()));
        Button dup = new Button("Duplicate");
        dup.setOnAction(e -> ask("Duplicate as", scenario.name() + " (copy)").ifPresent(this::saveAs));
        Button rename = new Button("Rename…");
        rename.setOnAction(e -> ask("Rename to", scenario.name()).ifPresent(this::renameTo));
        Button export = new Button("Export report…");
        export.setId("scenario-export");
        export.setTooltip(new Tooltip("HTML with the waterfall chart, CSV or JSON"));
        export.setOnAction(e -> exportReport());
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Scenario"), picker, start, save, dup, rename, export, sp, compare);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 8, 10));
        setTop(bar);

        // left: workload and levers
        types.setId("request-types");
        types.setPrefHeight(76);
        types.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RequestType t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name() + " · " + t.model());
            }
        });
        types.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> fillForm());
        Button addType = new Button("+ Request type");
        addType.setOnAction(e -> addRequestType(RequestType.text("type-" + (scenario.workload().requestTypes().size()
                + 1), Volume.monthly(100_000), "gpt-5-mini", TextTokens.of(500, 300, 300))));
        Button removeType = new Button("Remove");
        removeType.setOnAction(e -> removeRequestType());
        buildForm();
        errors.setId("scenario-errors");
        Label wl = section("Workload");
        Label ll = section("Levers (applied top to bottom)");
        javafx.scene.control.MenuButton addLever = new javafx.scene.control.MenuButton("+ Lever");
        addLever.setId("add-lever");
        for (String kind : LEVER_KINDS) {
            javafx.scene.control.MenuItem mi = new javafx.scene.control.MenuItem(kind);
            mi.setOnAction(e -> addLever(kind));
            addLever.getItems().add(mi);
        }
        Button removeLever = new Button("Remove last");
        removeLever.setOnAction(e -> {
            if (!scenario.levers().isEmpty()) {
                scenario = scenario.withLevers(scenario.levers().subList(0, scenario.levers().size() - 1));
                buildLevers();
                recompute();
            }
        });
        HBox leverBar = new HBox(8, ll, addLever, removeLever);
        leverBar.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(6, new HBox(8, wl, addType, removeType), types, form, errors, leverBar, leversBox);
        left.setPadding(new Insets(6, 10, 10, 10));
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);

        // right: totals, waterfall (+ comparison), tornado
        totals.setId("scenario-totals");
        totals.setWrapText(true);
        totals.setStyle("-fx-font-size: 13px;");
        totals.setMinHeight(Region.USE_PREF_SIZE);
        compareTotals.setMinHeight(Region.USE_PREF_SIZE);
        chart.setId("waterfall");
        compareChart.setId("compare-waterfall");
        compareTotals.setWrapText(true);
        compareBox = new VBox(4, compareTotals, compareChart);
        VBox.setVgrow(compareChart, Priority.ALWAYS);
        VBox mainBox = new VBox(4, totals, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        SplitPane charts = new SplitPane(mainBox);
        compareBox.setVisible(false);
        this.chartsSplit = charts;
        tornado.setId("tornado");
        tornado.setMinHeight(150);
        SplitPane right = new SplitPane(charts, tornado);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.64);
        status.setId("scenario-status");
        status.setWrapText(true);
        VBox rightBox = new VBox(6, right, status);
        VBox.setVgrow(right, Priority.ALWAYS);
        rightBox.setPadding(new Insets(6, 10, 10, 0));
        SplitPane split = new SplitPane(leftScroll, rightBox);
        split.setDividerPositions(0.40);
        setCenter(split);

        refreshPicker();
        loading = true;
        picker.getSelectionModel().select("seed003-video-moderation");
        loading = false;
        load("seed003-video-moderation");
    }

    private final SplitPane chartsSplit;

    private static Label section(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-title");
        return l;
    }

    // ---- scenarios: load, save, export ------------------------------------------------------------------------

    private void refreshPicker() {
        List<String> names = new ArrayList<>(ScenarioFiles.SAMPLES);
        LabStore s = store.get();
        if (s != null) {
            for (SavedScenario x : s.listScenarios()) {
                names.add(0, x.name());
            }
        }
        String keep = picker.getValue();
        loading = true;
        picker.setItems(FXCollections.observableArrayList(names));
        compare.setItems(FXCollections.observableArrayList(names));
        if (keep != null) {
            picker.setValue(keep);
        }
        loading = false;
    }

    /** Loads a saved scenario or a built-in sample by name. */
    public void load(String name) {
        Scenario s = find(name);
        if (s != null) {
            setScenario(s);
            loading = true;
            picker.setValue(name);
            loading = false;
        }
    }

    private Scenario find(String name) {
        LabStore st = store.get();
        try {
            if (st != null) {
                var saved = st.findScenario(name);
                if (saved.isPresent()) {
                    return ScenarioFiles.fromJson(saved.get().json(), name);
                }
            }
            if (ScenarioFiles.SAMPLES.contains(name)) {
                return ScenarioFiles.sample(name);
            }
        } catch (Exception e) {
            status.setText("Cannot open " + name + ": " + e.getMessage());
        }
        return null;
    }

    public void setScenario(Scenario s) {
        scenario = s;
        types.getItems().setAll(s.workload().requestTypes());
        if (!types.getItems().isEmpty()) {
            types.getSelectionModel().select(0);
        }
        buildLevers();
        recompute();
    }

    private void save(String name) {
        Scenario s = withName(scenario, name);
        String json = ScenarioFiles.toJson(s);
        LabStore st = store.get();
        try {
            if (st != null) {
                st.saveScenario(name, json);
                status.setText("Saved “" + name + "” in the local store.");
            } else {
                Path dir = dev.costbench.model.app.AppDirs.dataDir().resolve("scenarios");
                Files.createDirectories(dir);
                Path f = dir.resolve(name.replaceAll("[^A-Za-z0-9._ -]", "_") + ".json");
                Files.writeString(f, json, StandardCharsets.UTF_8);
                status.setText("The store is not open; saved as " + f);
            }
            scenario = s;
            refreshPicker();
            loading = true;
            picker.setValue(name);
            loading = false;
        } catch (Exception e) {
            status.setText("Not saved: " + e.getMessage());
        }
    }

    private void saveAs(String name) {
        save(name);
    }

    private void renameTo(String name) {
        LabStore st = store.get();
        String old = scenario.name();
        if (st != null && st.findScenario(old).isPresent()) {
            st.renameScenario(old, name);
            scenario = withName(scenario, name);
            refreshPicker();
            loading = true;
            picker.setValue(name);
            loading = false;
            status.setText("Renamed to “" + name + "”.");
        } else {
            save(name); // a sample is never renamed: it is saved under the new name
        }
    }

    private static Scenario withName(Scenario s, String name) {
        return new Scenario(name, s.description(), s.assumptions(), s.workload(), s.customModels(), s.levers());
    }

    private java.util.Optional<String> ask(String what, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.setHeaderText(what);
        d.initOwner(getScene() == null ? null : getScene().getWindow());
        return d.showAndWait().map(String::trim).filter(x -> !x.isEmpty());
    }

    private void exportReport() {
        if (waterfall == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export the scenario report");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("HTML report with the chart", "*.html"),
                new FileChooser.ExtensionFilter("CSV", "*.csv"), new FileChooser.ExtensionFilter("JSON", "*.json"));
        fc.setInitialFileName(scenario.name().replaceAll("[^A-Za-z0-9._-]", "-") + ".html");
        java.io.File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            exportTo(f.toPath());
        }
    }

    /** Writes the report in the format the file name's extension says (html, csv, json; else text). */
    public void exportTo(Path f) {
        String ext = f.getFileName().toString().replaceFirst(".*\\.", "").toLowerCase(Locale.ROOT);
        ScenarioReport.Format fmt = ScenarioReport.Format.parse(ext.equals("htm") ? "html"
                : List.of("html", "csv", "json").contains(ext) ? ext : "text");
        try {
            Files.writeString(f, ScenarioReport.render(fmt, scenario, waterfall), StandardCharsets.UTF_8);
            status.setText("Exported " + f);
        } catch (Exception e) {
            status.setText("Export failed: " + e.getMessage());
        }
    }

    // ---- the start: seed 003's four questions ------------------------------------------------------------------

    private void newFromQuestions() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("New scenario");
        d.setHeaderText("Four questions pick the levers that apply (seed 003, “Which levers for which workload”)");
        CheckBox realTime = new CheckBox("Must it answer in real time?");
        CheckBox repeats = new CheckBox("Does the input repeat (same prompts, same documents, same questions)?");
        CheckBox steady = new CheckBox("Is the load steady around the clock?");
        CheckBox spiky = new CheckBox("Is it spiky and unpredictable?");
        realTime.setSelected(true);
        TextField volume = new TextField("1000000");
        ComboBox<String> model = new ComboBox<>(FXCollections.observableArrayList(modelIds()));
        model.setValue("gpt-5");
        model.setEditable(true);
        TextField in = new TextField("2000");
        TextField out = new TextField("400");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Requests per month"), volume);
        g.addRow(1, new Label("Model"), model);
        g.addRow(2, new Label("Prompt tokens (system part is half)"), in);
        g.addRow(3, new Label("Output tokens"), out);
        d.getDialogPane().setContent(new VBox(8, realTime, repeats, steady, spiky, g));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (d.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        try {
            long v = Long.parseLong(volume.getText().trim().replace(",", "").replace("_", ""));
            long i = Long.parseLong(in.getText().trim());
            long o = Long.parseLong(out.getText().trim());
            setScenario(fromAnswers(realTime.isSelected(), repeats.isSelected(), steady.isSelected(),
                    spiky.isSelected(), v, model.getValue(), i, o));
        } catch (NumberFormatException e) {
            status.setText("Volume and token counts must be whole numbers.");
        }
    }

    /** A new text workload with the levers seed 003's answers call for, at moderate starting values. */
    public Scenario fromAnswers(boolean realTime, boolean repeats, boolean steady, boolean spiky, long perMonth,
                                String model, long promptTokens, long outputTokens) {
        RequestType t = RequestType.text("requests", Volume.monthly(perMonth), model,
                new TextTokens(promptTokens / 2, 0, promptTokens - promptTokens / 2, outputTokens, 0));
        String cheap = cheaperSibling(model);
        List<LeverEntry> levers = new ArrayList<>();
        Map<String, Boolean> on = new LinkedHashMap<>();
        for (LeverAdvice.Advice a : LeverAdvice.advise(realTime, repeats, steady, spiky)) {
            on.merge(a.type(), a.suggested(), (x, y) -> x && y);
        }
        Function<String, Boolean> pick = k -> on.getOrDefault(k, false);
        levers.add(new LeverEntry("trim", "Trim the prompt 20 %", pick.apply("promptTrimming"), List.of(), null,
                new Lever.PromptTrimming(Lever.PromptTrimming.Part.ALL, new BigDecimal("0.20"), null)));
        levers.add(new LeverEntry("cap", "Cap the output", pick.apply("outputCap"), List.of(), null,
                new Lever.OutputCap(Math.max(16, outputTokens * 3 / 4))));
        if (cheap != null) {
            levers.add(new LeverEntry("route", "Route 70 % to " + cheap, pick.apply("routing"), List.of(), null,
                    new Lever.Routing(List.of(new Lever.Routing.Route(cheap, new BigDecimal("0.70")),
                            new Lever.Routing.Route(model, new BigDecimal("0.30"))))));
        }
        levers.add(new LeverEntry("cache", "Prompt caching, 60 % hits", pick.apply("promptCaching"), List.of(), null,
                new Lever.PromptCaching(new BigDecimal("0.60"), Lever.PromptCaching.Ttl.FIVE_MINUTES)));
        levers.add(new LeverEntry("respcache", "Response cache, 15 % hits", pick.apply("responseCache"), List.of(),
                null, new Lever.ResponseCache(Lever.ResponseCache.Match.EXACT, new BigDecimal("0.15"))));
        levers.add(new LeverEntry("gate", "Event gating: 40 % pass", pick.apply("eventGating"), List.of(), null,
                new Lever.EventGating(new BigDecimal("0.40"))));
        levers.add(new LeverEntry("batch", "Batch the work that can wait", pick.apply("batch"), List.of(), null,
                new Lever.Batch(new BigDecimal("0.80"))));
        return new Scenario("New scenario", "Built from seed 003's four questions", List.of(
                "real time: " + realTime, "input repeats: " + repeats, "steady load: " + steady, "spiky: " + spiky),
                new Workload(List.of(t), null, 30), List.of(), levers);
    }

    private String cheaperSibling(String id) {
        Catalog c = catalog.get();
        ModelEntry m = c.find(id).orElse(null);
        if (m == null) {
            return null;
        }
        return c.models().stream().filter(x -> x.provider().equals(m.provider()) && !x.id().equals(id))
                .filter(x -> x.tier().ordinal() > m.tier().ordinal())
                .filter(x -> x.prices().get(dev.costbench.model.catalog.PriceKind.INPUT) != null)
                .min(java.util.Comparator.comparing(x -> x.prices().get(dev.costbench.model.catalog.PriceKind.INPUT)
                        .perMTok())).map(ModelEntry::id).orElse(null);
    }

    private List<String> modelIds() {
        return catalog.get().models().stream().map(ModelEntry::id).sorted().toList();
    }

    // ---- workload form ----------------------------------------------------------------------------------------

    private void buildForm() {
        form.setHgap(8);
        form.setVgap(4);
        form.setId("request-form");
        modelBox.setEditable(true);
        modelBox.setPrefWidth(220);
        modelBox.setId("field-model");
        String[][] defs = {{"name", "Name"}, {"volume", "Requests"}, {"growth", "Growth per month %"},
            {"system", "System tokens"}, {"fewShot", "Few-shot tokens"}, {"user", "User tokens"},
            {"output", "Output tokens"}, {"reasoning", "Reasoning tokens"}, {"batchable", "Can wait (batchable) %"},
            {"repeat", "Repeat rate %"}, {"images", "Images per request"}, {"imageSize", "Image size (W×H)"},
            {"videoHours", "Video hours per request"}, {"videoFps", "Video frames per second sent"},
            {"audioSeconds", "Audio seconds per request"}};
        int row = 0;
        for (String[] d : defs) {
            TextField f = new TextField();
            f.setId("field-" + d[0]);
            f.setPrefColumnCount(10);
            fields.put(d[0], f);
            f.textProperty().addListener(o -> {
                if (!loading) {
                    applyForm();
                }
            });
            if (d[0].equals("volume")) {
                perBox.setOnAction(e -> {
                    if (!loading) {
                        applyForm();
                    }
                });
                form.addRow(row++, new Label(d[1]), new HBox(6, f, new Label("per"), perBox));
            } else {
                form.addRow(row++, new Label(d[1]), f);
            }
            if (d[0].equals("name")) {
                form.addRow(row++, new Label("Model"), modelBox);
            }
        }
        modelBox.valueProperty().addListener(o -> {
            if (!loading) {
                applyForm();
            }
        });
        media.setId("field-media");
        media.setWrapText(true);
        media.setTooltip(new Tooltip("Media per request, from the scenario file (edit it there, or bring a measured "
                + "file from the Media view)"));
        form.addRow(row, new Label("Media per request"), media);
    }

    private static String describeMedia(RequestType t) {
        List<String> m = new ArrayList<>();
        for (var i : t.images()) {
            m.add(i.count().stripTrailingZeros().toPlainString() + " image(s) " + i.width() + "×" + i.height());
        }
        if (t.audio() != null) {
            m.add("audio " + t.audio().seconds().stripTrailingZeros().toPlainString() + " s");
        }
        if (t.video() != null) {
            m.add("video " + t.video().hours().stripTrailingZeros().toPlainString() + " h at "
                    + (t.video().fps() == null ? "1" : t.video().fps().stripTrailingZeros().toPlainString()) + " fps"
                    + (t.video().width() > 0 ? ", " + t.video().width() + "×" + t.video().height() : "")
                    + (t.video().audio() ? ", with audio" : ""));
        }
        return m.isEmpty() ? "none (text only)" : String.join("; ", m);
    }

    private void fillForm() {
        int i = types.getSelectionModel().getSelectedIndex();
        if (i < 0 || scenario == null || i >= scenario.workload().requestTypes().size()) {
            return;
        }
        RequestType t = scenario.workload().requestTypes().get(i);
        loading = true;
        modelBox.setItems(FXCollections.observableArrayList(modelIds()));
        fields.get("name").setText(t.name());
        modelBox.setValue(t.model());
        fields.get("volume").setText(t.volume().amount().toPlainString());
        perBox.setValue(t.volume().per());
        fields.get("growth").setText(pct(t.volume().monthlyGrowth()));
        fields.get("system").setText(Long.toString(t.text().system()));
        fields.get("fewShot").setText(Long.toString(t.text().fewShot()));
        fields.get("user").setText(Long.toString(t.text().user()));
        fields.get("output").setText(Long.toString(t.text().output()));
        fields.get("reasoning").setText(Long.toString(t.text().reasoning()));
        fields.get("batchable").setText(pct(t.batchableShare()));
        fields.get("repeat").setText(t.repeatRate() == null ? "" : pct(t.repeatRate()));
        var img = t.images().isEmpty() ? null : t.images().get(0);
        fields.get("images").setText(img == null ? "0" : img.count().stripTrailingZeros().toPlainString());
        fields.get("imageSize").setText(img == null ? "1024×1024" : img.width() + "×" + img.height());
        fields.get("videoHours").setText(t.video() == null ? "0" : t.video().hours().stripTrailingZeros()
                .toPlainString());
        fields.get("videoFps").setText(t.video() == null ? "1" : t.video().fps().stripTrailingZeros().toPlainString());
        fields.get("audioSeconds").setText(t.audio() == null ? "0" : t.audio().seconds().stripTrailingZeros()
                .toPlainString());
        media.setText(describeMedia(t));
        loading = false;
    }

    private static String pct(BigDecimal share) {
        return share == null ? "0" : share.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** Builds the selected request type from the form; a field that is not a number is reported, not applied. */
    private void applyForm() {
        int i = types.getSelectionModel().getSelectedIndex();
        if (i < 0) {
            return;
        }
        RequestType old = scenario.workload().requestTypes().get(i);
        List<String> bad = new ArrayList<>();
        BigDecimal volume = dec("volume", bad);
        BigDecimal growth = dec("growth", bad);
        Long sys = lng("system", bad);
        Long few = lng("fewShot", bad);
        Long user = lng("user", bad);
        Long out = lng("output", bad);
        Long rea = lng("reasoning", bad);
        BigDecimal batch = dec("batchable", bad);
        BigDecimal repeat = fields.get("repeat").getText().isBlank() ? null : dec("repeat", bad);
        BigDecimal images = dec("images", bad);
        BigDecimal hours = dec("videoHours", bad);
        BigDecimal fps = dec("videoFps", bad);
        BigDecimal audioSecs = dec("audioSeconds", bad);
        String[] wh = fields.get("imageSize").getText().trim().split("\\s*[x×X*]\\s*");
        int iw;
        int ih;
        try {
            iw = Integer.parseInt(wh[0]);
            ih = Integer.parseInt(wh.length > 1 ? wh[1] : wh[0]);
        } catch (NumberFormatException e) {
            bad.add("imageSize");
            iw = 0;
            ih = 0;
        }
        if (!bad.isEmpty()) {
            showErrors(bad.stream().map(b -> new FieldError(b, "not a number")).toList());
            return;
        }
        List<dev.costbench.model.scenario.ImageInput> imgs = images.signum() == 0 ? List.of()
                : List.of(new dev.costbench.model.scenario.ImageInput(images, iw, ih,
                old.images().isEmpty() ? null : old.images().get(0).tokensPerImage()));
        var ov = old.video();
        var video = hours.signum() == 0 ? null : new dev.costbench.model.scenario.VideoInput(hours, fps,
                ov == null ? 1280 : ov.width(), ov == null ? 720 : ov.height(), ov == null || ov.audio(),
                ov == null ? null : ov.resolution(), ov == null ? null : ov.tokensPerFrame(),
                ov == null ? null : ov.audioTokensPerSecond());
        var oa = old.audio();
        var audio = audioSecs.signum() == 0 ? null : new dev.costbench.model.scenario.AudioInput(audioSecs,
                oa == null ? null : oa.clipSeconds(), oa == null ? null : oa.mode(), oa == null ? null
                : oa.transcription(), oa == null ? null : oa.perMinute());
        RequestType t = new RequestType(old.id(), fields.get("name").getText(), new Volume(volume, perBox.getValue(),
                growth.movePointLeft(2)), modelBox.getValue() == null ? old.model() : modelBox.getValue().trim(),
                new TextTokens(sys, few, user, out, rea), imgs, audio, video, batch.movePointLeft(2),
                repeat == null ? null : repeat.movePointLeft(2));
        List<RequestType> list = new ArrayList<>(scenario.workload().requestTypes());
        list.set(i, t);
        scenario = scenario.withWorkload(new Workload(list, scenario.workload().users(),
                scenario.workload().daysPerMonth()));
        loading = true;
        types.getItems().set(i, t);
        types.getSelectionModel().select(i);
        loading = false;
        recompute();
    }

    private BigDecimal dec(String f, List<String> bad) {
        try {
            return new BigDecimal(fields.get(f).getText().trim().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            bad.add(f);
            return BigDecimal.ZERO;
        }
    }

    private Long lng(String f, List<String> bad) {
        try {
            return Long.parseLong(fields.get(f).getText().trim().replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            bad.add(f);
            return 0L;
        }
    }

    /** Adds a request type, e.g. the Prompt view's prompt ("use this as a request type"). */
    public void addRequestType(RequestType t) {
        List<RequestType> list = new ArrayList<>(scenario.workload().requestTypes());
        list.add(t);
        scenario = scenario.withWorkload(new Workload(list, scenario.workload().users(),
                scenario.workload().daysPerMonth()));
        types.getItems().setAll(list);
        types.getSelectionModel().select(list.size() - 1);
        recompute();
    }

    private void removeRequestType() {
        int i = types.getSelectionModel().getSelectedIndex();
        if (i < 0 || scenario.workload().requestTypes().size() <= 1) {
            status.setText("A workload needs at least one request type.");
            return;
        }
        List<RequestType> list = new ArrayList<>(scenario.workload().requestTypes());
        list.remove(i);
        scenario = scenario.withWorkload(new Workload(list, scenario.workload().users(),
                scenario.workload().daysPerMonth()));
        types.getItems().setAll(list);
        types.getSelectionModel().select(0);
        recompute();
    }

    // ---- levers ---------------------------------------------------------------------------------------------

    /** The one number of a lever a slider moves. */
    record Knob(String name, double min, double max, boolean percent, double value,
                Function<Double, Lever> set) {
    }

    static Knob knob(Lever l) {
        if (l instanceof Lever.PromptCaching p && p.hitRate() != null) {
            return new Knob("hit rate", 0, 1, true, p.hitRate().doubleValue(), v -> new Lever.PromptCaching(bd(v), p.ttl()));
        }
        if (l instanceof Lever.ResponseCache p && p.hitRate() != null) {
            return new Knob("hit rate", 0, 1, true, p.hitRate().doubleValue(), v -> new Lever.ResponseCache(p.match(), bd(v)));
        }
        if (l instanceof Lever.Batch p && p.share() != null) {
            return new Knob("share", 0, 1, true, p.share().doubleValue(), v -> new Lever.Batch(bd(v)));
        }
        if (l instanceof Lever.EventGating p && p.passRate() != null) {
            return new Knob("pass rate", 0, 1, true, p.passRate().doubleValue(), v -> new Lever.EventGating(bd(v)));
        }
        if (l instanceof Lever.Precompute p && p.reuseShare() != null) {
            return new Knob("reuse", 0, 1, true, p.reuseShare().doubleValue(), v -> new Lever.Precompute(bd(v)));
        }
        if (l instanceof Lever.Cascade p && p.escalationRate() != null) {
            return new Knob("escalation", 0, 1, true, p.escalationRate().doubleValue(),
                    v -> new Lever.Cascade(p.cheapModel(), p.expensiveModel(), bd(v)));
        }
        if (l instanceof Lever.PromptTrimming p && p.cut() != null) {
            return new Knob("cut", 0, 0.9, true, p.cut().doubleValue(), v -> new Lever.PromptTrimming(p.part(), bd(v), p.tokens()));
        }
        if (l instanceof Lever.FewShotTrimming p && p.cut() != null) {
            return new Knob("cut", 0, 1, true, p.cut().doubleValue(), v -> new Lever.FewShotTrimming(bd(v), p.tokens()));
        }
        if (l instanceof Lever.Crop p && p.keepArea() != null) {
            return new Knob("area kept", 0.05, 1, true, p.keepArea().doubleValue(),
                    v -> new Lever.Crop(bd(v), p.tokensPerImage(), p.tokensPerFrame()));
        }
        if (l instanceof Lever.FrameSampling p && p.fps() != null) {
            return new Knob("fps", 0.01, 2, false, p.fps().doubleValue(), v -> new Lever.FrameSampling(p.strategy(),
                    BigDecimal.valueOf(Math.round(v * 1000) / 1000.0)));
        }
        if (l instanceof Lever.OutputCap p) {
            return new Knob("max tokens", 16, Math.max(4096, p.maxTokens() * 2), false, p.maxTokens(),
                    v -> new Lever.OutputCap(Math.round(v)));
        }
        if (l instanceof Lever.ReasoningCap p) {
            return new Knob("max tokens", 0, Math.max(32768, p.maxTokens() * 2), false, p.maxTokens(),
                    v -> new Lever.ReasoningCap(Math.round(v)));
        }
        if (l instanceof Lever.Routing p && p.routes().size() == 2 && p.routes().get(0).share() != null) {
            return new Knob("share to " + p.routes().get(0).model(), 0, 1, true, p.routes().get(0).share().doubleValue(),
                    v -> new Lever.Routing(List.of(new Lever.Routing.Route(p.routes().get(0).model(), bd(v)),
                            new Lever.Routing.Route(p.routes().get(1).model(), BigDecimal.ONE.subtract(bd(v))))));
        }
        return null;
    }

    private static BigDecimal bd(double v) {
        return BigDecimal.valueOf(Math.round(v * 100)).movePointLeft(2);
    }

    private void buildLevers() {
        leversBox.getChildren().clear();
        List<LeverEntry> levers = scenario.levers();
        for (int i = 0; i < levers.size(); i++) {
            LeverEntry e = levers.get(i);
            final int idx = i;
            CheckBox on = new CheckBox(e.label());
            on.setId("lever-" + e.id());
            on.setSelected(e.enabled() == null || e.enabled());
            on.setTooltip(new Tooltip(e.lever().kind() + " — acts on " + e.lever().component().toString()
                    .toLowerCase(Locale.ROOT).replace('_', ' ') + (e.note() == null || e.note().isBlank() ? ""
                    : "\n" + e.note())));
            on.selectedProperty().addListener((o, a, b) -> {
                scenario = scenario.withEnabled(e.id(), b);
                recompute();
            });
            Label saving = new Label();
            saving.setId("lever-saving-" + e.id());
            saving.getStyleClass().add("muted");
            Region sp = new Region();
            HBox.setHgrow(sp, Priority.ALWAYS);
            HBox top = new HBox(6, on, sp, saving);
            top.setAlignment(Pos.CENTER_LEFT);
            VBox row = new VBox(2, top);
            Knob k = knob(e.lever());
            if (k != null) {
                Slider s = new Slider(k.min(), k.max(), Math.max(k.min(), Math.min(k.max(), k.value())));
                s.setId("slider-" + e.id());
                s.setPrefWidth(220);
                Label v = new Label(fmt(k, s.getValue()));
                s.valueProperty().addListener((o, a, b) -> {
                    v.setText(fmt(k, b.doubleValue()));
                    LeverEntry cur = scenario.levers().get(idx);
                    Knob ck = knob(cur.lever());
                    if (ck != null) {
                        scenario = scenario.mapLever(cur.id(), x -> new LeverEntry(x.id(), x.label(), x.enabled(),
                                x.appliesTo(), x.note(), ck.set().apply(b.doubleValue())));
                        recompute();
                    }
                });
                HBox kr = new HBox(6, new Label(k.name()), s, v);
                kr.setAlignment(Pos.CENTER_LEFT);
                kr.setPadding(new Insets(0, 0, 0, 24));
                row.getChildren().add(kr);
            }
            Label err = new Label();
            err.setId("lever-error-" + e.id());
            err.setStyle("-fx-text-fill: #c0392b;");
            err.setManaged(false);
            row.getChildren().add(err);
            row.setUserData(e.id());
            leversBox.getChildren().add(row);
        }
    }

    static final List<String> LEVER_KINDS = List.of("Frame sampling", "Low media resolution", "Downscale images",
            "Crop", "Event gating", "Response cache", "Precompute once", "Prompt trimming", "Few-shot trimming",
            "Output cap", "Reasoning cap", "Routing to a cheaper model", "Cascade", "Prompt caching", "Batch API");

    /** Adds a lever of {@code kind} with a moderate starting value, applied after the existing ones. */
    public void addLever(String kind) {
        RequestType first = scenario.workload().requestTypes().isEmpty() ? null
                : scenario.workload().requestTypes().get(0);
        String model = first == null ? "gpt-5" : first.model();
        String cheap = cheaperSibling(model);
        long out = first == null ? 500 : Math.max(16, first.text().output());
        Lever l;
        switch (kind) {
            case "Frame sampling": l = new Lever.FrameSampling(Lever.FrameSampling.Strategy.UNIFORM,
                    new BigDecimal("0.2")); break;
            case "Low media resolution": l = new Lever.LowMediaResolution(null, null, null, null); break;
            case "Downscale images": l = new Lever.Downscale(768, null, null); break;
            case "Crop": l = new Lever.Crop(new BigDecimal("0.5"), null, null); break;
            case "Event gating": l = new Lever.EventGating(new BigDecimal("0.3")); break;
            case "Response cache": l = new Lever.ResponseCache(Lever.ResponseCache.Match.EXACT,
                    new BigDecimal("0.2")); break;
            case "Precompute once": l = new Lever.Precompute(new BigDecimal("0.3")); break;
            case "Prompt trimming": l = new Lever.PromptTrimming(Lever.PromptTrimming.Part.ALL,
                    new BigDecimal("0.2"), null); break;
            case "Few-shot trimming": l = new Lever.FewShotTrimming(new BigDecimal("0.5"), null); break;
            case "Output cap": l = new Lever.OutputCap(Math.max(16, out * 3 / 4)); break;
            case "Reasoning cap": l = new Lever.ReasoningCap(1024); break;
            case "Routing to a cheaper model":
                if (cheap == null) {
                    status.setText("No cheaper model of the same provider in the catalog for " + model + ".");
                    return;
                }
                l = new Lever.Routing(List.of(new Lever.Routing.Route(cheap, new BigDecimal("0.7")),
                        new Lever.Routing.Route(model, new BigDecimal("0.3"))));
                break;
            case "Cascade":
                if (cheap == null) {
                    status.setText("No cheaper model of the same provider in the catalog for " + model + ".");
                    return;
                }
                l = new Lever.Cascade(cheap, model, new BigDecimal("0.2"));
                break;
            case "Prompt caching": l = new Lever.PromptCaching(new BigDecimal("0.6"),
                    Lever.PromptCaching.Ttl.FIVE_MINUTES); break;
            default: l = new Lever.Batch(BigDecimal.ONE); break;
        }
        String id = kind.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-") + "-" + (scenario.levers().size() + 1);
        List<LeverEntry> list = new ArrayList<>(scenario.levers());
        list.add(new LeverEntry(id, kind, true, List.of(), null, l));
        scenario = scenario.withLevers(list);
        buildLevers();
        recompute();
    }

    private static String fmt(Knob k, double v) {
        return k.percent() ? String.format(Locale.ROOT, "%.0f %%", v * 100) : k.max() > 100
                ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    // ---- compute ------------------------------------------------------------------------------------------------

    private void recompute() {
        Catalog c = catalog.get();
        List<FieldError> errs = ScenarioEngine.validate(scenario, c);
        showErrors(errs);
        if (!errs.isEmpty()) {
            status.setText("Fix the fields marked in red; the chart shows the last valid figures.");
            return;
        }
        try {
            waterfall = ScenarioEngine.compute(scenario, c);
        } catch (RuntimeException e) {
            status.setText("Cannot compute: " + e.getMessage());
            return;
        }
        chart.show(waterfall);
        tornado.show(Tornado.compute(scenario, c, Tornado.defaults()));
        BigDecimal saving = waterfall.baselineMonthly().subtract(waterfall.optimizedMonthly());
        String pct = waterfall.baselineMonthly().signum() == 0 ? "" : String.format(Locale.ROOT, " (%.1f %%)",
                100 * saving.doubleValue() / waterfall.baselineMonthly().doubleValue());
        StringBuilder t = new StringBuilder();
        t.append("Monthly ").append(money0(waterfall.baselineMonthly())).append(" → ")
                .append(money0(waterfall.optimizedMonthly())).append(", saving ").append(money0(saving)).append(pct)
                .append(" · yearly ").append(money0(waterfall.optimizedYearly()));
        if (waterfall.costPerRequest() != null) {
            t.append(" · per request ").append(Money.format(waterfall.costPerRequest()));
        }
        if (waterfall.costPerUser() != null) {
            t.append(" · per user ").append(Money.format(waterfall.costPerUser()));
        }
        if (waterfall.costPerVideoHour() != null) {
            t.append(" · per hour of video ").append(Money.format(waterfall.costPerVideoHour()));
        }
        totals.setText(t.toString());
        for (var n : leversBox.getChildren()) {
            String id = (String) n.getUserData();
            var step = waterfall.steps().stream().filter(s -> s.leverId().equals(id)).findFirst().orElse(null);
            Label l = (Label) ((HBox) ((VBox) n).getChildren().get(0)).getChildren().get(2);
            l.setText(step == null ? "off" : (step.saving().signum() >= 0 ? "saves " : "adds ")
                    + money0(step.saving().abs()) + "/mo");
            if (step != null && !step.notes().isEmpty()) {
                Tooltip.install(l, new Tooltip(String.join("\n", step.notes())));
            }
        }
        status.setText(waterfall.warnings().isEmpty() ? "" : "Note: " + String.join(" · ", waterfall.warnings()));
        updateCompare();
        generation++;
    }

    private void showErrors(List<FieldError> errs) {
        errors.getChildren().clear();
        for (var n : leversBox.getChildren()) {
            Label l = (Label) ((VBox) n).getChildren().get(((VBox) n).getChildren().size() - 1);
            l.setText("");
            l.setManaged(false);
        }
        fields.values().forEach(f -> f.setStyle(""));
        int sel = types.getSelectionModel().getSelectedIndex();
        for (FieldError e : errs) {
            String f = e.field();
            if (f.startsWith("levers[")) {
                int j = Integer.parseInt(f.substring(7, f.indexOf(']')));
                if (j < leversBox.getChildren().size()) {
                    VBox row = (VBox) leversBox.getChildren().get(j);
                    Label l = (Label) row.getChildren().get(row.getChildren().size() - 1);
                    l.setText(e.message());
                    l.setManaged(true);
                }
                continue;
            }
            String key = formKey(f);
            if (key != null && fields.containsKey(key) && (f.startsWith("requestTypes[" + sel + "]") || !f.contains("["))) {
                fields.get(key).setStyle("-fx-border-color: #c0392b;");
            }
            Label l = new Label("✖ " + (key != null && !f.contains("[") ? key + ": " : "") + describe(f) + e.message());
            l.setStyle("-fx-text-fill: #c0392b;");
            l.setWrapText(true);
            errors.getChildren().add(l);
        }
    }

    private static String describe(String field) {
        return field.contains("]") ? field.replaceFirst("requestTypes\\[(\\d+)]\\.?", "request type $1: ")
                .replace("text.", "").replace("volume.amount", "volume") + " — " : "";
    }

    private static String formKey(String f) {
        String tail = f.replaceFirst("^requestTypes\\[\\d+]\\.", "");
        switch (tail) {
            case "volume.amount": return "volume";
            case "volume.monthlyGrowth": return "growth";
            case "text.system": return "system";
            case "text.fewShot": return "fewShot";
            case "text.user": return "user";
            case "text.output": return "output";
            case "text.reasoning": return "reasoning";
            case "batchableShare": return "batchable";
            case "repeatRate": return "repeat";
            case "video.hours": return "videoHours";
            case "video.fps": return "videoFps";
            case "audio.seconds": return "audioSeconds";
            default: return f.equals("volume") || f.equals("output") ? f : null;
        }
    }

    private void updateCompare() {
        String other = compare.getValue();
        boolean on = other != null && !other.isBlank();
        if (on && !chartsSplit.getItems().contains(compareBox)) {
            chartsSplit.getItems().add(compareBox);
            compareBox.setVisible(true);
        } else if (!on) {
            chartsSplit.getItems().remove(compareBox);
            return;
        }
        Scenario o = find(other);
        if (o == null) {
            return;
        }
        try {
            Waterfall w = ScenarioEngine.compute(o, catalog.get());
            compareChart.show(w);
            BigDecimal diff = w.optimizedMonthly().subtract(waterfall == null ? BigDecimal.ZERO
                    : waterfall.optimizedMonthly());
            compareTotals.setText("“" + other + "”: " + money0(w.baselineMonthly()) + " → "
                    + money0(w.optimizedMonthly()) + " a month (" + (diff.signum() >= 0 ? "+" : "−")
                    + money0(diff.abs()) + " vs this scenario)");
        } catch (RuntimeException e) {
            compareTotals.setText("“" + other + "” cannot be computed: " + e.getMessage());
        }
    }

    /** Whole dollars from $100 up (a planner's figures), exact cents below. */
    static String money0(BigDecimal d) {
        if (d.abs().compareTo(BigDecimal.valueOf(100)) >= 0) {
            return (d.signum() < 0 ? "−$" : "$") + String.format(Locale.ROOT, "%,d",
                    d.abs().setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact());
        }
        return Money.format(d);
    }

    // ---- for tests ----------------------------------------------------------------------------------------------

    public Scenario scenario() {
        return scenario;
    }

    public Waterfall waterfall() {
        return waterfall;
    }

    public long generation() {
        return generation;
    }

    public int chartBars() {
        return chart.bars().size();
    }

    public int tornadoBars() {
        return tornado.barCount();
    }

    public ComboBox<String> compareBox() {
        return compare;
    }

    public TextField field(String key) {
        return fields.get(key);
    }

    public VBox errorsBox() {
        return errors;
    }
}
