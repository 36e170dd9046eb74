package org.fundwatch.generate;

/**
 * The split of an encounter's total between the pooled fund, the personal account and cash, in fen.
 * Ratios are simplified regional policy (no deductible or caps): 职工 60% outpatient, 75% 门诊慢特病,
 * 85% inpatient; 居民 50% / 60% / 70%; pharmacy purchases paid from the personal account; 10 points
 * less for 异地就医. They are sample parameters, not any region's real policy.
 */
record Settlement(long totalFen, long poolFen, int poolBasisPoints, long accountFen, long cashFen, long balanceFen) {

    static Settlement of(Encounter e) {
        long total = e.totalFen();
        boolean employee = "310".equals(e.person.insuranceType);
        int bp = switch (e.kind) {
            case OUTPATIENT, INTERNET -> employee ? 6000 : 5000;
            case CHRONIC -> employee ? 7500 : 6000;
            case PHARMACY -> 0;
            case INPATIENT -> employee ? 8500 : 7000;
        };
        if (bp > 0 && e.offsite()) {
            bp -= 1000;
        }
        long pool = Money.share(total, bp);
        long personal = total - pool;
        long account = employee ? Math.min(personal, e.person.accountBalanceFen) : 0;
        return new Settlement(total, pool, bp, account, personal - account, e.person.accountBalanceFen - account);
    }

    long personalFen() {
        return totalFen - poolFen;
    }
}
