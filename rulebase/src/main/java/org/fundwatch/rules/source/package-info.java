/**
 * Reading a rule pack's source directory ({@code pack.yaml}, {@code rules/*.drl},
 * {@code rules/*.rules.yaml}, {@code tests/*.yaml}) into a checked, immutable {@link org.fundwatch.rules.source.RulePackSource}.
 * Shared by the evaluation engine and the rule authors' CLI. Format: {@code docs/rule-pack.md}.
 */
package org.fundwatch.rules.source;
