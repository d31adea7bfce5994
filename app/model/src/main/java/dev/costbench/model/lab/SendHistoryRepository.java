// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.lab;

import java.util.List;

/**
 * The history of "Send to the API" calls, per prompt workspace. Every method is its own transaction and is durable
 * when it returns (see {@link LabStore}). Key-shaped text in an answer or an error is redacted before it is kept.
 */
public interface SendHistoryRepository {

    /** The workspace key of a prompt that has no file yet. */
    String UNTITLED = "untitled";

    /** Keeps one call and returns it with its id. */
    SentRequest addSent(NewSentRequest sent);

    /** The calls of {@code workspace}, newest first. */
    List<SentRequest> sentHistory(String workspace);

    /** Deletes one call; false when there is none with this id. */
    boolean deleteSent(long id);
}
