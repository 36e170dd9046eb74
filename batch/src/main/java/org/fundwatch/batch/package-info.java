/**
 * Spark batch jobs and Smile models writing into ClickHouse. Smile is GPL-3.0 and stays in this module.
 */
package org.fundwatch.batch;
