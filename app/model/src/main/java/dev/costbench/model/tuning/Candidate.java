// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tuning;

import java.util.List;

/** A suggestion before it is measured and priced. */
record Candidate(String id, SuggestionKind kind, String title, String detail, List<TextEdit> edits) {}
