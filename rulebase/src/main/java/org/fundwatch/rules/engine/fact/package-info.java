/**
 * The facts DRL rules match on. The engine builds them in Java before Drools runs (enrichment): each fee line
 * carries its knowledge restrictions (looked up by code), the patient carries the age in days at the encounter,
 * usage windows are pre-aggregated. Rules are then simple templates over these facts. All facts are immutable
 * JavaBeans (getters), built per evaluation.
 */
package org.fundwatch.rules.engine.fact;
