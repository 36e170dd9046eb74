package org.fundwatch.gateway.cli;

import java.nio.file.Path;

/** Bridges to the gateway test fixtures (package-private there). */
final class AuditFixtures {
    private AuditFixtures() {
    }

    static byte[] sample() {
        return org.fundwatch.gateway.TestFixtures.sample();
    }

    static Path kbDir() {
        return org.fundwatch.gateway.TestFixtures.kbDir();
    }

    static Path nationalPack() {
        return org.fundwatch.gateway.TestFixtures.nationalPack();
    }
}
