package org.fundwatch.rules.engine;

import java.nio.charset.StandardCharsets;
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
        StringBuilder key = new StringBuilder(256).append(ruleId).append('|').append(subject.patientId()).append('|')
                .append(subject.encounterId()).append('|');
        List<String> lineIds = subject.lineIds();
        for (int i = 0, n = lineIds.size(); i < n; i++) {
            key.append(i == 0 ? "" : ",").append(lineIds.get(i));
        }
        key.append('|');
        for (Map.Entry<String, String> e : evidence.entrySet()) {
            key.append(e.getKey()).append('=').append(e.getValue()).append(';');
        }
        // One digest per thread: MessageDigest.getInstance is a provider lookup, costlier than hashing the key.
        MessageDigest sha256 = SHA256.get();
        byte[] hash = sha256.digest(key.toString().getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(hash, 0, 16);
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
}
