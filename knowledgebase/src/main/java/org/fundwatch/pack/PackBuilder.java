package org.fundwatch.pack;


import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.fundwatch.cli.Progress;

/**
 * Builds a knowledge pack {@code kb-<version>} from the shared reference directory (see
 * {@code docs/knowledge-pack.md}): typed tables from the NHSA official batches and the knowledge points, city DRG
 * payment tables, SYNTHETIC registries and prices, verbatim copies of the ICD lists, CHS-DRG 1.1 tables and the
 * two-libraries rule catalogues, and a manifest pinning the sha256 of every file.
 *
 * <p>The build is deterministic: the same inputs give byte-identical files (and so the same content hash and
 * version on the same day); only {@code built_at} in the manifest differs. The pack is written to a temporary
 * directory next to the target and moved into place when complete, so a failed build never leaves a half pack.
 *
 * <pre>{@code
 * PackBuilder.BuiltPack pack = new PackBuilder(Path.of("../shared/reference")).build(Path.of("var/kb"));
 * }</pre>
 */
public final class PackBuilder {
    /** Name and version of this builder as recorded in manifests. */
    public static final String GENERATOR = "fundwatch-pack/0.1.0";
    /** Calendar of the pack's dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final List<String> ICD_FILES = List.of("icd10-nhsa-v2.0.dat", "icd10-nhsa-v2.0-grey.dat",
            "icd9cm3-nhsa-v2.0.dat", "icd9cm3-nhsa-v2.0-grey.dat", "LICENSE");
    private static final List<String> DRG_FILES = List.of("1_MDC.txt", "2_ADRG.txt", "3_DRG.txt",
            "4_ADRG_DETAIL.txt", "5_MCC.txt", "6_CC.txt", "7_CCE.txt", "LICENSE");
    private static final List<String> RULE_FILES = List.of("rule-framework-1.0.json", "rule-catalog-2025.json");

    private final Path sourceRoot;
    private final Map<String, Path> overrides = new LinkedHashMap<>();
    private String version;
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;
    private Clock clock = Clock.system(ZONE);
    private PrintStream progress;

    /** @param sourceRoot the shared reference directory ({@code ../shared/reference}) */
    public PackBuilder(Path sourceRoot) {
        this.sourceRoot = Objects.requireNonNull(sourceRoot, "sourceRoot").toAbsolutePath().normalize();
    }

    /**
     * The reference material: {@code <fundwatch.shared>/reference} when the system property is set (the build sets
     * it for tests), else {@code $FUNDWATCH_SHARED/reference}, else {@code ../shared/reference} beside the repository
     * ({@code fundwatch.home}, set by the launcher) or the current directory.
     */
    public static Path defaultSource() {
        String shared = System.getProperty("fundwatch.shared");
        if (shared == null || shared.isBlank()) {
            shared = System.getenv("FUNDWATCH_SHARED");
        }
        if (shared != null && !shared.isBlank()) {
            return Path.of(shared, "reference").toAbsolutePath().normalize();
        }
        String home = System.getProperty("fundwatch.home");
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return base.resolve("..").resolve("shared").resolve("reference").toAbsolutePath().normalize();
    }

    /** Uses {@code version} (prefixed with {@code kb-} unless it has it) instead of {@code kb-<date>-<hash>}. */
    public PackBuilder version(String version) {
        if (version != null && !version.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new PackException("invalid version '" + version + "': use letters, digits, '.', '_' and '-'");
        }
        this.version = version;
        return this;
    }

    /** Replaces the synthetic table at {@code tablePath} (e.g. {@code tables/prices.csv}) with a region's file. */
    public PackBuilder override(String tablePath, Path file) {
        PackTable<?> table = PackTable.byPath(tablePath);
        if (table.kind() != FileKind.SYNTHETIC) {
            throw new PackException(tablePath + " is built from official sources and cannot be overridden; only "
                    + "synthetic tables can: " + PackTable.all().stream().filter(t -> t.kind() == FileKind.SYNTHETIC)
                    .map(PackTable::path).toList());
        }
        overrides.put(tablePath, file.toAbsolutePath().normalize());
        return this;
    }

    public PackBuilder effectiveFrom(LocalDate date) {
        this.effectiveFrom = date;
        return this;
    }

    public PackBuilder effectiveTo(LocalDate date) {
        this.effectiveTo = date;
        return this;
    }

    /** The clock for {@code built_at} and the version date (tests fix it). */
    public PackBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /** Where to print progress (normally {@code System.err}); {@code null} for none. */
    public PackBuilder progress(PrintStream out) {
        this.progress = out;
        return this;
    }

    /** A finished pack: its directory and manifest. */
    public record BuiltPack(Path dir, Manifest manifest) {}

    private record PendingFile(String path, byte[] bytes, FileKind kind, String source, String sourceSha256,
                               Integer rows, String description) {}

