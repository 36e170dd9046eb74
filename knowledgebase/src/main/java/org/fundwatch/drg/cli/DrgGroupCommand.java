package org.fundwatch.drg.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fundwatch.cli.Progress;
import org.fundwatch.drg.DrgGrouper;
import org.fundwatch.drg.DrgResult;
import org.fundwatch.drg.DrgTables;
import org.fundwatch.drg.csv.CaseCsvReader;
import org.fundwatch.drg.csv.CaseRow;
import org.fundwatch.drg.csv.GroupCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fundwatch drg group --in cases.csv --out groups.csv}: groups every row, streaming, in input order.
 * Output columns {@code Index,mdc,adrg,drg,reason}; progress on stderr; a summary line on stdout.
 */
@Command(name = "group", mixinStandardHelpOptions = true,
        description = "Group cases (CSV: Index,gender,age,ageDay,weight,dept,inHospitalTime,leavingType,"
                + "ICD10_DRGS,ICD9_DRGS) into CHS-DRG 1.1 DRGs.")
public final class DrgGroupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "input cases CSV (UTF-8)")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output CSV: Index,mdc,adrg,drg,reason")
    Path out;

    @Option(names = "--tables", paramLabel = "DIR",
            description = "CHS-DRG 1.1 tables (1_MDC.txt … 7_CCE.txt); default: newest var/kb/kb-*/chs-drg-1.1, "
                    + "else ../shared/reference/chs-drg-1.1")
    Path tables;

    @Option(names = "--icd", paramLabel = "DIR",
            description = "医保版 ICD dictionaries (icd10-nhsa-v2.0*.dat, icd9cm3-nhsa-v2.0*.dat); default beside --tables")
    Path icd;

    @Option(names = "--verbose", description = "print stack traces of failures")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            TablesLocation loc = TablesLocation.resolve(tables, icd);
            DrgTables t = DrgTables.load(loc.drgDir(), loc.icdDir());
            Summary s = run(new DrgGrouper(t), in, out);
            stdout.println(s.line());
            stdout.flush();
            return 0;
        } catch (NoSuchFileException e) {
            return fail(err, "file not found: " + e.getFile()
                    + " (check --in, or --tables/--icd: the tables directory must hold 1_MDC.txt … 7_CCE.txt)", e);
        } catch (UncheckedIOException e) {
            return fail(err, e.getMessage() + " (check --tables/--icd)", e);
        } catch (IOException | RuntimeException e) {
            return fail(err, e.getMessage(), e);
        }
    }

    private int fail(PrintWriter err, String message, Exception e) {
        err.println("drg group failed: " + message);
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** Streams {@code in} through the grouper into {@code out}. */
    static Summary run(DrgGrouper grouper, Path in, Path out) throws IOException {
        Summary s = new Summary();
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             CaseCsvReader rows = new CaseCsvReader(r);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             GroupCsvWriter writer = new GroupCsvWriter(w);
             Progress progress = new Progress("drg group", -1)) {
            while (rows.hasNext()) {
                CaseRow row = rows.next();
                if (row.isError()) {
                    writer.writeError(row.index(), row.error());
                    s.errors++;
                } else {
                    DrgResult result = grouper.group(row.drgCase());
                    writer.write(row.index(), result);
                    if (result.isGrouped()) {
                        s.grouped++;
                    } else if (result.isAmbiguous()) {
                        s.ambiguous++;
                    } else {
                        s.ungroupable++;
                    }
                }
                s.cases++;
                progress.advance(1);
            }
        }
        return s;
    }

    /** Counts of one run. */
    static final class Summary {
        long cases;
        long grouped;
        long ambiguous;
        long ungroupable;
        long errors;

        String line() {
            return String.format(Locale.ROOT,
                    "drg group: %d cases, %d grouped, %d ungroupable (%d 歧义组 QY, %d 0000), %d errors",
                    cases, grouped, ambiguous + ungroupable, ambiguous, ungroupable, errors);
        }
    }
}
