package org.fundwatch.generate;

import java.util.ArrayList;
import java.util.List;

import org.fundwatch.generate.CatalogRecords.CodeName;
import org.fundwatch.generate.CatalogRecords.Doctor;
import org.fundwatch.generate.CatalogRecords.Institution;

/**
 * One encounter (就诊) with its fee lines. Times are seconds since the first simulated day's midnight;
 * {@code end} is the discharge time for inpatient stays and the settlement time otherwise.
 */
public final class Encounter {
    final long number;
    final String id;
    final String settlementId;
    final EncounterKind kind;
    final Person person;
    final Institution institution;
    final Doctor doctor;
    final long start;
    long end;
    CodeName mainDiagnosis;
    final List<CodeName> secondaryDiagnoses = new ArrayList<>(2);
    final List<FeeLine> lines = new ArrayList<>();
    String chronicCode;
    String drgCode;
    long drgStandardFen;
    boolean preCheck;
    boolean followUp;
    boolean removed;
    private int nextLine = 1;

    Encounter(long number, EncounterKind kind, Person person, Institution institution, Doctor doctor, long start) {
        this.number = number;
        this.id = (kind.inpatient() ? "MDTI" : "MDTO") + Money.zeroPad(number, 10);
        this.settlementId = "SETL" + Money.zeroPad(number, 12);
        this.kind = kind;
        this.person = person;
        this.institution = institution;
        this.doctor = doctor;
        this.start = start;
        this.end = start;
    }

    String nextLineSerial() {
        return id + "-" + (nextLine++);
    }

    /** Whether the care happens outside the person's insured region (异地就医). */
    public boolean offsite() {
        return !institution.admdvs().equals(person.insuredAdmdvs);
    }

    public String id() {
        return id;
    }

    public String settlementId() {
        return settlementId;
    }

    public EncounterKind kind() {
        return kind;
    }

    public Person person() {
        return person;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public List<FeeLine> lines() {
        return lines;
    }

    /** Sum of all fee lines in fen. */
    public long totalFen() {
        long sum = 0;
        for (FeeLine l : lines) {
            sum += l.totalFen;
        }
        return sum;
    }
}
