/**
 * The evaluation engine: {@link org.fundwatch.rules.engine.RuleEngine#compile} turns a rule pack
 * ({@link org.fundwatch.rules.source.RulePackSource}) and a knowledge pack into a thread-safe engine;
 * {@link org.fundwatch.rules.engine.RuleEngine#evaluate} checks one encounter in a phase and returns an
 * {@link org.fundwatch.rules.engine.Evaluation}: {@link org.fundwatch.rules.engine.Finding}s plus the rules that failed.
 * DRL rules match the facts of {@code org.fundwatch.rules.engine.fact} and report through the global
 * {@code out} ({@link org.fundwatch.rules.engine.FindingCollector}).
 */
package org.fundwatch.rules.engine;
