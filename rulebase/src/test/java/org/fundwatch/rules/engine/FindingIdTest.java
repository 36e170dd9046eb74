package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Finding ids hash the key's UTF-8 bytes from a reused buffer: the same ids as hashing the key string's
 * {@code getBytes(UTF_8)} (how alerts already stored were identified), for Chinese text, supplementary characters,
 * unpaired surrogates, nulls and long keys.
 */
class FindingIdTest {
    @Test
    void sameIdsAsHashingTheKeyString() throws Exception {
        Random random = new Random(11);
        String[] samples = {"药品区分性别使用", "明细", "", "L1", "\uD83D\uDE00", "\uD800", "a\uDC00b", "\uD800\uD800x", "é", null};
        for (int i = 0; i < 5_000; i++) {
            List<String> lines = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                lines.add("L" + random.nextInt(1000) + pick(samples, random));
            }
            Map<String, String> evidence = new LinkedHashMap<>();
            for (int k = random.nextInt(6); k > 0; k--) {
                StringBuilder v = new StringBuilder();
                for (int c = random.nextInt(i % 100 == 0 ? 400 : 8); c > 0; c--) {
                    v.append(random.nextInt(3) == 0 ? pick(samples, random) : (char) random.nextInt(0x10000));
                }
                evidence.put("k" + k + pick(samples, random), v.toString());
            }
            Subject subject = new Subject("P" + pick(samples, random), "E" + i, lines, null, null);
            assertEquals(reference("rule-" + i, subject, evidence), Finding.idOf("rule-" + i, subject, evidence));
        }
    }

    private static String pick(String[] samples, Random random) {
        return samples[random.nextInt(samples.length)];
    }

    /** The id as computed before the buffer: the key as a string, its UTF-8 bytes, SHA-256, 16 bytes in hex. */
    private static String reference(String ruleId, Subject subject, Map<String, String> evidence) throws Exception {
        StringBuilder key = new StringBuilder().append(ruleId).append('|').append(subject.patientId()).append('|')
                .append(subject.encounterId()).append('|');
        for (int i = 0; i < subject.lineIds().size(); i++) {
            key.append(i == 0 ? "" : ",").append(subject.lineIds().get(i));
        }
        key.append('|');
        evidence.forEach((k, v) -> key.append(k).append('=').append(v).append(';'));
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 16);
    }
}
