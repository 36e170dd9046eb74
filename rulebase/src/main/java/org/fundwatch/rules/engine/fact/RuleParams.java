package org.fundwatch.rules.engine.fact;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fundwatch.rules.source.RuleMetadata;

/**
 * The parameters of every rule of a pack ({@code params:} in the rule metadata), inserted as a fact so that DRL
 * conditions read thresholds from the metadata instead of literals: a region changes a threshold by publishing a new
 * pack version with other metadata, without touching the DRL. Parsed once per compiled pack; immutable, shared.
 * Every accessor takes the default the rule falls back to when its metadata names no value.
 */
public final class RuleParams {
    private final Map<String, String> text = new HashMap<>();
    private final Map<String, BigDecimal> numbers = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();

    public RuleParams(Iterable<RuleMetadata> rules) {
        for (RuleMetadata r : rules) {
            r.params().forEach((key, value) -> {
                String k = r.id() + "/" + key;
                text.put(k, value);
                lists.put(k, Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList());
                try {
                    numbers.put(k, new BigDecimal(value.strip()));
                } catch (NumberFormatException notANumber) {
                    // a text or list parameter
                }
            });
        }
    }

    /** The decimal parameter {@code key} of {@code rule}, else {@code fallback}. */
    public BigDecimal decimal(String rule, String key, String fallback) {
        BigDecimal v = numbers.get(rule + "/" + key);
        return v != null ? v : new BigDecimal(fallback);
    }

    /** The integer parameter {@code key} of {@code rule}, else {@code fallback}. */
    public long integer(String rule, String key, long fallback) {
        BigDecimal v = numbers.get(rule + "/" + key);
        return v != null ? v.longValue() : fallback;
    }

    /** The list parameter {@code key} of {@code rule} (a YAML list), else {@code fallback} (comma-separated). */
    public List<String> list(String rule, String key, String fallback) {
        List<String> v = lists.get(rule + "/" + key);
        return v != null ? v : Arrays.stream(fallback.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether {@code code} from character {@code offset} on starts with one of the list parameter's prefixes. */
    public boolean anyPrefix(String rule, String key, String code, int offset, String fallback) {
        if (code == null || code.length() <= offset) {
            return false;
        }
        for (String prefix : list(rule, key, fallback)) {
            if (code.startsWith(prefix, offset)) {
                return true;
            }
        }
        return false;
    }

    /** The parameter as text, else {@code fallback}. */
    public String text(String rule, String key, String fallback) {
        return text.getOrDefault(rule + "/" + key, fallback);
    }

    /**
     * For a map-like list parameter of {@code key=value|value} entries (e.g. {@code V08=0021|0022}): the values of the
     * first entry whose key {@code code} starts with from character {@code offset}; null when none does.
     */
    public List<String> mapped(String rule, String key, String code, int offset, String fallback) {
        if (code == null || code.length() <= offset) {
            return null;
        }
        for (String entry : list(rule, key, fallback)) {
            int eq = entry.indexOf('=');
            if (eq > 0 && code.startsWith(entry.substring(0, eq).strip(), offset)) {
                return Arrays.stream(entry.substring(eq + 1).split("\\|")).map(String::strip).filter(v -> !v.isEmpty())
                        .toList();
            }
        }
        return null;
    }

    /** Whether {@code code} starts with one of {@code prefixes} (false for null arguments). */
    public static boolean startsWithAny(String code, List<String> prefixes) {
        return code != null && prefixes != null && prefixes.stream().anyMatch(code::startsWith);
    }
}
