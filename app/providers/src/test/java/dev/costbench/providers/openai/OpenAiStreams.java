// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.openai;

/** Response bodies shaped as OpenAI documents them (ids and values shortened). */
final class OpenAiStreams {

    static final String RESP_ID = "resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b";
    static final String MSG_ID = "msg_67ccd2bf17f0819081ff3bb2cf6508e60bb6a6b452d3795b";
    static final String USAGE = "{\"input_tokens\":2048,\"input_tokens_details\":{\"cached_tokens\":1024},"
            + "\"output_tokens\":150,\"output_tokens_details\":{\"reasoning_tokens\":128},\"total_tokens\":2198}";

    private OpenAiStreams() {}

    static String response(String status, String incompleteReason, String text, String usage) {
        return "{\"id\":\"" + RESP_ID + "\",\"object\":\"response\",\"created_at\":1741476542,\"status\":\"" + status
                + "\",\"error\":null,\"incomplete_details\":"
                + (incompleteReason == null ? "null" : "{\"reason\":\"" + incompleteReason + "\"}")
                + ",\"instructions\":null,\"max_output_tokens\":200,\"model\":\"gpt-5-mini-2025-08-07\","
                + "\"output\":[{\"id\":\"rs_67ccd2bf0\",\"type\":\"reasoning\",\"summary\":[]},"
                + "{\"type\":\"message\",\"id\":\"" + MSG_ID + "\",\"status\":\"completed\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":\"" + text + "\",\"annotations\":[]}]}],"
                + "\"parallel_tool_calls\":true,\"previous_response_id\":null,\"reasoning\":{\"effort\":\"low\","
                + "\"summary\":null},\"store\":false,\"temperature\":1.0,\"text\":{\"format\":{\"type\":\"text\"}},"
                + "\"tool_choice\":\"auto\",\"tools\":[],\"top_p\":1.0,\"truncation\":\"disabled\",\"usage\":"
                + (usage == null ? "null" : usage) + ",\"user\":null,\"metadata\":{}}";
    }

    private static String event(String type, int seq, String fields) {
        return "event: " + type + "\ndata: {\"type\":\"" + type + "\",\"sequence_number\":" + seq + fields + "}\n\n";
    }

    /** A Responses stream: created … output_text.delta × n … completed. */
    static String responsesStream(String... deltas) {
        StringBuilder b = new StringBuilder();
        int seq = 0;
        String inProgress = "{\"id\":\"" + RESP_ID + "\",\"object\":\"response\",\"created_at\":1741476542,"
                + "\"status\":\"in_progress\",\"error\":null,\"incomplete_details\":null,\"model\":"
                + "\"gpt-5-mini-2025-08-07\",\"output\":[],\"usage\":null}";
        b.append(event("response.created", seq++, ",\"response\":" + inProgress));
        b.append(event("response.in_progress", seq++, ",\"response\":" + inProgress));
        b.append(event(
                "response.output_item.added",
                seq++,
                ",\"output_index\":1,\"item\":{\"id\":\"" + MSG_ID
                        + "\",\"type\":\"message\",\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}"));
        b.append(event(
                "response.content_part.added",
                seq++,
                ",\"item_id\":\"" + MSG_ID + "\",\"output_index\":1,"
                        + "\"content_index\":0,\"part\":{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}"));
        String all = String.join("", deltas);
        for (String d : deltas) {
            b.append(event(
                    "response.output_text.delta",
                    seq++,
                    ",\"item_id\":\"" + MSG_ID + "\",\"output_index\":1," + "\"content_index\":0,\"delta\":\"" + d
                            + "\",\"logprobs\":[]"));
        }
        b.append(event(
                "response.output_text.done",
                seq++,
                ",\"item_id\":\"" + MSG_ID + "\",\"output_index\":1," + "\"content_index\":0,\"text\":\"" + all
                        + "\",\"logprobs\":[]"));
        b.append(event(
                "response.output_item.done",
                seq++,
                ",\"output_index\":1,\"item\":{\"id\":\"" + MSG_ID
                        + "\",\"type\":\"message\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":"
                        + "\"output_text\",\"text\":\"" + all + "\",\"annotations\":[]}]}"));
        b.append(event("response.completed", seq, ",\"response\":" + response("completed", null, all, USAGE)));
        return b.toString();
    }

    /** A Chat Completions stream with the include_usage chunk and [DONE]. */
    static String chatStream(String usage, String... deltas) {
        StringBuilder b = new StringBuilder();
        String head = "{\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1741570283,\"model\":\"gpt-4o-2024-08-06\",\"service_tier\":\"default\","
                + "\"system_fingerprint\":\"fp_eb9dce56a8\",";
        b.append("data: ")
                .append(head)
                .append(
                        "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                                + "\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
        for (String d : deltas) {
            b.append("data: ")
                    .append(head)
                    .append("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"")
                    .append(d)
                    .append("\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
        }
        b.append("data: ")
                .append(head)
                .append("\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,"
                        + "\"finish_reason\":\"stop\"}],\"usage\":null}\n\n");
        if (usage != null) {
            b.append("data: ")
                    .append(head)
                    .append("\"choices\":[],\"usage\":")
                    .append(usage)
                    .append("}\n\n");
        }
        b.append("data: [DONE]\n\n");
        return b.toString();
    }

    static String chatCompletion(String text, String finish, String usage) {
        return "{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion\",\"created\":"
                + "1741569952,\"model\":\"gpt-4.1-2025-04-14\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"" + text + "\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,"
                + "\"finish_reason\":\"" + finish + "\"}]" + (usage == null ? "" : ",\"usage\":" + usage)
                + ",\"service_tier\":\"default\"}";
    }
}
