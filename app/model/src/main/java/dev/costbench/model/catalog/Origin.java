// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.catalog;

/** Where a catalog value came from. */
public enum Origin {
    BUILT_IN,
    USER,
    LITELLM_IMPORT
}
