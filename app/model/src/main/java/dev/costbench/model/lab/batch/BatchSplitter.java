// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab.batch;

import dev.costbench.model.lab.TrialCell;
import dev.costbench.model.lab.run.RunPlan;
import dev.costbench.model.provider.ChatMessage;
import dev.costbench.model.provider.ChatRequest;
import dev.costbench.model.provider.Part;
import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ToolSpec;
import dev.costbench.model.provider.batch.BatchItem;
import dev.costbench.model.provider.batch.BatchLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the cells of a run into batches: grouped per provider (and per model where the provider wants one model per
 * batch), each group split so that no batch holds more requests or bytes than the provider's {@link BatchLimits}
 * allow. Each cell gets a custom id that names it ({@link #customId}).
 */
public final class BatchSplitter {

    /** What one serialized request adds around its texts and media (JSON keys, ids, parameters): a generous guess. */
    static final int REQUEST_OVERHEAD_BYTES = 512;

    private BatchSplitter() {}

    /**
     * One batch to submit.
     *
     * @param provider whose batch API takes it
     * @param items    its requests
     * @param cells    custom id → the cell each request runs
     * @param bytes    the estimated size of its requests, serialized
     */
    public record Chunk(ProviderId provider, List<BatchItem> items, Map<String, TrialCell> cells, long bytes) {}

    /**
     * The custom id of a cell: {@code v<variant>-i<input>-m<model position>-r<repetition>} (the model by its
     * position in the plan, since model ids may hold characters the providers refuse in a custom id).
     */
    public static String customId(RunPlan plan, TrialCell cell) {
        int m = 0;
        while (!plan.models().get(m).id().equals(cell.modelId())) {
            m++;
        }
        return "v" + cell.variantId() + "-i" + cell.inputId() + "-m" + m + "-r" + cell.repetition();
    }

    /**
     * The batches of {@code cells}, in the order the cells come within each group.
     *
     * @param providers each model's provider
     * @param limits    each provider's limits
     * @param request   the request a cell sends through the batch API
     */
    public static List<Chunk> split(
            RunPlan plan,
            List<TrialCell> cells,
            Map<String, ProviderId> providers,
            Map<ProviderId, BatchLimits> limits,
            Function<TrialCell, ChatRequest> request) {
        Map<String, List<TrialCell>> groups = new LinkedHashMap<>();
        for (TrialCell c : cells) {
            ProviderId p = providers.get(c.modelId());
            String key = p.name() + (limits.get(p).singleModel() ? "\u0000" + c.modelId() : "");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<Chunk> out = new ArrayList<>();
        for (List<TrialCell> group : groups.values()) {
            ProviderId p = providers.get(group.get(0).modelId());
            BatchLimits l = limits.get(p);
            List<BatchItem> items = new ArrayList<>();
            Map<String, TrialCell> map = new LinkedHashMap<>();
            long bytes = 0;
            for (TrialCell c : group) {
                ChatRequest r = request.apply(c);
                long size = bytes(r);
                if (!items.isEmpty() && (items.size() >= l.maxRequests() || bytes + size > l.maxBytes())) {
                    out.add(new Chunk(p, items, map, bytes));
                    items = new ArrayList<>();
                    map = new LinkedHashMap<>();
                    bytes = 0;
                }
                String id = customId(plan, c);
                items.add(new BatchItem(id, r));
                map.put(id, c);
                bytes += size;
            }
            out.add(new Chunk(p, items, map, bytes));
        }
        return out;
    }

    /**
     * The size of a request once serialized in a batch file: its texts in UTF-8, its media in base64, its tools'
     * schemas, and {@link #REQUEST_OVERHEAD_BYTES} for the rest.
     */
    public static long bytes(ChatRequest r) {
        long n = REQUEST_OVERHEAD_BYTES + utf8(r.model()) + utf8(r.system());
        for (ChatMessage m : r.messages()) {
            for (Part part : m.parts()) {
                if (part instanceof Part.Text t) {
                    n += utf8(t.text()) + 16;
                } else if (part instanceof Part.Image i) {
                    n += base64(i.data().length) + 64;
                } else if (part instanceof Part.Audio a) {
                    n += base64(a.data().length) + 64;
                } else if (part instanceof Part.Video v) {
                    n += base64(v.data().length) + 64;
                }
            }
        }
        for (ToolSpec t : r.tools()) {
            n += utf8(t.toString());
        }
        return n;
    }

    private static long utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long base64(long bytes) {
        return (bytes + 2) / 3 * 4;
    }
}
