/**
 * National code systems as small validated value types: {@link org.fundwatch.codes.DiagnosisCode}
 * (医保版 ICD-10 v2.0), {@link org.fundwatch.codes.ProcedureCode} (医保版 ICD-9-CM-3 v2.0),
 * {@link org.fundwatch.codes.DrugCode}, {@link org.fundwatch.codes.ServiceItemCode},
 * {@link org.fundwatch.codes.ConsumableCode}, {@link org.fundwatch.codes.AdminDivision} with
 * {@link org.fundwatch.codes.Province}, {@link org.fundwatch.codes.InstitutionCode} and
 * {@link org.fundwatch.codes.DoctorCode}; {@link org.fundwatch.codes.CodeFormat} gives a reason for
 * any code; {@link org.fundwatch.codes.IcdCatalog} loads the verbatim ICD files. Each {@code parse}
 * throws {@link org.fundwatch.codes.InvalidCodeException} with the reason; {@code tryParse} and
 * {@code isValid} do not throw.
 */
package org.fundwatch.codes;
