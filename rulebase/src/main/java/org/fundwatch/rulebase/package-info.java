/**
 * Rule packs (Drools DRL + metadata + tests), the evaluation engine API and the rule authors' CLI. Arrives with the rule-base issue.
 */
package org.fundwatch.rulebase;
