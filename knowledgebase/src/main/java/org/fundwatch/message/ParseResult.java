package org.fundwatch.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of {@link MessageParser}: the typed message when it has no error, and every problem
 * found (errors and warnings, each with its JSON path), plus the paths of members no schema knows
 * (tolerated, collected for diagnostics).
 */
public final class ParseResult {

    /** What was parsed. */
    public enum Kind {
        /** A full request envelope ({@link NationalRequest}). */
        REQUEST,
        /** A full response envelope ({@link NationalResponse}). */
        RESPONSE,
        /** A bare {@code input} node, the transaction given separately. */
        INPUT
    }

    private final Kind kind;
    private final Transaction transaction;
    private final Object message;
    private final JsonNode tree;
    private final List<Problem> problems;
    private final List<String> unknownFields;

    ParseResult(Kind kind, Transaction transaction, Object message, JsonNode tree, List<Problem> problems,
            List<String> unknownFields) {
        this.kind = kind;
        this.transaction = transaction;
        this.message = message;
        this.tree = tree;
        this.problems = List.copyOf(problems);
        this.unknownFields = List.copyOf(unknownFields);
    }

    /** Whether the message was read: no {@link Problem.Severity#ERROR} (warnings may be present). */
    public boolean isOk() {
        return message != null || tree != null;
    }

    /**
     * Whether the typed message is here: false for an accepted message the caller asked not to bind
     * ({@link MessageParser#parse(byte[], java.util.function.Predicate)}), which has only its {@link #tree()}.
     */
    public boolean isBound() {
        return message != null;
    }

    /**
     * The validated JSON tree of a message accepted without binding ({@link MessageParser#parse(byte[],
     * java.util.function.Predicate)} with a predicate that declined its transaction); empty on error and for a bound
     * message, which is read from {@link #message()} (a clean message is bound without ever building a tree).
     */
    public Optional<JsonNode> tree() {
        return Optional.ofNullable(tree);
    }

    /** What was parsed. */
    public Kind kind() {
        return kind;
    }

    /** The transaction, when the {@code infno} was known. */
    public Optional<Transaction> transaction() {
        return Optional.ofNullable(transaction);
    }

    /** Every problem, in document order. */
    public List<Problem> problems() {
        return problems;
    }

    /** The errors only. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** The warnings only. */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** Paths of members that no schema knows (tolerated), e.g. {@code $.mode}. */
    public List<String> unknownFields() {
        return unknownFields;
    }

    /** The typed message: a {@link NationalRequest}, a {@link NationalResponse} or a bare input; empty on error. */
    public Optional<Object> message() {
        return Optional.ofNullable(message);
    }

    /**
     * The request envelope with its input of {@code inputType}.
     *
     * @throws IllegalStateException when the result is not a request of that input type
     */
    @SuppressWarnings("unchecked")
    public <I> NationalRequest<I> request(Class<I> inputType) {
        if (kind != Kind.REQUEST || !(message instanceof NationalRequest<?> r) || !inputType.isInstance(r.input())) {
            throw new IllegalStateException("not a request with input " + inputType.getSimpleName() + ": " + summary());
        }
        return (NationalRequest<I>) r;
    }

    /**
     * The response envelope with its output of {@code outputType}.
     *
     * @throws IllegalStateException when the result is not such a response
     */
    @SuppressWarnings("unchecked")
    public <O> NationalResponse<O> response(Class<O> outputType) {
        if (kind != Kind.RESPONSE || !(message instanceof NationalResponse<?> r)
                || r.output() != null && !outputType.isInstance(r.output())) {
            throw new IllegalStateException("not a response with output " + outputType.getSimpleName() + ": " + summary());
        }
        return (NationalResponse<O>) r;
    }

    /**
     * The {@code input} node, from a request or a bare input.
     *
     * @throws IllegalStateException when there is no input of that type
     */
    public <I> I input(Class<I> inputType) {
        Object input = message instanceof NationalRequest<?> r ? r.input() : kind == Kind.INPUT ? message : null;
        if (!inputType.isInstance(input)) {
            throw new IllegalStateException("no input of type " + inputType.getSimpleName() + ": " + summary());
        }
        return inputType.cast(input);
    }

    /** One line per problem ({@code ERROR $.path: reason}), or {@code ok}. Fits a dead-letter reason. */
    public String summary() {
        if (problems.isEmpty()) {
            return isOk() ? "ok" : "no message";
        }
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return "ParseResult[" + kind + " " + (transaction == null ? "?" : transaction.code()) + ", "
                + (isOk() ? "ok" : "rejected") + ", " + problems.size() + " problem(s)]";
    }
}
