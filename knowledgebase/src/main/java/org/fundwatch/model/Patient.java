package org.fundwatch.model;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * An insured person.
 *
 * @param id            the person id (psn_no or the HIS patient id, {@code patn_id})
 * @param insuranceType national {@code insutype}, e.g. {@code 310} employees, {@code 390} residents
 * @param poolingArea   the 6-digit admdvs of the person's pooling area
 * @param deathDate     national {@code die_date} (1101 baseinfo, 2402 discharge with dscg_way 死亡); null while alive
 */
public record Patient(String id, String name, Gender gender, LocalDate birthDate, String insuranceType, String poolingArea,
                      LocalDate deathDate) {

    public Patient {
        Objects.requireNonNull(id, "id");
        gender = gender == null ? Gender.UNKNOWN : gender;
    }

    /** A living person (no death date known). */
    public Patient(String id, String name, Gender gender, LocalDate birthDate, String insuranceType, String poolingArea) {
        this(id, name, gender, birthDate, insuranceType, poolingArea, null);
    }

    /** This person with {@code date} as the death date. */
    public Patient withDeathDate(LocalDate date) {
        return new Patient(id, name, gender, birthDate, insuranceType, poolingArea, date);
    }

    /** Age in whole years on {@code date}. */
    public int ageInYears(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    /** Age in days on {@code date} (the knowledge tables express age limits in days). */
    public long ageInDays(LocalDate date) {
        return java.time.temporal.ChronoUnit.DAYS.between(birthDate, date);
    }
}
