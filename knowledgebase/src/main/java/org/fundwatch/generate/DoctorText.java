package org.fundwatch.generate;

import com.fasterxml.jackson.core.io.SerializedString;

/** A doctor's code, name and department pre-encoded for JSON (one per doctor, shared by all lines). */
final class DoctorText {
    static final DoctorText NONE = new DoctorText(null);

    final SerializedString code;
    final SerializedString name;
    final SerializedString deptCode;
    final SerializedString deptName;

    DoctorText(CatalogRecords.Doctor d) {
        this.code = new SerializedString(d == null ? "" : d.code());
        this.name = new SerializedString(d == null ? "" : d.name());
        this.deptCode = new SerializedString(d == null || d.deptCode() == null ? "" : d.deptCode());
        this.deptName = new SerializedString(d == null || d.deptName() == null ? "" : d.deptName());
    }
}
