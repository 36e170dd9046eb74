package org.fundwatch.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.TypeVariable;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.fundwatch.codes.CodeCatalog;
import org.fundwatch.codes.CodeFormat;
import org.fundwatch.message.MessageValidator.Findings;

/**
 * Reads national messages into typed records and never throws on bad input: the result holds
 * either the message or every problem found, each with its JSON path and a clear reason.
 *
 * <pre>{@code
 * ParseResult r = new MessageParser().parse(bytes);
 * if (r.isOk()) {
 *     AnalysisInput in = r.request(AnalysisInput.class).input();
 * } else {
 *     deadLetter(r.summary());
 * }
 * }</pre>
 *
 * <p>Steps: (1) encoding — the national platform mandates UTF-8, so bytes that are not valid UTF-8
 * are <b>rejected, not transcoded</b> ("not UTF-8 (GBK?)" when they decode as GB18030): guessing
 * an encoding would silently corrupt names and codes on the few inputs where GBK and UTF-8 readings
 * are both valid, and it would hide a misconfigured HIS that must be fixed at the source; a UTF-8
 * BOM is skipped. (2) syntax — truncated or malformed JSON is reported with line and column.
 * (3) dispatch on {@code infno}. (4) the schema walk of {@link MessageValidator}: types, required
 * fields, dates, code formats, catalog membership, cross-field checks. (5) binding with
 * {@link NationalJson#mapper()} when no error was found.
 *
 * <p>Steps 2–5 first run as one streaming pass ({@link StreamingBinder}) that accepts only a clean
 * message — no problem at all, no unknown member below the envelope — and binds it without building a JSON tree; at the
 * first thing it does not accept as it is, the message goes through the steps above, which write the
 * problem report. Both paths bind equal messages.
 *
 * <p>Immutable and thread-safe; create one per set of catalogs and share it.
 */
public final class MessageParser {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private final ObjectMapper mapper = NationalJson.mapper();
    private final MessageValidator validator;
    private final StreamingBinder binder;

    /** A parser that checks code formats but not catalog membership. */
    public MessageParser() {
        this(Map.of());
    }

    /**
     * A parser that also reports well-formed codes missing from the given catalogs, e.g.
     * {@code Map.of(CodeFormat.DIAGNOSIS, icd10, CodeFormat.PROCEDURE, icd9)}.
     */
    public MessageParser(Map<CodeFormat, ? extends CodeCatalog> catalogs) {
        this.validator = new MessageValidator(Map.copyOf(catalogs));
        this.binder = new StreamingBinder(Map.copyOf(catalogs));
    }

    /** Parses a request envelope; the transaction is taken from its {@code infno}. */
    public ParseResult parse(byte[] json) {
        return parse(json, BIND_ALL);
    }

    private static final Predicate<Transaction> BIND_ALL = tx -> true;

    /**
     * Parses and validates a request envelope like {@link #parse(byte[])}, but binds it to its typed form only when
     * {@code bind} accepts its transaction; otherwise the accepted result holds just the validated {@link
     * ParseResult#tree()} (and a bound one holds no tree). For callers that read a few fields of most transactions (the stream job reads five of a
     * settlement): binding a tree costs about as much as building it.
     */
    public ParseResult parse(byte[] json, Predicate<Transaction> bind) {
        boolean utf8 = json != null && json.length > 0 && firstInvalidUtf8(json, bomLength(json)) < 0;
        // the clean message, read and bound in one pass; anything else (and every problem report) by the tree walk
        StreamingBinder.Bound bound = utf8 ? binder.request(json, bomLength(json), bind) : null;
        if (bound != null) {
            return new ParseResult(ParseResult.Kind.REQUEST, bound.transaction(), bound.request(), null, List.of(),
                    bound.unknownFields());
        }
        return parseByTree(json, bind, utf8);
    }

    /** Steps 1–5 as written (tree, schema walk, binding): the problem report, and the reference for the one pass. */
    ParseResult parseByTree(byte[] json, Predicate<Transaction> bind) {
        return parseByTree(json, bind, false);
    }

    private ParseResult parseByTree(byte[] json, Predicate<Transaction> bind, boolean utf8Checked) {
        Findings findings = new Findings();
        Optional<JsonNode> root = read(json, findings, utf8Checked);
        return root.isEmpty() ? findings.result(ParseResult.Kind.REQUEST, null, null) : request(root.get(), findings, bind);
    }

