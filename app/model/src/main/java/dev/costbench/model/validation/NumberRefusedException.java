// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.validation;

/** A number outside its declared range or size, with the field it came from. */
public final class NumberRefusedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public NumberRefusedException(String field, String reason) {
        super(field == null || field.isEmpty() ? reason : field + ": " + reason);
        this.field = field == null ? "" : field;
        this.reason = reason;
    }

    /** The field path, e.g. {@code models[3].prices.input} or {@code --monthly}. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field. */
    public String reason() {
        return reason;
    }
}
