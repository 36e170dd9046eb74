package org.fundwatch.generate;

/** A restriction of the knowledge tables that a single fee line can violate on its own. */
public enum Restriction {
    DRUG_GENDER, ITEM_GENDER, DRUG_AGE, ITEM_AGE, DRUG_INSURANCE_TYPE, DRUG_CARE_SETTING,
    DRUG_INSTITUTION_LEVEL, INTERNET_RESTRICTED_DRUG
}