    /** Builds the pack into {@code outDir/kb-<version>}, replacing an existing directory of the same version. */
    public BuiltPack build(Path outDir) {
        requireDir(sourceRoot, "source reference directory (use --source DIR)");
        List<PendingFile> files = new ArrayList<>();
        try (Progress steps = progress == null ? null : new Progress("kb build", 30, progress)) {
            Runnable step = () -> {
                if (steps != null) {
                    steps.advance(1);
                }
            };
            buildTables(files, step);
            for (String f : ICD_FILES) {
                files.add(verbatim("icd/" + f, "icd/" + f, !f.equals("LICENSE"), "医保版 ICD-10 / ICD-9-CM-3 v2.0 "
                        + "(OpenDRG/DRG_Datas, Apache-2.0)"));
            }
            step.run();
            for (String f : DRG_FILES) {
                files.add(verbatim("chs-drg-1.1/" + f, "chs-drg-1.1/" + f, !f.equals("LICENSE"),
                        "CHS-DRG 1.1 grouping tables (OpenDRG/DRG_Rules, Apache-2.0)"));
            }
            step.run();
            for (String f : RULE_FILES) {
                files.add(verbatim("two-libraries/" + f, "two-libraries/" + f, false,
                        "NHSA two-libraries rule framework / catalogue (verbatim)"));
            }
            step.run();
            return write(outDir, files);
        } catch (IOException e) {
            throw new PackException("cannot write the pack under " + outDir + " (" + e.getMessage() + ")", e);
        }
    }

    private void buildTables(List<PendingFile> files, Runnable step) throws IOException {
        OfficialBatches batches = new OfficialBatches(sourceRoot);
        KnowledgePoints points = KnowledgePoints.read(sourceRoot);
        IndicationDictionary dictionary = IndicationDictionary.standard();
        Map<PackTable<?>, List<?>> rows = new LinkedHashMap<>();
        Map<PackTable<?>, List<String>> sources = new LinkedHashMap<>();

        put(rows, sources, PackTable.DRUG_GENDER, batches.drugGender(),
                OfficialBatches.sources("batch1-drug-gender-sheet1.csv", "batch1-drug-gender-sheet2.csv"));
        put(rows, sources, PackTable.ITEM_GENDER, batches.itemGender(),
                OfficialBatches.sources("batch1-item-gender.csv"));
        put(rows, sources, PackTable.DRUG_AGE, batches.drugAge(),
                OfficialBatches.sources("batch1-drug-age-sheet1.csv", "batch1-drug-age-sheet2.csv"));
        put(rows, sources, PackTable.ITEM_AGE, batches.itemAge(),
                OfficialBatches.sources("batch1-item-age.csv", "batch8-2-item-age.csv"));
        put(rows, sources, PackTable.DRUG_INSURANCE_TYPE, batches.drugInsuranceType(), OfficialBatches.sources(
                "batch3-drug-insurance-type-sheet1.csv", "batch3-drug-insurance-type-sheet2.csv"));
        put(rows, sources, PackTable.DRUG_CARE_SETTING, batches.drugCareSetting(), OfficialBatches.sources(
                "batch4-drug-care-setting-sheet1.csv", "batch4-drug-care-setting-sheet2.csv"));
        put(rows, sources, PackTable.DRUG_INSTITUTION_LEVEL, batches.drugInstitutionLevel(), OfficialBatches.sources(
                "batch5-drug-institution-level-sheet1.csv", "batch5-drug-institution-level-sheet2.csv"));
        put(rows, sources, PackTable.DRUG_PAYMENT_COURSE, batches.drugPaymentCourse(), OfficialBatches.sources(
                "batch6-drug-payment-course-sheet1.csv", "batch6-drug-payment-course-sheet2.csv"));
        put(rows, sources, PackTable.DUPLICATE_CHARGE, batches.duplicateCharge(),
                OfficialBatches.sources("batch7-item-duplicate-charge.csv"));
        put(rows, sources, PackTable.ITEM_FREQUENCY, batches.itemFrequency(),
                OfficialBatches.sources("batch8-1-item-frequency.csv"));
        put(rows, sources, PackTable.ITEM_COURSE, batches.itemCourse(),
                OfficialBatches.sources("batch8-3-item-course.csv"));
        put(rows, sources, PackTable.ITEM_PERIOD, batches.itemPeriod(),
                OfficialBatches.sources("batch8-4-item-period.csv"));
        put(rows, sources, PackTable.SECONDARY_SURGERY, batches.secondarySurgery(),
                OfficialBatches.sources("batch2-item-secondary-surgery.csv"));
        step.run();
        List<String> kp = List.of(KnowledgePoints.FILE);
        put(rows, sources, PackTable.DRUG_INDICATION, points.drugIndication(dictionary),
                List.of(KnowledgePoints.FILE, "classpath:org/fundwatch/pack/" + IndicationDictionary.RESOURCE));
        put(rows, sources, PackTable.DRUG_SECOND_LINE, points.secondLineDrug(), kp);
        put(rows, sources, PackTable.DRUG_CHILD_ONLY, points.childOnlyDrug(), kp);
        put(rows, sources, PackTable.TCM_PIECE_NOT_PAID, points.tcmPieceNotPaid(), kp);
        put(rows, sources, PackTable.INTERNET_RESTRICTED_DRUG, points.internetRestrictedDrug(), kp);
        put(rows, sources, PackTable.DRG_PAYMENT, DrgPaymentTables.read(sourceRoot), DrgPaymentTables.files(sourceRoot)
                .stream().map(f -> DrgPaymentTables.DIR + "/" + f.getFileName()).toList());
        step.run();

        SyntheticRegistry.Registry registry = SyntheticRegistry.generate();
        String registrySource = "generator:SyntheticRegistry seed=" + SyntheticRegistry.SEED;
        put(rows, sources, PackTable.INSTITUTIONS, registry.institutions(), List.of(registrySource));
        put(rows, sources, PackTable.DOCTORS, registry.doctors(), List.of(registrySource));
        put(rows, sources, PackTable.PRICES, prices(rows), List.of("generator:SyntheticPrices (codes of all tables)"));
        put(rows, sources, PackTable.CHRONIC_DISEASES, ChronicDiseaseCatalog.standard(),
                List.of("generator:ChronicDiseaseCatalog"));
        step.run();

        for (Map.Entry<PackTable<?>, List<?>> e : rows.entrySet()) {
            files.add(table(e.getKey(), e.getValue(), sources.get(e.getKey())));
            step.run();
        }
    }

