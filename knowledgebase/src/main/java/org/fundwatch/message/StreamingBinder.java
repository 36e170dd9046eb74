package org.fundwatch.message;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.fundwatch.codes.CodeCatalog;
import org.fundwatch.codes.CodeFormat;
import org.fundwatch.message.RecordSchema.FieldSchema;
import org.fundwatch.message.analysis.AnalysisData;
import org.fundwatch.message.analysis.AnalysisEncounter;
import org.fundwatch.message.analysis.AnalysisOrder;
import org.fundwatch.message.analysis.AnalysisPatient;
import org.fundwatch.message.fee.FeeDetail;
import org.fundwatch.message.analysis.FeedbackInput;

/**
 * Validates and binds a <b>clean</b> request envelope in one streaming pass, without a JSON tree: the common case of
 * a message that the schema walk of {@link MessageValidator} would accept with no problem at all, and that
 * {@link NationalJson#mapper()} would then bind (unknown members of the envelope are listed and skipped, as the walk
 * does). At the first thing it does not accept exactly as it is — any error or warning the validator would report, an
 * unknown member inside the input, an alias, a duplicate member, a value shape the mapper
 * coerces (a number where text is expected, a single object for a list, an exponent), or a record with cross-field
 * checks other than the fee detail's — it gives up and returns null, and {@link MessageParser} reads the message
 * the slow way (tree, schema walk, binding), which reports everything with its path. So the problem report is written
 * in one place, and this class only has to be right about what it accepts: the bound message is equal to what the
 * tree walk binds ({@code StreamingBinderTest} compares both on generated data and on edited messages).
 *
 * <p>Why: in the stream job, reading a fee-detail message into a tree, walking it and binding the tree was most of the
 * parsing cost (a tree node and a map entry per member, then a second pass to bind). Thread-safe.
 */
final class StreamingBinder {
    private final ObjectMapper mapper = NationalJson.mapper();
    /** Reads a member's value as a tree, leaving the rest of the message to this class. */
    private final com.fasterxml.jackson.databind.ObjectReader nodes = mapper.reader()
            .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Map<CodeFormat, CodeCatalog> catalogs;

    StreamingBinder(Map<CodeFormat, CodeCatalog> catalogs) {
        this.catalogs = Map.copyOf(catalogs);
    }

    /**
     * A request bound in one pass, with the paths of the envelope's unknown members (as the tree walk lists them: the
     * platform's {@code output} that 2207 and 2401 messages carry along, local extensions such as {@code mode}).
     */
    record Bound(Transaction transaction, NationalRequest<?> request, List<String> unknownFields) {
    }

    /**
     * The bound request envelope in {@code json[offset..]} (valid UTF-8), or null when it needs the schema walk: not
     * clean, or a transaction that {@code bind} declines.
     */
    Bound request(byte[] json, int offset, Predicate<Transaction> bind) {
        Transaction leading = leadingTransaction(json, offset);
        if (leading != null && (!bind.test(leading) || !Plan.of(leading.inputType()).readable)) {
            return null; // declined before a parser is made (most messages the stream job reads from a tree)
        }
        try (JsonParser p = mapper.getFactory().createParser(json, offset, json.length - offset)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Reading reading = new Reading(bind);
            Object request = record(p, Plan.of(NationalRequest.class), reading);
            if (request == null || p.nextToken() != null) { // trailing tokens are an error for the mapper
                return null;
            }
            return new Bound(reading.transaction, (NationalRequest<?>) request,
                    reading.unknown == null ? List.of() : reading.unknown);
        } catch (IOException | RuntimeException e) {
            return null; // malformed JSON, or anything unexpected: the slow path reports it
        }
    }

