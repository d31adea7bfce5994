// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.costbench.model.workload.agent.AgentTask;
import java.math.BigDecimal;
import java.util.List;

/**
 * One kind of request in a workload. Immutable; the {@code with…} methods return changed copies (what a form edit
 * or a tornado variation does).
 *
 * @param id             stable key that levers name in {@code appliesTo}
 * @param name           shown to the user
 * @param volume         requests per day or month, with growth
 * @param model          baseline model: a catalog id or the id of one of the scenario's custom models; may be null
 *                       when the request type only transcribes audio
 * @param text           text tokens in and out
 * @param images         images per request
 * @param audio          audio per request, or null
 * @param video          video per request, or null
 * @param batchableShare share of these requests that can wait for a batch API (0–1)
 * @param repeatRate     share that repeats an earlier request (bounds what a response cache can hit); null when
 *                       unknown
 * @param agent          null for a single request; for an "Agent task" request type, the steps, tool output and
 *                       failures of one task: the volume then counts tasks, {@code text} is one call (system =
 *                       instructions and tools, user = the task, output = per step) and the bill shows the cost per
 *                       successful task
 * @param conversation   null, or for a "Conversation" request type the shape of one conversation: the volume then
 *                       counts conversations, each priced turn by turn ({@code text} is not used)
 * @param retrieval      null, or for a "Retrieval" request type one RAG query: the volume then counts queries
 *                       ({@code text} is not used)
 */
public record RequestType(
        String id,
        String name,
        Volume volume,
        String model,
        TextTokens text,
        List<ImageInput> images,
        AudioInput audio,
        VideoInput video,
        BigDecimal batchableShare,
        BigDecimal repeatRate,
        AgentTask agent,
        ConversationShape conversation,
        RetrievalRequest retrieval) {

    public RequestType {
        name = name == null || name.isBlank() ? id : name;
        text = text == null ? TextTokens.NONE : text;
        images = images == null ? List.of() : List.copyOf(images);
        batchableShare = batchableShare == null ? BigDecimal.ZERO : batchableShare;
    }

    /** True for a "Conversation" request type. */
    @JsonIgnore
    public boolean isConversationType() {
        return conversation != null;
    }

    /** True for a "Retrieval" request type. */
    @JsonIgnore
    public boolean isRetrievalType() {
        return retrieval != null;
    }

    /** A copy that is a conversation type ({@code c} non-null; clears agent and retrieval) or not (null). */
    public RequestType withConversation(ConversationShape c) {
        return c == null ? kind(agent, null, retrieval) : kind(null, c, null);
    }

    /** A copy that is a retrieval type ({@code r} non-null; clears agent and conversation) or not (null). */
    public RequestType withRetrieval(RetrievalRequest r) {
        return r == null ? kind(agent, conversation, null) : kind(null, null, r);
    }

    /** True for an "Agent task" request type. */
    @JsonIgnore
    public boolean isAgentTask() {
        return agent != null;
    }

    /** A copy that is an agent task ({@code a} non-null) or a single request (null). */
    public RequestType withAgent(AgentTask a) {
        return a == null ? kind(null, conversation, retrieval) : kind(a, null, null);
    }

    /** A copy with these kind settings (at most one non-null). */
    private RequestType kind(AgentTask a, ConversationShape c, RetrievalRequest r) {
        return copy(volume, model, text, images, audio, video, batchableShare, repeatRate, a, c, r);
    }

    /** A copy with these fields; id and name kept. */
    private RequestType copy(
            Volume v,
            String m,
            TextTokens t,
            List<ImageInput> i,
            AudioInput a,
            VideoInput vi,
            BigDecimal batch,
            BigDecimal repeat,
            AgentTask ag,
            ConversationShape c,
            RetrievalRequest r) {
        return new RequestType(id, name, v, m, t, i, a, vi, batch, repeat, ag, c, r);
    }

    /** A text-only request type. */
    public static RequestType text(String id, Volume volume, String model, TextTokens text) {
        return new RequestType(
                id, id, volume, model, text, List.of(), null, null, BigDecimal.ZERO, null, null, null, null);
    }

    public RequestType withVolume(Volume v) {
        return copy(v, model, text, images, audio, video, batchableShare, repeatRate, agent, conversation, retrieval);
    }

    public RequestType withText(TextTokens t) {
        return copy(volume, model, t, images, audio, video, batchableShare, repeatRate, agent, conversation, retrieval);
    }

    public RequestType withModel(String m) {
        return copy(volume, m, text, images, audio, video, batchableShare, repeatRate, agent, conversation, retrieval);
    }

    public RequestType withImages(List<ImageInput> i) {
        return copy(volume, model, text, i, audio, video, batchableShare, repeatRate, agent, conversation, retrieval);
    }

    public RequestType withAudio(AudioInput a) {
        return copy(volume, model, text, images, a, video, batchableShare, repeatRate, agent, conversation, retrieval);
    }

    public RequestType withVideo(VideoInput v) {
        return copy(volume, model, text, images, audio, v, batchableShare, repeatRate, agent, conversation, retrieval);
    }

    public RequestType withBatchableShare(BigDecimal s) {
        return copy(volume, model, text, images, audio, video, s, repeatRate, agent, conversation, retrieval);
    }

    public RequestType withRepeatRate(BigDecimal r) {
        return copy(volume, model, text, images, audio, video, batchableShare, r, agent, conversation, retrieval);
    }
}
