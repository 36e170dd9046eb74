package org.fundwatch.rules.engine.fact;

import java.util.List;
import java.util.Map;
import org.fundwatch.pack.DuplicateChargePair;
import org.fundwatch.pack.ItemCourse;
import org.fundwatch.pack.ItemFrequency;
import org.fundwatch.pack.ItemPeriod;

/**
 * Every knowledge restriction of one national code, gathered once per knowledge pack so that enrichment is a single
 * hash lookup per line. Absent restrictions are null / -1 / empty. Immutable and shared between threads.
 */
public final class CodeKnowledge {
    /** A code without any restriction. */
    public static final CodeKnowledge NONE = new Builder().build();

    final String genderOnly;
    final String genderText;
    final String ageTarget;
    final long ageMinDays;
    final long ageMaxDays;
    final String insuranceTypeOnly;
    final String careSettingOnly;
    final int minInstitutionLevel;
    final int paymentCourseDays;
    final ItemFrequency frequency;
    final ItemPeriod period;
    final ItemCourse course;
    final List<String> surgeryGroups;
    final List<String> indicationPrefixes;
    final String indicationText;
    final String secondLineAtc;
    final String tcmScope;
    final boolean internetRestricted;
    final long listPriceMicros;
    final long priceCapMicros;
    final Map<String, DuplicateChargePair> duplicateSubs;
    final boolean duplicateSub;
    /** The ATC subgroup of the code ({@link LineFact#atcSubgroup(String)}); meaningful only when {@link #hasCode}. */
    final String atcSubgroup;
    /** Whether this is the knowledge of one code (false for {@link #NONE}, shared by every code without any). */
    final boolean hasCode;
    private final boolean usageLimit;

    private CodeKnowledge(Builder b) {
        genderOnly = b.genderOnly;
        genderText = b.genderText;
        ageTarget = b.ageTarget;
        ageMinDays = b.ageMinDays;
        ageMaxDays = b.ageMaxDays;
        insuranceTypeOnly = b.insuranceTypeOnly;
        careSettingOnly = b.careSettingOnly;
        minInstitutionLevel = b.minInstitutionLevel;
        paymentCourseDays = b.paymentCourseDays;
        frequency = b.frequency;
        period = b.period;
        course = b.course;
        surgeryGroups = List.copyOf(b.surgeryGroups);
        indicationPrefixes = b.indicationPrefixes == null ? null : List.copyOf(b.indicationPrefixes);
        indicationText = b.indicationText;
        secondLineAtc = b.secondLineAtc;
        tcmScope = b.tcmScope;
        internetRestricted = b.internetRestricted;
        listPriceMicros = b.listPriceMicros;
        priceCapMicros = b.priceCapMicros;
        duplicateSubs = Map.copyOf(b.duplicateSubs);
        duplicateSub = b.duplicateSub;
        hasCode = b.code != null;
        atcSubgroup = hasCode ? LineFact.atcSubgroup(b.code) : null;
        usageLimit = frequency != null || period != null || course != null || paymentCourseDays > 0;
    }

    public ItemFrequency frequency() {
        return frequency;
    }

    public ItemPeriod period() {
        return period;
    }

    public ItemCourse course() {
        return course;
    }

    public int paymentCourseDays() {
        return paymentCourseDays;
    }

    /** Whether the code has a frequency, period, course or payment-course limit (usage is aggregated in Java). */
    public boolean hasUsageLimit() {
        return usageLimit;
    }

    /** Mutable builder used by the knowledge index. */
    public static final class Builder {
        /** The code this knowledge belongs to; null only for {@link #NONE}. */
        public String code;
        public String genderOnly;
        public String genderText;
        public String ageTarget;
        public long ageMinDays = -1;
        public long ageMaxDays = -1;
        public String insuranceTypeOnly;
        public String careSettingOnly;
        public int minInstitutionLevel;
        public int paymentCourseDays;
        public ItemFrequency frequency;
        public ItemPeriod period;
        public ItemCourse course;
        public List<String> surgeryGroups = List.of();
        public List<String> indicationPrefixes;
        public String indicationText;
        public String secondLineAtc;
        public String tcmScope;
        public boolean internetRestricted;
        public long listPriceMicros = -1;
        public long priceCapMicros = -1;
        public Map<String, DuplicateChargePair> duplicateSubs = Map.of();
        /** The code is the included (sub) item of at least one published duplicate-charge pair. */
        public boolean duplicateSub;

        public CodeKnowledge build() {
            return new CodeKnowledge(this);
        }
    }
}