    private static <R> void put(Map<PackTable<?>, List<?>> rows, Map<PackTable<?>, List<String>> sources,
                                PackTable<R> table, List<R> tableRows, List<String> tableSources) {
        rows.put(table, tableRows);
        sources.put(table, tableSources);
    }

    @SuppressWarnings("unchecked")
    private static <R> List<R> rowsOf(Map<PackTable<?>, List<?>> rows, PackTable<R> table) {
        return (List<R>) rows.get(table);
    }

    /** Every drug and item code of the tables built so far, priced. */
    private static List<Price> prices(Map<PackTable<?>, List<?>> rows) {
        SyntheticPrices prices = new SyntheticPrices();
        Map<String, String> frequencyUnit = new LinkedHashMap<>();
        rowsOf(rows, PackTable.ITEM_FREQUENCY).forEach(r -> frequencyUnit.put(r.itemCode(), r.perUnit()));
        rowsOf(rows, PackTable.DRUG_GENDER).forEach(r -> prices.add(r.drugCode(), r.genericName(), null));
        rowsOf(rows, PackTable.ITEM_GENDER).forEach(r -> prices.add(r.itemCode(), r.itemName(), null));
        rowsOf(rows, PackTable.DRUG_AGE).forEach(r -> prices.add(r.code(), r.name(), null));
        rowsOf(rows, PackTable.ITEM_AGE).forEach(r -> prices.add(r.code(), r.name(), null));
        rowsOf(rows, PackTable.DRUG_INSURANCE_TYPE).forEach(r -> prices.add(r.drugCode(), r.genericName(), null));
        rowsOf(rows, PackTable.DRUG_CARE_SETTING).forEach(r -> prices.add(r.drugCode(), r.genericName(), null));
        rowsOf(rows, PackTable.DRUG_INSTITUTION_LEVEL).forEach(r -> prices.add(r.drugCode(), r.genericName(), null));
        rowsOf(rows, PackTable.DRUG_PAYMENT_COURSE).forEach(r -> prices.add(r.drugCode(), r.genericName(), null));
        rowsOf(rows, PackTable.ITEM_FREQUENCY).forEach(r -> prices.add(r.itemCode(), r.itemName(), r.perUnit()));
        rowsOf(rows, PackTable.DUPLICATE_CHARGE).forEach(r -> {
            prices.add(r.mainItemCode(), r.mainItemName(), frequencyUnit.get(r.mainItemCode()));
            prices.add(r.subItemCode(), r.subItemName(), frequencyUnit.get(r.subItemCode()));
        });
        rowsOf(rows, PackTable.ITEM_COURSE).forEach(r -> prices.add(r.itemCode(), r.itemName(), null));
        rowsOf(rows, PackTable.ITEM_PERIOD).forEach(r -> prices.add(r.itemCode(), r.itemName(), null));
        rowsOf(rows, PackTable.SECONDARY_SURGERY).forEach(r -> prices.add(r.itemCode(), r.itemName(), null));
        rowsOf(rows, PackTable.DRUG_INDICATION).forEach(r -> prices.add(r.drugCode(), r.genericName(), null));
        rowsOf(rows, PackTable.DRUG_SECOND_LINE).forEach(r -> prices.add(r.drugCode(), r.genericName(), null));
        rowsOf(rows, PackTable.DRUG_CHILD_ONLY).forEach(r -> prices.add(r.drugCode(), r.genericName(), null));
        rowsOf(rows, PackTable.TCM_PIECE_NOT_PAID).forEach(r -> prices.add(r.drugCode(), r.pieceName(), null));
        rowsOf(rows, PackTable.INTERNET_RESTRICTED_DRUG).forEach(r -> prices.add(r.drugCode(), r.genericName(), null));
        return prices.generate();
    }

