/**
 * National medical-insurance platform messages at the boundary: Jackson-bound records with the
 * national field names ({@link org.fundwatch.message.NationalRequest},
 * {@link org.fundwatch.message.NationalResponse} and the per-transaction input/output records in
 * the sub-packages), the shared mapper ({@link org.fundwatch.message.NationalJson}) and the parser
 * ({@link org.fundwatch.message.MessageParser}) that returns a {@link org.fundwatch.message.ParseResult}
 * with every problem and its JSON path.
 *
 * <p>Decisions: the records are the single schema (validation reads their annotations); lenient on
 * representation (numbers as strings, 0/1 flags, blank as null, Hainan aliases, unknown members),
 * strict on meaning (ids, dates, amounts must parse; an error rejects the message); code-format and
 * catalog misses and amount inconsistencies are warnings that travel with the message; non-UTF-8
 * input is rejected, never transcoded, because the national interface mandates UTF-8.
 * Adapters to the internal model live in {@code org.fundwatch.message.adapter}.
 */
package org.fundwatch.message;
