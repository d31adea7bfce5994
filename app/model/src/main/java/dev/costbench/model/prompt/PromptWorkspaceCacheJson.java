// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code "cache"} object of a prompt workspace file (see {@link PromptWorkspaceCache}). */
final class PromptWorkspaceCacheJson {

    private static final Set<String> CACHE = Set.of("ttl", "breakpoints");
    private static final Set<String> BREAKPOINT = Set.of("part", "offset");

    private PromptWorkspaceCacheJson() {}

    static void write(ObjectNode cache, PromptWorkspaceCache c) {
        cache.put("ttl", PromptWorkspaceCache.ttlWord(c.ttl()));
        ArrayNode list = cache.putArray("breakpoints");
        for (PromptWorkspaceCache.Breakpoint b : c.breakpoints()) {
            list.addObject().put("part", b.part()).put("offset", b.offset());
        }
    }

    /** @throws IllegalArgumentException naming the field ("cache.breakpoints[0].offset: …") */
    static PromptWorkspaceCache read(JsonNode n) {
        if (n == null || n.isNull()) {
            return PromptWorkspaceCache.NONE;
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException("cache: expected an object, got " + PromptWorkspaceFiles.type(n));
        }
        PromptWorkspaceFiles.unknown(n, "cache.", CACHE);
        JsonNode ttl = n.get("ttl");
        if (ttl != null && !ttl.isNull() && !ttl.isTextual()) {
            throw new IllegalArgumentException(
                    "cache.ttl: expected \"5m\" or \"1h\", got " + PromptWorkspaceFiles.type(ttl));
        }
        JsonNode list = n.get("breakpoints");
        List<PromptWorkspaceCache.Breakpoint> out = new ArrayList<>();
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw new IllegalArgumentException(
                        "cache.breakpoints: expected a list, got " + PromptWorkspaceFiles.type(list));
            }
            for (int i = 0; i < list.size(); i++) {
                out.add(breakpoint(list.get(i), "cache.breakpoints[" + i + "]"));
            }
        }
        return new PromptWorkspaceCache(
                ttl == null || ttl.isNull() ? null : PromptWorkspaceCache.parseTtl(ttl.asText()), out);
    }

    private static PromptWorkspaceCache.Breakpoint breakpoint(JsonNode b, String path) {
        if (!b.isObject()) {
            throw new IllegalArgumentException(
                    path + ": expected {\"part\": …, \"offset\": …}, got " + PromptWorkspaceFiles.type(b));
        }
        PromptWorkspaceFiles.unknown(b, path + ".", BREAKPOINT);
        JsonNode part = b.get("part");
        JsonNode offset = b.get("offset");
        if (part == null || !part.isTextual()) {
            throw new IllegalArgumentException(path + ".part: expected \"system\", \"user\" or \"fewShot[n]\", got "
                    + (part == null ? "nothing" : PromptWorkspaceFiles.type(part)));
        }
        if (offset == null || !offset.isIntegralNumber() || !offset.canConvertToInt() || offset.intValue() < 0) {
            throw new IllegalArgumentException(path + ".offset: expected a whole number of characters (0 or more), "
                    + "got " + (offset == null ? "nothing" : PromptWorkspaceFiles.type(offset)));
        }
        try {
            return new PromptWorkspaceCache.Breakpoint(part.asText(), offset.intValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + "." + e.getMessage(), e);
        }
    }
}
