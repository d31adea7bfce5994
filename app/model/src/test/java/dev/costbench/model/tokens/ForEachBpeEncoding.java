// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.tokens;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A test run once for each byte-pair encoding CostBench implements itself: o200k_base and cl100k_base. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest
@EnumSource(
        value = Encoding.class,
        names = {"O200K_BASE", "CL100K_BASE"})
@interface ForEachBpeEncoding {}