    private static final byte[] INFNO_FIRST = "{\"infno\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * The transaction of a message that starts {@code {"infno":"2204"} exactly (as HIS systems write it), else null.
     * Only used to decline early: whatever it says, the pass itself decides what it accepts.
     */
    private static Transaction leadingTransaction(byte[] json, int offset) {
        int start = offset + INFNO_FIRST.length;
        if (json.length < start + 5) {
            return null;
        }
        for (int i = 0; i < INFNO_FIRST.length; i++) {
            if (json[offset + i] != INFNO_FIRST[i]) {
                return null;
            }
        }
        int end = start;
        while (end < json.length && end - start <= 8 && json[end] >= '0' && json[end] <= '9') {
            end++;
        }
        if (end >= json.length || json[end] != '"') {
            return null;
        }
        return Transaction.ofCode(new String(json, start, end - start, java.nio.charset.StandardCharsets.US_ASCII))
                .orElse(null);
    }

    /** State of one message: the transaction, known once {@code infno} was read (it must come before {@code input}). */
    private static final class Reading {
        final Predicate<Transaction> bind;
        Transaction transaction;
        /** Paths of the envelope's unknown members, in document order (null: none). */
        List<String> unknown;

        Reading(Predicate<Transaction> bind) {
            this.bind = bind;
        }
    }

