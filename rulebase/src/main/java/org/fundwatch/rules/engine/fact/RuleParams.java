package org.fundwatch.rules.engine.fact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fundwatch.rules.source.RuleMetadata;

/**
 * The parameters of every rule of a pack ({@code params:} in the rule metadata), inserted as a fact so that DRL
 * conditions read thresholds from the metadata instead of literals: a region changes a threshold by publishing a new
 * pack version with other metadata, without touching the DRL. Parsed once per compiled pack; immutable, shared.
 * Every accessor takes the default the rule falls back to when its metadata names no value.
 *
 * <p>Conditions call these accessors once per candidate fact and evaluation, so they are lookups without allocation:
 * parameters are parsed once (number, list, {@code key=value|value} entries) into a map per rule, and the DRL's
 * fallback literals are parsed once and cached by their text.
 */
public final class RuleParams {
    /** Parsed fallback literals, shared by every pack (the DRL's literals: a few dozen strings). */
    private static final Map<String, Value> FALLBACKS = new ConcurrentHashMap<>();

    private final Map<String, Map<String, Value>> byRule = new HashMap<>();

    /** One parameter value in every form a rule may read it. */
    private record Value(String text, BigDecimal number, List<String> list, List<Entry> entries) {
        static Value parse(String text) {
            List<String> list = Arrays.stream(text.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
            BigDecimal number;
            try {
                number = new BigDecimal(text.strip());
            } catch (NumberFormatException notANumber) {
                number = null; // a text or list parameter
            }
            List<Entry> entries = new ArrayList<>();
            for (String entry : list) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    entries.add(new Entry(entry.substring(0, eq).strip(), Arrays.stream(entry.substring(eq + 1)
                            .split("\\|")).map(String::strip).filter(v -> !v.isEmpty()).toList()));
                }
            }
            return new Value(text, number, list, List.copyOf(entries));
        }
    }

    /** A {@code key=value|value} entry of a map-like list parameter. */
    private record Entry(String key, List<String> values) {}

    public RuleParams(Iterable<RuleMetadata> rules) {
        for (RuleMetadata r : rules) {
            Map<String, Value> values = new HashMap<>();
            r.params().forEach((key, value) -> values.put(key, Value.parse(value)));
            if (!values.isEmpty()) {
                byRule.put(r.id(), Map.copyOf(values));
            }
        }
    }

    /**
     * Resolved lookups by the identity of their argument strings: a condition passes the same literal strings on every
     * call (DRL literals are constants), so after the first call a lookup is an identity check in a small
     * direct-mapped table instead of two hash-map lookups and string comparisons per candidate fact. Entries are
     * immutable and replaced, never changed, so racing threads at worst resolve the same lookup twice.
     */
    private final Resolved[] resolved = new Resolved[RESOLVED_SLOTS];
    private static final int RESOLVED_SLOTS = 512;

    /** What {@code (rule, key, fallback)} resolves to: the rule's value (null when it names none) and the fallback's. */
    private record Resolved(String rule, String key, String fallback, Value value, Value fallbackValue) {}

    private Resolved resolve(String rule, String key, String fallback) {
        int slot = (System.identityHashCode(rule) * 31 + System.identityHashCode(key)) * 31
                + (fallback == null ? 0 : System.identityHashCode(fallback));
        slot = (slot ^ (slot >>> 16)) & (RESOLVED_SLOTS - 1);
        Resolved r = resolved[slot];
        if (r != null && r.rule() == rule && r.key() == key && r.fallback() == fallback) {
            return r;
        }
        Map<String, Value> values = byRule.get(rule);
        r = new Resolved(rule, key, fallback, values == null ? null : values.get(key),
                fallback == null ? null : fallback(fallback));
        resolved[slot] = r;
        return r;
    }

    private Value value(String rule, String key) {
        return resolve(rule, key, null).value();
    }

    private static Value fallback(String text) {
        Value v = FALLBACKS.get(text);
        return v != null ? v : FALLBACKS.computeIfAbsent(text, Value::parse);
    }

    /** The decimal parameter {@code key} of {@code rule}, else {@code fallback}. */
    public BigDecimal decimal(String rule, String key, String fallback) {
        Resolved r = resolve(rule, key, fallback);
        Value v = r.value();
        if (v != null && v.number() != null) {
            return v.number();
        }
        BigDecimal parsed = r.fallbackValue().number();
        return parsed != null ? parsed : new BigDecimal(fallback); // not a number: the same exception as ever
    }

    /** The integer parameter {@code key} of {@code rule}, else {@code fallback}. */
    public long integer(String rule, String key, long fallback) {
        Value v = value(rule, key);
        return v != null && v.number() != null ? v.number().longValue() : fallback;
    }

    /** The list parameter {@code key} of {@code rule} (a YAML list), else {@code fallback} (comma-separated). */
    public List<String> list(String rule, String key, String fallback) {
        Resolved r = resolve(rule, key, fallback);
        return (r.value() != null ? r.value() : r.fallbackValue()).list();
    }

    /** Whether {@code code} from character {@code offset} on starts with one of the list parameter's prefixes. */
    public boolean anyPrefix(String rule, String key, String code, int offset, String fallback) {
        if (code == null || code.length() <= offset) {
            return false;
        }
        List<String> prefixes = list(rule, key, fallback);
        for (int i = 0, n = prefixes.size(); i < n; i++) {
            if (code.startsWith(prefixes.get(i), offset)) {
                return true;
            }
        }
        return false;
    }

    /** The parameter as text, else {@code fallback}. */
    public String text(String rule, String key, String fallback) {
        Value v = value(rule, key);
        return v != null ? v.text() : fallback;
    }

    /**
     * For a map-like list parameter of {@code key=value|value} entries (e.g. {@code V08=0021|0022}): the values of the
     * first entry whose key {@code code} starts with from character {@code offset}; null when none does.
     */
    public List<String> mapped(String rule, String key, String code, int offset, String fallback) {
        if (code == null || code.length() <= offset) {
            return null;
        }
        Resolved r = resolve(rule, key, fallback);
        List<Entry> entries = (r.value() != null ? r.value() : r.fallbackValue()).entries();
        for (int i = 0, n = entries.size(); i < n; i++) {
            Entry e = entries.get(i);
            if (code.startsWith(e.key(), offset)) {
                return e.values();
            }
        }
        return null;
    }

    /** Whether {@code code} starts with one of {@code prefixes} (false for null arguments). */
    public static boolean startsWithAny(String code, List<String> prefixes) {
        if (code == null || prefixes == null) {
            return false;
        }
        for (int i = 0, n = prefixes.size(); i < n; i++) {
            if (code.startsWith(prefixes.get(i))) {
                return true;
            }
        }
        return false;
    }
}
