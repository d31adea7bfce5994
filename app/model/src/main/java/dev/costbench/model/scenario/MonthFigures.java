// SPDX-License-Identifier: Apache-2.0
package dev.costbench.model.scenario;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One month of a scenario's twelve-month projection, priced at the catalog prices of the month's first day with each
 * request type's growth.
 *
 * @param month     the calendar month
 * @param baseline  the bill with no lever
 * @param optimized the bill after every enabled lever
 */
public record MonthFigures(YearMonth month, BigDecimal baseline, BigDecimal optimized) {}