    private <R> PendingFile table(PackTable<R> table, List<?> generated, List<String> tableSources)
            throws IOException {
        Path override = overrides.get(table.path());
        if (override != null) {
            if (!Files.isRegularFile(override)) {
                throw new PackException("override for " + table.path() + ": " + override + " does not exist");
            }
            List<R> rows = table.read(override, "override " + override + " for " + table.path());
            return new PendingFile(table.path(), table.encode(rows), FileKind.OFFICIAL, "override:" + override,
                    Hashing.sha256(override), rows.size(), table.description().replace("SYNTHETIC", "REGION FILE")
                    + " (replaces the synthetic table)");
        }
        @SuppressWarnings("unchecked")
        List<R> rows = (List<R>) generated;
        Map<String, String> shas = new LinkedHashMap<>();
        for (String source : tableSources) {
            shas.put(source, sourceSha(source));
        }
        String sourceSha = shas.values().stream().allMatch(Objects::nonNull)
                ? (shas.size() == 1 ? shas.values().iterator().next() : Hashing.combined(shas)) : null;
        return new PendingFile(table.path(), table.encode(rows), table.kind(), String.join(" + ", tableSources),
                sourceSha, rows.size(), table.description());
    }

    private String sourceSha(String source) throws IOException {
        if (source.startsWith("generator:")) {
            return null;
        }
        if (source.startsWith("classpath:")) {
            String resource = "/" + source.substring("classpath:".length());
            try (InputStream in = PackBuilder.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new PackException("resource " + resource + " missing from the jar");
                }
                return Hashing.sha256(in.readAllBytes());
            }
        }
        return Hashing.sha256(sourceRoot.resolve(source));
    }

    private PendingFile verbatim(String target, String source, boolean countLines, String description)
            throws IOException {
        Path file = sourceRoot.resolve(source);
        if (!Files.isRegularFile(file)) {
            throw new PackException(file + " is missing from the source reference directory " + sourceRoot);
        }
        byte[] bytes = Files.readAllBytes(file);
        Integer rows = countLines ? (int) new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> !l.isBlank()).count() : null;
        String sha = Hashing.sha256(bytes);
        return new PendingFile(target, bytes, FileKind.OFFICIAL, source, sha, rows, description);
    }

    private BuiltPack write(Path outDir, List<PendingFile> files) throws IOException {
        Files.createDirectories(outDir);
        Path tmp = outDir.resolve(".kb-build-" + UUID.randomUUID());
        try {
            List<ManifestEntry> entries = new ArrayList<>();
            Map<String, String> shas = new LinkedHashMap<>();
            for (PendingFile f : files) {
                Path target = tmp.resolve(f.path());
                Files.createDirectories(target.getParent());
                Files.write(target, f.bytes());
                String sha = Hashing.sha256(f.bytes());
                shas.put(f.path(), sha);
                entries.add(new ManifestEntry(f.path(), f.kind(), f.source(), f.sourceSha256(), sha, f.rows(),
                        f.description()));
            }
            entries.sort(Comparator.comparing(ManifestEntry::path));
            String contentSha = Hashing.combined(shas);
            LocalDate today = LocalDate.now(clock.withZone(ZONE));
            String packVersion = version != null ? (version.startsWith("kb-") ? version : "kb-" + version)
                    : "kb-" + today.format(DateTimeFormatter.ofPattern("yyyy.MM.dd")) + "-" + contentSha.substring(0, 8);
            Manifest manifest = new Manifest(Manifest.FORMAT, packVersion, clock.instant(),
                    effectiveFrom != null ? effectiveFrom : today, effectiveTo, sourceRoot.toString(), GENERATOR,
                    contentSha, entries);
            manifest.write(tmp);
            Path target = outDir.resolve(packVersion);
            if (Files.exists(target)) {
                deleteRecursively(target);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return new BuiltPack(target, manifest);
        } finally {
            if (Files.exists(tmp)) {
                deleteRecursively(tmp);
            }
        }
    }

    private static void requireDir(Path dir, String what) {
        if (!Files.isDirectory(dir)) {
            throw new PackException(dir + " does not exist or is not a directory: " + what);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
