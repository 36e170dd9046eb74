package org.fundwatch.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.fundwatch.codes.CodeCatalog;
import org.fundwatch.codes.CodeFormat;
import org.fundwatch.message.RecordSchema.FieldSchema;

/**
 * Walks a JSON tree along the message records' schema and reports every problem with its path,
 * instead of stopping at the first as data binding does. Then {@link ConsistencyChecks} adds the
 * checks that span fields. Thread-safe.
 */
final class MessageValidator {
    private final Map<CodeFormat, CodeCatalog> catalogs;

    MessageValidator(Map<CodeFormat, CodeCatalog> catalogs) {
        this.catalogs = Map.copyOf(catalogs);
    }

    /** Collects problems and the paths of members no schema knows. */
    static final class Findings {
        ParseResult result(ParseResult.Kind kind, Transaction tx, Object message) {
            return result(kind, tx, message, null);
        }

        /** With the validated tree of an accepted message (kept only when there is no error). */
        ParseResult result(ParseResult.Kind kind, Transaction tx, Object message, com.fasterxml.jackson.databind.JsonNode tree) {
            boolean ok = !hasErrors();
            return new ParseResult(kind, tx, ok ? message : null, ok ? tree : null, problems, unknownFields);
        }

        final List<Problem> problems = new ArrayList<>();
        final List<String> unknownFields = new ArrayList<>();

        boolean hasErrors() {
            for (Problem p : problems) {
                if (p.isError()) {
                    return true;
                }
            }
            return false;
        }

        void error(JsonPath path, String reason) {
            problems.add(Problem.error(path.toString(), reason));
        }

        void warning(JsonPath path, String reason) {
            problems.add(Problem.warning(path.toString(), reason));
        }
    }

