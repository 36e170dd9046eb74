package org.fundwatch.model;

/**
 * A designated medical institution.
 *
 * @param code  the institution code (fixmedins_code, {@code H…})
 * @param admdvs the 6-digit admin division
 * @param level the grade as sent ({@code medins_lv}: {@code 01}–{@code 14} hosp_lv, or a local code)
 * @param type  the institution type as sent ({@code medins_type}, no confirmed dictionary)
 */
public record Institution(String code, String name, String admdvs, String level, String type) {
}
