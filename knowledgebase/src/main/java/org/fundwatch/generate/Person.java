package org.fundwatch.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.fundwatch.generate.CatalogRecords.ChronicDisease;
import org.fundwatch.generate.CatalogRecords.CodeName;

/** One synthetic insured person. Mutable only while the generator plans (death date, chronic disease). */
public final class Person {
    final int index;
    final String psnNo;
    final String name;
    final String certno;
    final String gender;
    final LocalDate birthDate;
    final long birthEpochDay;
    /** {@code birthDate} as yyyy-MM-dd, rendered once for the messages that carry it. */
    final String birthText;
    final String insuranceType;
    final String personType;
    final String insuredAdmdvs;
    final String employer;
    final long accountBalanceFen;
    ChronicDisease chronicDisease;
    CodeName chronicDiagnosis;
    LocalDate deathDate;
    /** This person's encounters, in planning order. */
    final java.util.List<Encounter> encounters = new java.util.ArrayList<>(4);

    Person(int index, String psnNo, String name, String certno, String gender, LocalDate birthDate,
           String insuranceType, String personType, String insuredAdmdvs, String employer, long accountBalanceFen) {
        this.index = index;
        this.psnNo = psnNo;
        this.name = name;
        this.certno = certno;
        this.gender = gender;
        this.birthDate = birthDate;
        this.birthEpochDay = birthDate.toEpochDay();
        this.birthText = birthDate.toString();
        this.insuranceType = insuranceType;
        this.personType = personType;
        this.insuredAdmdvs = insuredAdmdvs;
        this.employer = employer;
        this.accountBalanceFen = accountBalanceFen;
    }

    public String psnNo() {
        return psnNo;
    }

    public String gender() {
        return gender;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public LocalDate deathDate() {
        return deathDate;
    }

    /** Age in days on {@code date}. */
    public long ageDays(LocalDate date) {
        return ChronoUnit.DAYS.between(birthDate, date);
    }

    /** Age in whole years on {@code date}. */
    public int ageYears(LocalDate date) {
        return (int) ChronoUnit.YEARS.between(birthDate, date);
    }
}
