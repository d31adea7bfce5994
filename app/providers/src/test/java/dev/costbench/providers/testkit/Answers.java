// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.testkit;

/**
 * Small successful answers of every endpoint the clients call, shaped as each provider documents them (ids and
 * values shortened): used where a test needs some valid answer rather than a particular one.
 */
public final class Answers {

    private Answers() {}

    // ---- OpenAI (Responses API, Chat Completions, input token counts, model list) ----

    public static final String OPENAI_RESPONSE = "{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1741476542,"
            + "\"status\":\"completed\",\"error\":null,\"incomplete_details\":null,\"model\":\"gpt-4o-mini-2024-07-18\","
            + "\"output\":[{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\","
            + "\"content\":[{\"type\":\"output_text\",\"text\":\"Hi\",\"annotations\":[]}]}],"
            + "\"usage\":{\"input_tokens\":5,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":1,"
            + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":6}}";

    public static final String OPENAI_RESPONSE_STREAM = "event: response.created\n"
            + "data: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\","
            + "\"object\":\"response\",\"status\":\"in_progress\",\"output\":[],\"usage\":null}}\n\n"
            + "event: response.output_text.delta\n"
            + "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":1,\"item_id\":\"msg_1\","
            + "\"output_index\":0,\"content_index\":0,\"delta\":\"Hi\",\"logprobs\":[]}\n\n"
            + "event: response.completed\n"
            + "data: {\"type\":\"response.completed\",\"sequence_number\":2,\"response\":" + OPENAI_RESPONSE + "}\n\n";

    public static final String CHAT_COMPLETION = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Hi\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}";

    public static final String CHAT_STREAM = chatChunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", "null")
            + chatChunk("{}", "\"stop\"")
            + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":"
            + "\"gpt-4o-mini-2024-07-18\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,"
            + "\"total_tokens\":6}}\n\n"
            + "data: [DONE]\n\n";

    public static final String OPENAI_INPUT_TOKENS = "{\"object\":\"response.input_tokens\",\"input_tokens\":5}";

    public static final String OPENAI_MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":"
            + "\"model\",\"created\":1721172741,\"owned_by\":\"system\"}]}";

    private static String chatChunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":"
                + "\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,"
                + "\"finish_reason\":" + finish + "}]}\n\n";
    }

    // ---- Anthropic (Messages, count_tokens, models) ----

    public static final String ANTHROPIC_MESSAGE = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}],"
            + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}";

    /** {@code message_start}, the event every Messages stream begins with. */
    public static final String ANTHROPIC_START = "event: message_start\n"
            + "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":"
            + "\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5\",\"stop_reason\":null,"
            + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}\n\n";

    /** A {@code ping} event, as Anthropic sends them to keep a stream open. */
    public static final String ANTHROPIC_PING = "event: ping\ndata: {\"type\": \"ping\"}\n\n";

    public static final String ANTHROPIC_STREAM = ANTHROPIC_START
            + "event: content_block_start\n"
            + "data: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
            + ANTHROPIC_PING
            + "event: content_block_delta\n"
            + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"
            + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            + "event: message_delta\n"
            + "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
            + "\"usage\":{\"output_tokens\":1}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

    public static final String ANTHROPIC_COUNT = "{\"input_tokens\":5}";

    public static final String ANTHROPIC_MODELS = "{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-5\","
            + "\"display_name\":\"Claude Sonnet 4.5\",\"created_at\":\"2025-09-29T00:00:00Z\"}],\"has_more\":false,"
            + "\"first_id\":\"claude-sonnet-4-5\",\"last_id\":\"claude-sonnet-4-5\"}";

    // ---- Gemini (generateContent, streamGenerateContent?alt=sse, countTokens, models) ----

    public static final String GEMINI_ANSWER = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}],"
            + "\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":5,"
            + "\"candidatesTokenCount\":1,\"totalTokenCount\":6},\"modelVersion\":\"gemini-2.5-flash\","
            + "\"responseId\":\"r1\"}";

    public static final String GEMINI_STREAM = "data: " + GEMINI_ANSWER + "\r\n\r\n";

    public static final String GEMINI_COUNT = "{\"totalTokens\":5}";

    public static final String GEMINI_MODELS =
            "{\"models\":[{\"name\":\"models/gemini-2.5-flash\"," + "\"displayName\":\"Gemini 2.5 Flash\"}]}";
}
