package org.fundwatch.gateway;

import java.nio.file.Path;

/** Public access to {@link GatewayTestSupport} for tests in other packages. */
public final class TestFixtures {
    private TestFixtures() {
    }

    public static byte[] sample() {
        return GatewayTestSupport.sample();
    }

    public static Path kbDir() {
        return GatewayTestSupport.kbDir();
    }

    public static Path nationalPack() {
        return GatewayTestSupport.nationalPack();
    }

    public static org.fundwatch.rules.engine.RuleEngine engine() {
        return GatewayTestSupport.engine();
    }
}
