package org.fundwatch.drg.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fundwatch.drg.DrgCase;
import org.fundwatch.drg.DrgTables;
import org.fundwatch.drg.csv.CaseCsvReader;
import org.fundwatch.drg.csv.CaseRow;

/**
 * A realistic, reproducible case mix for benchmarking: the labelled sample cases (when a
 * {@code sample-cases.csv} is found beside the tables) plus random cases drawn from the tables with a fixed
 * seed. A random case picks an MDC, a principal diagnosis from its 主诊表, 0–6 secondary diagnoses of which
 * some are MCC/CC codes, and — for about half of the cases — a principal procedure from one of the MDC's
 * procedure ADRGs, sometimes followed by a procedure of another MDC; sex and age fit the MDC (newborns
 * with a birth weight for MDCP). Some 1% of cases carry an unknown principal diagnosis.
 */
public final class CaseMix {
    private CaseMix() {
    }

    /** {@code size} cases, the first ones being the sample cases from {@code sampleCsv} (if it exists). */
    public static List<DrgCase> build(DrgTables tables, Path sampleCsv, int size, long seed) throws IOException {
        List<DrgCase> out = new ArrayList<>(size);
        if (sampleCsv != null && Files.isRegularFile(sampleCsv)) {
            try (Reader r = Files.newBufferedReader(sampleCsv, StandardCharsets.UTF_8);
                 CaseCsvReader rows = new CaseCsvReader(r)) {
                while (rows.hasNext() && out.size() < size) {
                    CaseRow row = rows.next();
                    if (!row.isError()) {
                        out.add(row.drgCase());
                    }
                }
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> adrgs = tables.adrgCodes();
        List<String> complications = tables.complicationDiagnoses();
        List<List<String>> principals = new ArrayList<>();
        List<Character> mdcs = new ArrayList<>();
        for (char m = 'B'; m <= 'Z'; m++) {
            List<String> p = tables.mdcPrincipalDiagnoses(m);
            if (!p.isEmpty()) {
                principals.add(p);
                mdcs.add(m);
            }
        }
        while (out.size() < size) {
            int k = rnd.nextInt(mdcs.size());
            char mdc = mdcs.get(k);
            List<String> dx = new ArrayList<>();
            List<String> pool = principals.get(k);
            dx.add(rnd.nextInt(100) == 0 ? "X99.999" : pool.get(rnd.nextInt(pool.size())));
            int secondaries = rnd.nextInt(7);
            for (int i = 0; i < secondaries; i++) {
                dx.add(rnd.nextBoolean() ? complications.get(rnd.nextInt(complications.size()))
                        : pool.get(rnd.nextInt(pool.size())));
            }
            List<String> px = new ArrayList<>();
            if (rnd.nextBoolean()) {
                List<String> own = procedureAdrgs(adrgs, mdc);
                if (!own.isEmpty()) {
                    List<String> procs = tables.adrgProcedures(own.get(rnd.nextInt(own.size())));
                    if (!procs.isEmpty()) {
                        px.add(procs.get(rnd.nextInt(procs.size())));
                    }
                }
                if (rnd.nextInt(4) == 0) {
                    List<String> other = tables.adrgProcedures(adrgs.get(rnd.nextInt(adrgs.size())));
                    if (!other.isEmpty()) {
                        px.add(other.get(rnd.nextInt(other.size())));
                    }
                }
            }
            int gender = mdc == 'M' ? DrgCase.MALE : (mdc == 'N' || mdc == 'O') ? DrgCase.FEMALE : 1 + rnd.nextInt(2);
            int ageDays;
            Integer weight = null;
            if (mdc == 'P') {
                ageDays = rnd.nextInt(40);
                weight = 800 + rnd.nextInt(3500);
            } else {
                ageDays = 365 + rnd.nextInt(90 * 365);
            }
            out.add(DrgCase.of("R" + out.size(), gender, ageDays / 365, ageDays, weight, dx, px));
        }
        return out;
    }

    private static List<String> procedureAdrgs(List<String> adrgs, char mdc) {
        List<String> out = new ArrayList<>();
        for (String a : adrgs) {
            if (a.charAt(0) == mdc && a.charAt(1) <= 'Q') {
                out.add(a);
            }
        }
        return out;
    }
}