    void validate(JsonNode node, Type type, Map<TypeVariable<?>, Type> bindings, JsonPath path, Findings out) {
        if (type instanceof TypeVariable<?> variable) {
            validate(node, bindings.getOrDefault(variable, Object.class), bindings, path, out);
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                validateList(node, parameterized.getActualTypeArguments()[0], bindings, path, out);
            } else {
                validate(node, raw, bindings, path, out);
            }
            return;
        }
        Class<?> cls = (Class<?>) type;
        if (cls.isRecord()) {
            validateRecord(node, cls, bindings, path, out);
        }
        // scalars are checked by validateValue; JsonNode / Object accept anything
    }

    private void validateList(JsonNode node, Type element, Map<TypeVariable<?>, Type> bindings, JsonPath path, Findings out) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                validateElement(node.get(i), element, bindings, path.element(i), out);
            }
        } else if (node.isObject()) {
            validateElement(node, element, bindings, path, out); // single object read as a one-element list
        } else if (!node.isNull()) {
            out.error(path, "expected an array, got " + describe(node));
        }
    }

    private void validateElement(JsonNode node, Type element, Map<TypeVariable<?>, Type> bindings, JsonPath path, Findings out) {
        if (element instanceof Class<?> cls && !cls.isRecord()) {
            checkScalar(node, cls, path, out);
        } else if (node.isObject()) {
            validate(node, element, bindings, path, out);
        } else if (!node.isNull()) {
            out.error(path, "expected an object, got " + describe(node));
        }
    }

    private void validateRecord(JsonNode node, Class<?> type, Map<TypeVariable<?>, Type> bindings, JsonPath path, Findings out) {
        if (!node.isObject()) {
            out.error(path, "expected an object, got " + describe(node));
            return;
        }
        RecordSchema schema = RecordSchema.of(type);
        int known = 0; // members that are schema fields
        for (FieldSchema field : schema.fields()) {
            String present = field.name();
            JsonNode value = node.get(present);
            for (int i = 0; value == null && i < field.aliases().size(); i++) {
                present = field.aliases().get(i);
                value = node.get(present);
            }
            if (value != null) {
                known++;
            } else if (!field.required()) {
                continue; // an absent optional field: nothing to check (and no path to make)
            }
            validateField(field, value, bindings, path.field(present), out);
        }
        if (known < node.size()) { // some member is not one of the fields found: unknown, or a second name of one
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!schema.byJsonName().containsKey(name)) {
                    out.unknownFields.add(path.field(name).toString());
                }
            }
        }
        ConsistencyChecks.check(type, node, path, catalogs, out);
    }

    private void validateField(FieldSchema field, JsonNode value, Map<TypeVariable<?>, Type> bindings, JsonPath path, Findings out) {
        boolean blank = value == null || value.isNull() || value.isTextual() && value.asText().isBlank();
        if (blank) {
            if (field.required()) {
                out.error(path, value == null ? "missing required field" : value.isNull() ? "required field is null" : "required field is empty");
            }
            return;
        }
        Type type = field.type();
        if (field.ruleIds()) {
            if (!value.isTextual() && !value.isArray()) {
                out.error(path, "expected an array or a comma-separated string, got " + describe(value));
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (!value.get(i).isValueNode()) {
                        out.error(path.element(i), "expected a string, got " + describe(value.get(i)));
                    }
                }
            }
            return;
        }
        if (type instanceof Class<?> cls && !cls.isRecord() && cls != JsonNode.class && cls != Object.class) {
            if (checkScalar(value, cls, path, out)) {
                checkCode(field, value.asText().strip(), path, out);
            }
            return;
        }
        if (field.required() && value.isArray() && value.isEmpty()) {
            out.error(path, "required list is empty");
            return;
        }
        if (type instanceof TypeVariable<?> variable && !bindings.containsKey(variable)) {
            return;
        }
        validate(value, type, bindings, path, out);
    }

    /** Checks a scalar value against its Java type; true when it is acceptable. */
    private static boolean checkScalar(JsonNode value, Class<?> type, JsonPath path, Findings out) {
        if (value.isNull()) {
            return false;
        }
        if (type == String.class) {
            if (!value.isValueNode()) {
                out.error(path, "expected a string, got " + describe(value));
                return false;
            }
            return true;
        }
        if (type == BigDecimal.class) {
            if (value.isNumber()) { // Jackson read a JSON number (as a BigDecimal for fractions): a number by now
                return true;
            }
            return valid(value, path, out, NationalValues::isDecimalText, "expected a number");
        }
        if (type == Integer.class) {
            return valid(value, path, out, t -> NationalValues.parseInteger(t).isPresent(), "expected an integer");
        }
        if (type == Boolean.class) {
            return valid(value, path, out, t -> NationalValues.parseFlag(t).isPresent(), "expected a 0/1 flag");
        }
        if (type == LocalDate.class) {
            return valid(value, path, out, t -> NationalValues.parseDate(t).isPresent(), "invalid date, expected yyyy-MM-dd");
        }
        if (type == LocalDateTime.class) {
            return valid(value, path, out, t -> NationalValues.parseDateTime(t).isPresent(),
                    "invalid date-time, expected yyyy-MM-dd HH:mm:ss");
        }
        throw new IllegalStateException("no scalar check for " + type + " at " + path);
    }

    /** Whether a scalar passes {@code test} (blank text counts as absent); else reports {@code expected}. */
    private static boolean valid(JsonNode value, JsonPath path, Findings out, Predicate<String> test,
                                 String expected) {
        if (value.isValueNode() && (value.isTextual() || value.isNumber() || value.isBoolean()) && test.test(value.asText())) {
            return true;
        }
        if (value.isTextual() && value.asText().isBlank()) {
            return true;
        }
        out.error(path, expected + ", got " + describe(value));
        return false;
    }

    private void checkCode(FieldSchema field, String text, JsonPath path, Findings out) {
        if (field.allowed() != null && !field.allowed().contains(text)) {
            out.error(path, "unknown code " + quote(text) + ", expected one of " + String.join(", ", field.allowed().stream().sorted(
                    (a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b)).toList()));
        }
        if (field.format() != null) {
            checkFormat(field.format(), text, path, catalogs, out);
        }
    }

    /** Format check (warning) and, when a catalog is configured for the format, membership (warning). */
    static void checkFormat(CodeFormat format, String code, JsonPath path, Map<CodeFormat, CodeCatalog> catalogs, Findings out) {
        Optional<String> problem = format.problem(code);
        if (problem.isPresent()) {
            out.warning(path, "invalid code format: " + problem.get());
            return;
        }
        CodeCatalog catalog = catalogs.get(format);
        if (catalog != null && !catalog.contains(code)) {
            out.warning(path, "unknown code " + quote(code) + " (not in " + catalog.system() + ")");
        }
    }

    /** A short description of a JSON value for messages: {@code "abc"}, {@code 12}, {@code an object}. */
    static String describe(JsonNode node) {
        if (node.isTextual()) {
            String t = node.asText();
            return quote(t.length() > 40 ? t.substring(0, 40) + "…" : t);
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.toString();
    }

    static String quote(String text) {
        return '"' + text + '"';
    }
}
