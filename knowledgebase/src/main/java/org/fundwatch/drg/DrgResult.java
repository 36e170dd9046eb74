package org.fundwatch.drg;

/**
 * What the grouper assigned to one case.
 *
 * <ul>
 *   <li>grouped: {@code mdc = "MDCG"}, {@code adrg = "GC1"}, {@code drg = "GC13"};</li>
 *   <li>歧义组 (principal diagnosis and principal OR procedure do not match within the MDC):
 *       {@code adrg = drg = "GQY"};</li>
 *   <li>ungroupable (no MDC, or an MDC whose ADRGs all reject the case): {@code drg = "0000"} with the MDC
 *       when one was entered.</li>
 * </ul>
 * {@code reason} always explains the outcome in Chinese (e.g. {@code 主诊断为灰码 I10.x05}).
 */
public record DrgResult(String mdc, String adrg, String drg, String reason) {

    /** DRG code the national scheme uses for a case that cannot be grouped. */
    public static final String UNGROUPABLE = "0000";
    /** Suffix of the 歧义组 ADRG/DRG codes ({@code BQY}, {@code GQY}, …). */
    public static final String AMBIGUOUS_SUFFIX = "QY";

    /** A case placed in a real DRG of the scheme. */
    public boolean isGrouped() {
        return !UNGROUPABLE.equals(drg) && !isAmbiguous();
    }

    /** A case placed in a 歧义组 ({@code xQY}). */
    public boolean isAmbiguous() {
        return drg.endsWith(AMBIGUOUS_SUFFIX);
    }

    static DrgResult ungroupable(String mdc, String reason) {
        return new DrgResult(mdc, "", UNGROUPABLE, reason);
    }
}
