package org.fundwatch.generate;

import java.util.List;
import java.util.Set;

import org.fundwatch.generate.CatalogRecords.AgeRule;
import org.fundwatch.generate.CatalogRecords.CareSettingRule;
import org.fundwatch.generate.CatalogRecords.ChronicDisease;
import org.fundwatch.generate.CatalogRecords.CodeName;
import org.fundwatch.generate.CatalogRecords.CourseRule;
import org.fundwatch.generate.CatalogRecords.Doctor;
import org.fundwatch.generate.CatalogRecords.DrgStandard;
import org.fundwatch.generate.CatalogRecords.DuplicatePair;
import org.fundwatch.generate.CatalogRecords.FrequencyLimit;
import org.fundwatch.generate.CatalogRecords.GenderRule;
import org.fundwatch.generate.CatalogRecords.IndicationRule;
import org.fundwatch.generate.CatalogRecords.Institution;
import org.fundwatch.generate.CatalogRecords.InsuranceTypeRule;
import org.fundwatch.generate.CatalogRecords.LevelRule;
import org.fundwatch.generate.CatalogRecords.MedicalDrg;
import org.fundwatch.generate.CatalogRecords.PeriodLimit;
import org.fundwatch.generate.CatalogRecords.PriceEntry;
import org.fundwatch.generate.CatalogRecords.SurgeryGroupItem;

/**
 * Everything the synthetic data generator needs from a knowledge pack. Lists keep the pack's row
 * order so that generation is deterministic. Today backed by {@link CsvGeneratorCatalog} (a direct
 * reader of the pack's {@code tables/*.csv}); it can later be backed by the pack loader.
 */
public interface GeneratorCatalog {

    List<Institution> institutions();

    List<Doctor> doctors();

    List<PriceEntry> prices();

    List<GenderRule> drugGender();

    List<GenderRule> itemGender();

    /** drug_age plus drug_child_only (as 儿童 0..18y). */
    List<AgeRule> drugAge();

    List<AgeRule> itemAge();

    List<InsuranceTypeRule> drugInsuranceType();

    List<CareSettingRule> drugCareSetting();

    List<LevelRule> drugInstitutionLevel();

    List<CourseRule> drugPaymentCourse();

    List<DuplicatePair> duplicateCharges();

    List<FrequencyLimit> itemFrequency();

    List<PeriodLimit> itemPeriod();

    /** item_course limits (total days / minimum interval); the generator keeps them out of normal data. */
    List<CatalogRecords.ItemCourseLimit> itemCourse();

    List<SurgeryGroupItem> secondarySurgery();

    List<IndicationRule> drugIndication();

    /** drug_second_line codes; kept out of normal data (their first-line history is not simulated). */
    List<CodeName> drugSecondLine();

    List<CodeName> internetRestrictedDrugs();

    List<CodeName> tcmPieceNotPaid();

    List<ChronicDisease> chronicDiseases();

    List<DrgStandard> drgPayments();

    /** 医保版 ICD-10 v2.0 diagnoses that are not grey codes, in file order. */
    List<CodeName> diagnoses();

    /** MCC codes of CHS-DRG 1.1 ({@code 5_MCC.txt}) in file order. */
    List<CodeName> mccCodes();

    /** Codes of 5_MCC.txt and 6_CC.txt together: secondary diagnoses that raise a DRG's severity. */
    Set<String> complicationCodes();

    /** Whether the MCC/CC {@code complication} is excluded (7_CCE) when {@code principal} is the main diagnosis. */
    boolean isExcluded(String complication, String principal);

    /** Medical DRGs without complications (suffix 5 or 9) with their admissible principal diagnoses. */
    List<MedicalDrg> medicalDrgs();
}