    /** The record at the parser's START_OBJECT, or null to give up. */
    private Object record(JsonParser p, Plan plan, Reading reading) throws IOException {
        if (!plan.supported) {
            return null;
        }
        Object[] args = new Object[plan.fields.length];
        long seen = 0;
        FieldPlan previous = null;
        while (true) {
            FieldPlan field;
            FieldPlan guess = plan.guessAfter(previous);
            if (guess != null && p.nextFieldName(guess.quotedName)) {
                field = guess; // the member that followed last time: its bytes compared, no lookup
            } else {
                if (guess == null) {
                    p.nextToken();
                }
                if (p.currentToken() != JsonToken.FIELD_NAME) {
                    break;
                }
                field = plan.byName.get(p.currentName());
                if (field != null) {
                    plan.learn(previous, field);
                }
            }
            if (field == null && plan.type == NationalRequest.class && skipUnknown(p, reading)) {
                continue; // an envelope's unknown member: the prediction chain goes around it
            }
            previous = field;
            if (field == null || (seen & field.bit) != 0) {
                return null; // unknown member inside the input, alias, or a member given twice
            }
            seen |= field.bit;
            Object value = value(p, p.nextToken(), field, reading);
            if (value == GIVE_UP) {
                return null;
            }
            args[field.index] = value;
            if (field.transactionCode && !transaction(p, (String) value, reading)) {
                return null;
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT || (seen & plan.required) != plan.required) {
            return null;
        }
        if (plan.type == FeeDetail.class && !feeDetailConsistent(args, plan)) {
            return null;
        }
        try {
            return plan.constructor.newInstance(args);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * An unknown member of the envelope: its path listed, its value skipped (read for syntax only). False for an alias
     * (the tree walk binds it) and for a name given twice (the tree keeps the last): left to the slow path.
     */
    private static boolean skipUnknown(JsonParser p, Reading reading) throws IOException {
        String name = p.currentName();
        if (RecordSchema.of(NationalRequest.class).byJsonName().containsKey(name)) {
            return false;
        }
        String path = JsonPath.ROOT.field(name).toString();
        if (reading.unknown == null) {
            reading.unknown = new ArrayList<>(2);
        } else if (reading.unknown.contains(path)) {
            return false;
        }
        reading.unknown.add(path);
        p.nextToken();
        p.skipChildren();
        return true;
    }

    /** {@code infno}: a known transaction written without blanks, which the caller wants bound. */
    private static boolean transaction(JsonParser p, String code, Reading reading) throws IOException {
        if (code == null || !code.equals(p.getText())) {
            return false; // the slow path looks the raw text up (and reports " 2204" as unknown)
        }
        Optional<Transaction> tx = Transaction.ofCode(code);
        if (tx.isEmpty() || !reading.bind.test(tx.get()) || !Plan.of(tx.get().inputType()).readable) {
            return false;
        }
        reading.transaction = tx.get();
        return true;
    }

    /** Marks "give up" among values (null is a valid value). */
    private static final Object GIVE_UP = new Object();

    private Object value(JsonParser p, JsonToken t, FieldPlan field, Reading reading) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return field.required || field.kind == Kind.NODE ? GIVE_UP : null;
        }
        switch (field.kind) {
            case STRING -> {
                if (t != JsonToken.VALUE_STRING) {
                    return GIVE_UP; // a number or flag read as text: the mapper's text may differ from the source's
                }
                String text = p.getText().strip();
                if (text.isEmpty()) {
                    return field.required ? GIVE_UP : null;
                }
                return codeAccepted(field.schema, text) ? text : GIVE_UP;
            }
            case DECIMAL -> {
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    String text = p.getText();
                    // a JSON number as written; with an exponent the tree's text of it differs: leave it to the mapper
                    return text.indexOf('e') >= 0 || text.indexOf('E') >= 0 ? GIVE_UP : new BigDecimal(text);
                }
                return scalar(p, t, field, NationalValues::parseDecimal);
            }
            case INTEGER -> {
                return t == JsonToken.VALUE_NUMBER_FLOAT ? GIVE_UP : scalar(p, t, field, NationalValues::parseInteger);
            }
            case FLAG -> {
                return t == JsonToken.VALUE_NUMBER_FLOAT ? GIVE_UP : scalar(p, t, field, NationalValues::parseFlag);
            }
            case DATE -> {
                return t != JsonToken.VALUE_STRING ? GIVE_UP : scalar(p, t, field, NationalValues::parseDate);
            }
            case DATE_TIME -> {
                return t != JsonToken.VALUE_STRING ? GIVE_UP : scalar(p, t, field, NationalValues::parseDateTime);
            }
            case NODE -> {
                JsonNode node = nodes.readTree(p);
                return field.required && (node.isArray() && node.isEmpty() || node.isTextual() && node.asText().isBlank())
                        ? GIVE_UP : node;
            }
            case RECORD -> {
                return t == JsonToken.START_OBJECT ? orGiveUp(record(p, Plan.of(field.recordType), reading)) : GIVE_UP;
            }
            case INPUT -> {
                if (t != JsonToken.START_OBJECT || reading.transaction == null) {
                    return GIVE_UP;
                }
                return orGiveUp(record(p, Plan.of(reading.transaction.inputType()), reading));
            }
            case RECORD_LIST -> {
                if (t != JsonToken.START_ARRAY) {
                    return GIVE_UP; // a single object read as a list, or text: the slow path
                }
                List<Object> list = new ArrayList<>();
                Plan element = Plan.of(field.recordType);
                JsonToken e;
                while ((e = p.nextToken()) == JsonToken.START_OBJECT) {
                    Object item = record(p, element, reading);
                    if (item == null) {
                        return GIVE_UP;
                    }
                    list.add(item);
                }
                return e != JsonToken.END_ARRAY || field.required && list.isEmpty() ? GIVE_UP : list;
            }
            default -> {
                return GIVE_UP;
            }
        }
    }

    private static Object orGiveUp(Object record) {
        return record == null ? GIVE_UP : record;
    }

    /** A scalar from text (a JSON string, integer or boolean), as the mapper's national deserializers read it. */
    private static Object scalar(JsonParser p, JsonToken t, FieldPlan field,
                                 java.util.function.Function<String, ? extends Optional<?>> parser) throws IOException {
        if (!t.isScalarValue()) {
            return GIVE_UP;
        }
        String text = p.getText();
        if (text.isBlank()) {
            return field.required || t != JsonToken.VALUE_STRING ? GIVE_UP : null;
        }
        Optional<?> value = parser.apply(text);
        return value.isPresent() ? value.get() : GIVE_UP;
    }

