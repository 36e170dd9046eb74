package org.fundwatch.pack;

/** A doctor (医师). Code {@code D} + 6-digit admdvs + 6 digits. */
public record Doctor(String doctorCode, String name, String institutionCode, String deptCode, String deptName,
                     String title) {}