    /** The one streaming pass alone: the bound clean message, or null (package-private for its tests). */
    StreamingBinder.Bound parseInOnePass(byte[] json, Predicate<Transaction> bind) {
        return json == null || json.length == 0 || firstInvalidUtf8(json, bomLength(json)) >= 0 ? null
                : binder.request(json, bomLength(json), bind);
    }

    /** Parses a request envelope given as text. */
    public ParseResult parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a bare {@code input} node (e.g. {@code {"data": …}}) of the transaction {@code infno}. */
    public ParseResult parse(String infno, byte[] input) {
        Optional<Transaction> tx = Transaction.ofCode(infno);
        if (tx.isEmpty()) {
            return unknownInfno(ParseResult.Kind.INPUT, "infno", infno);
        }
        Findings findings = new Findings();
        Optional<JsonNode> root = read(input, findings);
        if (root.isEmpty()) {
            return findings.result(ParseResult.Kind.INPUT, tx.get(), null);
        }
        return body(ParseResult.Kind.INPUT, tx.get(), root.get(), mapper.constructType(tx.get().inputType()),
                tx.get().inputType(), Map.of(), findings);
    }

    /** Parses a bare {@code input} node given as text. */
    public ParseResult parse(String infno, String input) {
        return parse(infno, input.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a response envelope of the transaction {@code infno} (responses carry no infno). */
    public ParseResult parseResponse(String infno, byte[] json) {
        Optional<Transaction> tx = Transaction.ofCode(infno);
        if (tx.isEmpty()) {
            return unknownInfno(ParseResult.Kind.RESPONSE, "infno", infno);
        }
        Findings findings = new Findings();
        Optional<JsonNode> root = read(json, findings);
        if (root.isEmpty()) {
            return findings.result(ParseResult.Kind.RESPONSE, tx.get(), null);
        }
        Class<?> output = tx.get().outputType();
        JavaType type = mapper.getTypeFactory().constructParametricType(NationalResponse.class, output);
        return body(ParseResult.Kind.RESPONSE, tx.get(), root.get(), type, NationalResponse.class,
                Map.of(NationalResponse.class.getTypeParameters()[0], output), findings);
    }

    /** Parses a response envelope given as text. */
    public ParseResult parseResponse(String infno, String json) {
        return parseResponse(infno, json.getBytes(StandardCharsets.UTF_8));
    }

    // --- steps -------------------------------------------------------------------------------

    private ParseResult request(JsonNode root, Findings findings, Predicate<Transaction> bind) {
        if (!root.isObject()) {
            findings.error(JsonPath.ROOT, "expected a request envelope object, got " + MessageValidator.describe(root));
            return findings.result(ParseResult.Kind.REQUEST, null, null);
        }
        JsonNode infno = root.get("infno");
        if (infno == null || infno.isNull() || infno.asText().isBlank()) {
            findings.error(JsonPath.ROOT.field("infno"), infno == null ? "missing required field" : "required field is empty");
            return findings.result(ParseResult.Kind.REQUEST, null, null);
        }
        Optional<Transaction> tx = Transaction.ofCode(infno.asText());
        if (tx.isEmpty()) {
            return unknownInfno(ParseResult.Kind.REQUEST, "$.infno", infno.asText());
        }
        Class<?> input = tx.get().inputType();
        JavaType type = bind.test(tx.get())
                ? mapper.getTypeFactory().constructParametricType(NationalRequest.class, input) : null;
        return body(ParseResult.Kind.REQUEST, tx.get(), root, type, NationalRequest.class,
                Map.of(NationalRequest.class.getTypeParameters()[0], input), findings);
    }

    /** Validates {@code root}, then binds it to {@code bindType} (null: keep only the validated tree). */
    private ParseResult body(ParseResult.Kind kind, Transaction tx, JsonNode root, JavaType bindType, Class<?> schemaType,
            Map<TypeVariable<?>, java.lang.reflect.Type> bindings, Findings findings) {
        validator.validate(root, schemaType, bindings, JsonPath.ROOT, findings);
        if (findings.hasErrors() || bindType == null) {
            return findings.result(kind, tx, null, root);
        }
        try {
            Object message = mapper.treeToValue(root, bindType);
            return findings.result(kind, tx, message, null); // bound: the typed message, no tree (as the one-pass read)
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // The schema walk accepts exactly what the mapper binds; reaching this is a bug, reported, not thrown.
            findings.error(JsonPath.ROOT, "cannot bind message: " + e.getMessage());
            return findings.result(kind, tx, null);
        }
    }

    private ParseResult unknownInfno(ParseResult.Kind kind, String path, String infno) {
        Findings findings = new Findings();
        findings.problems.add(Problem.error(path, "unknown infno " + (infno == null ? "null" : MessageValidator.quote(infno))
                + " (supported: " + Transaction.supportedCodes() + ")"));
        return findings.result(kind, null, null);
    }

    /** Encoding and syntax: the JSON tree, or empty with the problem recorded. */
    private Optional<JsonNode> read(byte[] json, Findings findings) {
        return read(json, findings, false);
    }

    /** {@link #read(byte[], Findings)}; {@code utf8Checked}: the caller found the bytes valid UTF-8 already. */
    private Optional<JsonNode> read(byte[] json, Findings findings, boolean utf8Checked) {
        if (json == null || json.length == 0) {
            findings.error(JsonPath.ROOT, "empty message");
            return Optional.empty();
        }
        int offset = bomLength(json);
        Optional<String> encoding = utf8Checked ? Optional.empty() : checkUtf8(json, offset);
        if (encoding.isPresent()) {
            findings.error(JsonPath.ROOT, encoding.get());
            return Optional.empty();
        }
        try {
            JsonNode root = mapper.readTree(json, offset, json.length - offset);
            if (root == null || root.isMissingNode()) {
                findings.error(JsonPath.ROOT, "empty message");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (StreamReadException e) {
            findings.error(JsonPath.ROOT, syntaxReason(e));
        } catch (IOException e) {
            findings.error(JsonPath.ROOT, "unreadable JSON: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** 3 when the message starts with a UTF-8 byte order mark (skipped), else 0. */
    private static int bomLength(byte[] json) {
        return json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB && (json[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    private static String syntaxReason(StreamReadException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String what = e.getOriginalMessage();
        int nl = what.indexOf('\n');
        what = nl > 0 ? what.substring(0, nl) : what;
        if (e instanceof JsonEOFException) {
            return "truncated JSON: unexpected end of input" + where + " (" + what + ")";
        }
        return "malformed JSON" + where + ": " + what;
    }

    /** Empty when the bytes are valid UTF-8, else the reason. */
    static Optional<String> checkUtf8(byte[] bytes, int offset) {
        int position = firstInvalidUtf8(bytes, offset);
        if (position < 0) {
            return Optional.empty();
        }
        String gbk = decodes(bytes, offset, GB18030) ? " (GBK?)" : "";
        return Optional.of("not UTF-8" + gbk + ": invalid byte 0x" + String.format("%02X", bytes[position] & 0xFF)
                + " at offset " + position + "; the national interface requires UTF-8, re-send the message encoded as UTF-8");
    }

    /**
     * The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no overlong forms, no
     * surrogates, nothing above U+10FFFF), or -1. A validating scan without decoding: every message passes through it,
     * and ASCII — nearly all of a national message — costs one comparison per byte.
     */
    static int firstInvalidUtf8(byte[] b, int from) {
        int i = from;
        int n = b.length;
        while (i < n) {
            // ASCII (field names, codes, numbers: most of a message) eight bytes at a time
            while (i + 8 <= n && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
                i += 8;
            }
            if (i >= n) {
                break;
            }
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xFF;
            int continuation;
            int low = 0x80;
            int high = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                continuation = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                continuation = 2;
                low = c == 0xE0 ? 0xA0 : 0x80;   // no overlong 3-byte forms
                high = c == 0xED ? 0x9F : 0xBF;  // no UTF-16 surrogates
            } else if (c >= 0xF0 && c <= 0xF4) {
                continuation = 3;
                low = c == 0xF0 ? 0x90 : 0x80;   // no overlong 4-byte forms
                high = c == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
            } else {
                return i;
            }
            if (i + continuation >= n) {
                return i;
            }
            int second = b[i + 1] & 0xFF;
            if (second < low || second > high) {
                return i;
            }
            for (int k = 2; k <= continuation; k++) {
                int next = b[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += continuation + 1;
        }
        return -1;
    }

    private static boolean decodes(byte[] bytes, int offset, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