    /** The validator's code checks without a warning: the allowed values, the code format, catalogue membership. */
    private boolean codeAccepted(FieldSchema field, String code) {
        if (field.allowed() != null && !field.allowed().contains(code)) {
            return false;
        }
        return field.format() == null || formatAccepted(field.format(), code);
    }

    private boolean formatAccepted(CodeFormat format, String code) {
        if (format.problem(code).isPresent()) {
            return false;
        }
        CodeCatalog catalog = catalogs.get(format);
        return catalog == null || catalog.contains(code);
    }

    /** {@link ConsistencyChecks} on a fee detail, without a warning: amounts that add up, a code of its list's form. */
    private boolean feeDetailConsistent(Object[] args, Plan plan) {
        BigDecimal quantity = (BigDecimal) args[plan.quantity];
        BigDecimal price = (BigDecimal) args[plan.price];
        BigDecimal total = (BigDecimal) args[plan.total];
        if (quantity != null && price != null && total != null
                && quantity.multiply(price).subtract(total).abs().compareTo(ConsistencyChecks.AMOUNT_TOLERANCE) > 0) {
            return false;
        }
        String code = (String) args[plan.itemCode];
        if (code == null) {
            return true;
        }
        CodeFormat format = switch (code.charAt(0)) {
            case 'X', 'Z' -> CodeFormat.DRUG;
            case 'C' -> CodeFormat.CONSUMABLE;
            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> CodeFormat.SERVICE_ITEM;
            default -> null;
        };
        return format == null || formatAccepted(format, code);
    }

    private enum Kind { STRING, DECIMAL, INTEGER, FLAG, DATE, DATE_TIME, NODE, RECORD, RECORD_LIST, INPUT, UNSUPPORTED }

    /**
     * How one member is read. {@code next}: the index of the member that followed this one in the last record read
     * where it changed (-1: not seen yet), which the reader tries first (see {@link Plan#learn}).
     */
    private static final class FieldPlan {
        final int index;
        final long bit;
        final FieldSchema schema;
        final Kind kind;
        final Class<?> recordType;
        final boolean required;
        final boolean transactionCode;
        /** The member's name as quoted UTF-8, compared with the input's bytes by {@link JsonParser#nextFieldName}. */
        final SerializedString quotedName;
        int next = -1;

        FieldPlan(int index, long bit, FieldSchema schema, Kind kind, Class<?> recordType, boolean required,
                  boolean transactionCode) {
            this.index = index;
            this.bit = bit;
            this.schema = schema;
            this.kind = kind;
            this.recordType = recordType;
            this.required = required;
            this.transactionCode = transactionCode;
            this.quotedName = new SerializedString(schema.name());
        }
    }

    /** How one record type is read: its members by primary JSON name (aliases are left to the slow path). */
    private static final class Plan {
        /** Records whose cross-field checks this class does not repeat: their messages take the slow path. */
        private static final List<Class<?>> CROSS_CHECKED = List.of(AnalysisData.class, AnalysisOrder.class,
                AnalysisEncounter.class, AnalysisPatient.class, FeedbackInput.Warning.class);

        private static final ClassValue<Plan> PLANS = new ClassValue<>() {
            @Override
            protected Plan computeValue(Class<?> type) {
                return new Plan(type);
            }
        };

        final Class<?> type;
        final FieldPlan[] fields;
        /** The index of the member that came first in the last record read where it changed; -1: none yet. */
        int first = -1;
        final Map<String, FieldPlan> byName = new HashMap<>();
        final long required;
        final boolean supported;
        /** Whether this record and every record in it can be read here: else a message gives up at its infno. */
        final boolean readable;
        final Constructor<?> constructor;
        final int quantity;
        final int price;
        final int total;
        final int itemCode;

        static Plan of(Class<?> type) {
            return PLANS.get(type);
        }

