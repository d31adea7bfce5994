// SPDX-License-Identifier: Apache-2.0
package dev.costbench.ui.lab;

/** The example a new A/B setup starts with: a verbose and a short support prompt over three tickets. */
final class SetupDefaults {

    static final String INPUTS = "{\"ticket\": \"My order #1234 has not arrived yet. Where is it?\"}\n"
            + "{\"ticket\": \"I was charged twice for order #5678, please refund one payment.\"}\n"
            + "{\"ticket\": \"How do I change the delivery address of order #9012?\"}";
    static final String BASE_SYSTEM = "You are a helpful, friendly and extremely thorough customer support assistant "
            + "for our online store. Always greet the customer warmly, restate their problem in your own words, "
            + "explain every step you take, and close with a polite offer of further help.";
    static final String BASE_USER = "Please read the following customer support ticket carefully and write a "
            + "complete, detailed reply to it: {{ticket}}";
    static final String OPT_SYSTEM = "Support agent. Reply in 2 sentences.";
    static final String OPT_USER = "Ticket: {{ticket}}";

    private SetupDefaults() {}
}
