package org.fundwatch.generate;

import java.time.LocalDate;

/**
 * Parameters of one generation run. Same parameters and seed give byte-identical output.
 *
 * @param seed        seed of the single {@link java.util.SplittableRandom} all choices derive from
 * @param days        number of simulated days from {@code start}
 * @param patients    number of insured persons
 * @param start       first simulated day
 * @param anomalyRate injected cases per normal encounter (0 disables injection; any positive rate
 *                    injects at least one case of every {@link AnomalyKind})
 * @param preCheckRate share of outpatient/inpatient encounters whose orders are also sent as a 3101 request
 */
public record GeneratorConfig(long seed, int days, int patients, LocalDate start, double anomalyRate,
                              double preCheckRate) {

    public GeneratorConfig {
        if (days < 1) {
            throw new IllegalArgumentException("--days must be at least 1");
        }
        if (patients < 1) {
            throw new IllegalArgumentException("--patients must be at least 1");
        }
        if (anomalyRate < 0 || anomalyRate > 0.5) {
            throw new IllegalArgumentException("--anomaly-rate must be between 0 and 0.5");
        }
        if (preCheckRate < 0 || preCheckRate > 1) {
            throw new IllegalArgumentException("pre-check rate must be between 0 and 1");
        }
    }

    /** A configuration with the default 3101 sampling rate (5%). */
    public static GeneratorConfig of(long seed, int days, int patients, LocalDate start, double anomalyRate) {
        return new GeneratorConfig(seed, days, patients, start, anomalyRate, 0.05);
    }
}