        private Plan(Class<?> type) {
            this.type = type;
            RecordSchema schema = RecordSchema.of(type);
            List<FieldSchema> schemaFields = schema.fields();
            fields = new FieldPlan[schemaFields.size()];
            long requiredBits = 0;
            boolean ok = schemaFields.size() <= 64 && !CROSS_CHECKED.contains(type);
            for (int i = 0; i < fields.length; i++) {
                FieldSchema f = schemaFields.get(i);
                Kind kind = f.ruleIds() ? Kind.UNSUPPORTED : kindOf(f.type());
                Class<?> recordType = kind == Kind.RECORD ? (Class<?>) f.type()
                        : kind == Kind.RECORD_LIST ? (Class<?>) ((ParameterizedType) f.type()).getActualTypeArguments()[0]
                        : null;
                boolean transactionCode = type == NationalRequest.class && "infno".equals(f.name());
                fields[i] = new FieldPlan(i, 1L << i, f, kind, recordType, f.required(), transactionCode);
                byName.put(f.name(), fields[i]);
                if (f.required()) {
                    requiredBits |= 1L << i;
                }
            }
            required = requiredBits;
            Constructor<?> canonical = null;
            try {
                Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                        .toArray(Class<?>[]::new);
                canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                ok = false;
            }
            constructor = canonical;
            supported = ok;
            boolean nested = true;
            for (FieldPlan f : fields) { // message records do not contain themselves: this recursion ends
                nested &= f.recordType == null || Plan.of(f.recordType).readable;
            }
            readable = ok && nested;
            quantity = indexOf("cnt");
            price = indexOf("pric");
            total = indexOf("det_item_fee_sumamt");
            itemCode = indexOf("med_list_codg");
        }

        /**
         * Remembers that {@code field} followed {@code previous} (null: came first), for the next record's reader to
         * try first. Why: one hospital system writes every record of a type with the same members in the same order,
         * so the prediction is right for nearly every member, and a right prediction costs a comparison of the input's
         * bytes with the quoted name instead of hashing the name into Jackson's symbol table and then a map lookup
         * (~7 % of the stream job's CPU). A wrong one costs what the lookup cost before. The plans are shared by
         * threads: these plain int writes race, and whichever prediction a reader sees is only tried, never trusted.
         */
        /** The member to try after {@code previous} (null: the first member); null when there is no guess yet. */
        FieldPlan guessAfter(FieldPlan previous) {
            int guess = previous == null ? first : previous.next;
            return guess < 0 ? null : fields[guess];
        }

        void learn(FieldPlan previous, FieldPlan field) {
            if (previous == null) {
                first = field.index;
            } else {
                previous.next = field.index;
            }
        }

        private int indexOf(String name) {
            FieldPlan f = byName.get(name);
            return f == null ? -1 : f.index;
        }

        private static Kind kindOf(Type type) {
            if (type instanceof TypeVariable<?>) {
                return Kind.INPUT; // NationalRequest's input: the transaction's input record
            }
            if (type instanceof ParameterizedType parameterized) {
                Type[] arguments = parameterized.getActualTypeArguments();
                return parameterized.getRawType() == List.class && arguments[0] instanceof Class<?> element
                        && element.isRecord() ? Kind.RECORD_LIST : Kind.UNSUPPORTED;
            }
            Class<?> cls = (Class<?>) type;
            if (cls == String.class) {
                return Kind.STRING;
            } else if (cls == BigDecimal.class) {
                return Kind.DECIMAL;
            } else if (cls == Integer.class) {
                return Kind.INTEGER;
            } else if (cls == Boolean.class) {
                return Kind.FLAG;
            } else if (cls == LocalDate.class) {
                return Kind.DATE;
            } else if (cls == LocalDateTime.class) {
                return Kind.DATE_TIME;
            } else if (cls == JsonNode.class) {
                return Kind.NODE;
            } else if (cls.isRecord()) {
                return Kind.RECORD;
            }
            return Kind.UNSUPPORTED;
        }
    }
}
