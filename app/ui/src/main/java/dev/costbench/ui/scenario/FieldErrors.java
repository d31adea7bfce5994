// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.scenario;

import dev.costbench.model.scenario.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The model's validation errors sorted for the planner: lines for the list under the form, the form fields of the
 * selected request type to mark, and the errors of each lever (by position).
 */
record FieldErrors(List<String> messages, Set<String> fields, Map<Integer, String> levers) {

    static final FieldErrors NONE = new FieldErrors(List.of(), Set.of(), Map.of());

    FieldErrors {
        messages = List.copyOf(messages);
        fields = Set.copyOf(fields);
        levers = Map.copyOf(levers);
    }

    boolean isEmpty() {
        return messages.isEmpty() && fields.isEmpty() && levers.isEmpty();
    }

    /** Sorts {@code errors} found with request type {@code selected} in the form. */
    static FieldErrors of(List<FieldError> errors, int selected) {
        List<String> messages = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>();
        Map<Integer, String> levers = new TreeMap<>();
        for (FieldError e : errors) {
            String f = e.field();
            if (f.startsWith("levers[")) {
                levers.put(Integer.parseInt(f.substring(7, f.indexOf(']'))), e.message());
                continue;
            }
            String key = formKey(f);
            if (key != null && (f.startsWith("requestTypes[" + selected + "]") || !f.contains("["))) {
                fields.add(key);
            }
            messages.add("✖ " + (key != null && !f.contains("[") ? key + ": " : "") + describe(f) + e.message());
        }
        return new FieldErrors(messages, fields, levers);
    }

    /** The form's fields (keys of {@link RequestForm#FIELDS}) that are not numbers. */
    static FieldErrors notNumbers(List<String> keys) {
        List<String> messages = keys.stream()
                .map(k -> "✖ " + RequestForm.FIELDS.get(k)
                        + ": not a number — type a number (digits, an optional point).")
                .toList();
        return new FieldErrors(messages, Set.copyOf(keys), Map.of());
    }

    /** An "Agent task" whose fields do not make a task: the message says what to change. */
    static FieldErrors agentTask(String message) {
        Set<String> keys = RequestForm.FIELDS.keySet().stream()
                .filter(RequestForm::isAgentField)
                .collect(Collectors.toSet());
        return new FieldErrors(List.of("✖ Agent task: " + message), keys, Map.of());
    }

    private static String describe(String field) {
        return field.contains("]")
                ? field.replaceFirst("requestTypes\\[(\\d+)]\\.?", "request type $1: ")
                                .replace("text.", "")
                                .replace("volume.amount", "volume")
                        + " — "
                : "";
    }

    private static String formKey(String f) {
        String tail = f.replaceFirst("^requestTypes\\[\\d+]\\.", "");
        if (RequestForm.flowKey(tail) != null) {
            return RequestForm.flowKey(tail);
        }
        return switch (tail) {
            case "volume.amount" -> "volume";
            case "volume.monthlyGrowth" -> "growth";
            case "text.system" -> "system";
            case "text.fewShot" -> "fewShot";
            case "text.user" -> "user";
            case "text.output" -> "output";
            case "text.reasoning" -> "reasoning";
            case "batchableShare" -> "batchable";
            case "repeatRate" -> "repeat";
            case "video.hours" -> "videoHours";
            case "video.fps" -> "videoFps";
            case "audio.seconds" -> "audioSeconds";
            default -> f.equals("volume") || f.equals("output") ? f : null;
        };
    }
}
