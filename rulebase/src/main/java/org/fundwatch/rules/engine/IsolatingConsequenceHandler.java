package org.fundwatch.rules.engine;

import org.kie.api.runtime.KieRuntime;
import org.kie.api.runtime.rule.ConsequenceExceptionHandler;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleRuntime;

/**
 * Isolates a rule whose consequence (RHS) throws: records the failure in the evaluation's {@link FindingCollector}
 * (global {@code out}) instead of aborting {@code fireAllRules}, so the other rules still fire. Installed on every
 * compiled KieBase; Drools instantiates it by its no-argument constructor.
 */
public final class IsolatingConsequenceHandler implements ConsequenceExceptionHandler {
    @Override
    public void handleException(Match match, RuleRuntime runtime, Exception exception) {
        Object out = runtime instanceof KieRuntime k ? k.getGlobal("out") : null;
        if (out instanceof FindingCollector collector) {
            collector.consequenceFailed(match.getRule().getName(), exception);
        } else {
            throw new IllegalStateException("rule " + match.getRule().getName() + " failed and no collector is set",
                    exception);
        }
    }
}
