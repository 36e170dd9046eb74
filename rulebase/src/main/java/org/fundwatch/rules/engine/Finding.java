package org.fundwatch.rules.engine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fundwatch.model.Money;
import org.fundwatch.model.Phase;

/**
 * One rule hit (design notes §4). {@link #id()} is deterministic — {@link #idOf} over rule id, subject keys and
 * evidence — so replays and restarts produce the same id and alerts are never duplicated.
 *
 * @param officialCode the national code (GZ…/ZB…), null for classes without one
 * @param evidence     the facts that fired it, in the order the rule gave them
 * @param amountAtRisk 违规金额 (may be zero, e.g. for data-quality findings)
 * @param basis        the national basis text
 */
public record Finding(String id, String ruleId, String ruleName, String officialCode, String packName,
                      String packVersion, String kbVersion, Phase phase, String severity, Subject subject,
                      Map<String, String> evidence, Money amountAtRisk, String basis) {

    /**
     * sha256 of {@code ruleId|patient|encounter|lineId,lineId…|key=value;key=value…} (evidence in its given order), as
     * the first 32 hex digits. Pack and knowledge versions are left out on purpose: a new pack version re-finding the
     * same violation must not raise a second alert.
     */
    public static String idOf(String ruleId, Subject subject, Map<String, String> evidence) {
        // The key's UTF-8 bytes are written into a per-thread buffer and hashed there: no key string, no byte array
        // per finding (building them was a fifth of the engine's allocation).
        KeyHasher hasher = HASHERS.get();
        Utf8Buffer key = hasher.key;
        key.reset();
        key.append(ruleId).append('|').append(subject.patientId()).append('|').append(subject.encounterId()).append('|');
        List<String> lineIds = subject.lineIds();
        for (int i = 0, n = lineIds.size(); i < n; i++) {
            if (i > 0) {
                key.append(',');
            }
            key.append(lineIds.get(i));
        }
        key.append('|');
        for (Map.Entry<String, String> e : evidence.entrySet()) {
            key.append(e.getKey()).append('=').append(e.getValue()).append(';');
        }
        MessageDigest sha256 = hasher.sha256;
        sha256.update(key.bytes(), 0, key.length());
        return HEX.formatHex(sha256.digest(), 0, 16);
    }

    /**
     * A growable byte buffer that appends strings as UTF-8 exactly as {@link String#getBytes} with UTF-8 does (an
     * unpaired surrogate becomes {@code ?}); {@code null} appends {@code "null"}, as {@link StringBuilder} does.
     */
    static final class Utf8Buffer {
        private byte[] bytes = new byte[512];
        private int length;

        void reset() {
            length = 0;
        }

        byte[] bytes() {
            return bytes;
        }

        int length() {
            return length;
        }

        Utf8Buffer append(char c) {
            ensure(3);
            put(c);
            return this;
        }

        Utf8Buffer append(String s) {
            if (s == null) {
                s = "null";
            }
            int n = s.length();
            ensure(n * 3);
            int i = 0;
            // codes, ids and amounts are ASCII: one tight loop while they last, the general one from the first other char
            for (int at = length; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                bytes[at + i] = (byte) c;
            }
            length += i;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    bytes[length++] = (byte) (0xF0 | (cp >> 18));
                    bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    bytes[length++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    put(Character.isSurrogate(c) ? '?' : c);
                }
            }
            return this;
        }

        private void put(char c) {
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            } else {
                bytes[length++] = (byte) (0xE0 | (c >> 12));
                bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }

        private void ensure(int more) {
            if (length + more + 1 > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more + 1));
            }
        }
    }

    /**
     * A thread's key buffer and digest, behind one thread-local lookup. One digest per thread: MessageDigest.getInstance
     * is a provider lookup, costlier than hashing the key.
     */
    private static final class KeyHasher {
        final Utf8Buffer key = new Utf8Buffer();
        final MessageDigest sha256;

        KeyHasher() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ThreadLocal<KeyHasher> HASHERS = ThreadLocal.withInitial(KeyHasher::new);

    private static final HexFormat HEX = HexFormat.of();
}
