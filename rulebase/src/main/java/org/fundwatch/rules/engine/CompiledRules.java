package org.fundwatch.rules.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.EntryPoint;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Query;
import org.drools.model.Rule;
import org.drools.model.TypeMetaData;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.fundwatch.rules.source.DrlFile;
import org.fundwatch.rules.source.RulePackException;
import org.fundwatch.rules.source.RulePackSource;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * A rule pack's DRL compiled to the Drools executable model: the generated classes (rule models, lambdas, domain
 * metadata) as bytes plus the names of the model classes. It builds KieBases with any subset of the rules straight
 * from the model ({@link KieBaseBuilder}, what a KieContainer does for an executable-model kjar), so the engine can
 * hold one KieBase per phase without removing rules from a full network.
 *
 * <p>Compiling (DRL → Java → bytecode, 1–5 s for the national pack) is the slow part of loading a pack; the bytes can
 * be stored next to a built pack ({@link #write}) and loaded back ({@link #read}, tens of milliseconds). A stored
 * model records the pack's content hash and the Drools version it was compiled with; {@link #matches} tells whether
 * it may be used for a given source.
 */
public final class CompiledRules {
    /** The format of the stored model; bump when the layout below changes. */
    static final String FORMAT = "fundwatch-executable-model/1";
    private static final String MANIFEST = "META-INF/fundwatch/compiled.properties";
    private static final String RESOURCE_ROOT = "src/main/resources/";
    private static final String MODEL_FILE = "drools-model";
    private static final AtomicLong COMPILATIONS = new AtomicLong();

    private final String rulesSha256;
    private final String droolsVersion;
    private final Map<String, byte[]> classes;
    private final List<String> modelClasses;
    private volatile List<Model> models;

    private CompiledRules(String rulesSha256, String droolsVersion, Map<String, byte[]> classes,
                          List<String> modelClasses) {
        this.rulesSha256 = rulesSha256;
        this.droolsVersion = droolsVersion;
        this.classes = classes;
        this.modelClasses = List.copyOf(modelClasses);
    }

    /**
     * Compiles {@code pack}'s DRL with the executable model. Fails with a {@link RulePackException} whose problems
     * are {@code file:line: message} when the DRL does not compile.
     */
    public static CompiledRules compile(RulePackSource pack) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.fundwatch.rules", pack.info().name(),
                pack.info().version() + "-" + pack.rulesSha256().substring(0, 12) + "-" + COMPILATIONS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        for (DrlFile drl : pack.drlFiles()) {
            kfs.write(RESOURCE_ROOT + drl.path(), drl.text());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<String> problems = new ArrayList<>();
            for (Message m : errors) {
                String path = m.getPath() == null ? "rules/?" : m.getPath().replace(RESOURCE_ROOT, "");
                problems.add(path + ":" + Math.max(1, m.getLine()) + ": " + m.getText().strip());
            }
            throw new RulePackException(problems);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<String> models = new ArrayList<>();
        for (String file : module.getFileNames()) {
            if (file.endsWith(".class")) {
                classes.put(file, module.getBytes(file));
            } else if (file.startsWith("META-INF/kie/") && file.endsWith("/" + MODEL_FILE)) {
                for (String line : new String(module.getBytes(file), StandardCharsets.UTF_8).split("\\R")) {
                    // the file starts with a "Drools-Model-Version:…" header, then one model class per line
                    if (!line.isBlank() && !line.contains(":")) {
                        models.add(line.strip());
                    }
                }
            }
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("the executable-model build of " + pack.info().name() + " produced no model");
        }
        return new CompiledRules(pack.rulesSha256(), droolsVersion(), classes, models);
    }

    /** Reads a model written by {@link #write}. */
    public static CompiledRules read(byte[] jar) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Properties manifest = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                if (e.getName().equals(MANIFEST)) {
                    manifest = new Properties();
                    manifest.load(new ByteArrayInputStream(bytes));
                } else if (e.getName().endsWith(".class")) {
                    classes.put(e.getName(), bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled rule model (" + e.getMessage() + ")", e);
        }
        if (manifest == null || !FORMAT.equals(manifest.getProperty("format"))) {
            throw new IllegalArgumentException("not a compiled rule model of format " + FORMAT);
        }
        List<String> models = List.of(manifest.getProperty("models", "").split(","));
        return new CompiledRules(manifest.getProperty("rules_sha256"), manifest.getProperty("drools_version"), classes,
                models);
    }

    /** The model as a jar: the generated classes plus {@code META-INF/fundwatch/compiled.properties}. */
    public byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            Properties manifest = new Properties();
            manifest.setProperty("format", FORMAT);
            manifest.setProperty("rules_sha256", rulesSha256);
            manifest.setProperty("drools_version", droolsVersion);
            manifest.setProperty("models", String.join(",", modelClasses));
            // Fixed entry times: the same model always gives the same bytes (and the same sha256).
            ZipEntry m = new ZipEntry(MANIFEST);
            m.setTime(0);
            zip.putNextEntry(m);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            manifest.store(text, null);
            zip.write(sortedProperties(text.toString(StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
            for (String name : new java.util.TreeSet<>(classes.keySet())) {
                ZipEntry e = new ZipEntry(name);
                e.setTime(0);
                zip.putNextEntry(e);
                zip.write(classes.get(name));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@link Properties#store} output without its date comment, lines sorted. */
    private static String sortedProperties(String stored) {
        return stored.lines().filter(l -> !l.startsWith("#")).sorted().reduce("", (a, b) -> a + b + "\n");
    }

    /** Whether this model was compiled from rules with {@code rulesSha256} by the Drools version running now. */
    public boolean matches(String rulesSha256) {
        return this.rulesSha256 != null && this.rulesSha256.equals(rulesSha256) && droolsVersion().equals(droolsVersion);
    }

    /** {@link RulePackSource#rulesSha256()} of the compiled sources. */
    public String rulesSha256() {
        return rulesSha256;
    }

    /**
     * A KieBase with the rules whose names {@code keep} accepts. Every KieBase of this model shares one class loader
     * (the generated classes are defined once).
     */
    KieBase kieBase(Predicate<String> keep, KieBaseConfiguration conf) {
        List<Model> selected = new ArrayList<>();
        for (Model m : models()) {
            List<Rule> rules = new ArrayList<>();
            for (Rule r : m.getRules()) {
                if (keep.test(r.getName())) {
                    rules.add(r);
                }
            }
            selected.add(new Subset(m, List.copyOf(rules)));
        }
        return KieBaseBuilder.createKieBaseFromModel(selected, conf);
    }

    /** Every rule of the model (to find the ones evaluated outside Drools, {@link DirectRules}). */
    List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (Model m : models()) {
            rules.addAll(m.getRules());
        }
        return rules;
    }

    /** Every rule name of the model. */
    List<String> ruleNames() {
        return rules().stream().map(Rule::getName).toList();
    }

    private List<Model> models() {
        List<Model> m = models;
        if (m == null) {
            synchronized (this) {
                m = models;
                if (m == null) {
                    m = instantiate();
                    models = m;
                }
            }
        }
        return m;
    }

    private List<Model> instantiate() {
        ModelClassLoader loader = new ModelClassLoader(classes, CompiledRules.class.getClassLoader());
        List<Model> out = new ArrayList<>();
        for (String name : modelClasses) {
            try {
                out.add((Model) loader.loadClass(name).getConstructor().newInstance());
            } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                     | InvocationTargetException e) {
                throw new IllegalStateException("cannot instantiate the rule model " + name + ": " + e, e);
            }
        }
        return List.copyOf(out);
    }

    static String droolsVersion() {
        Package p = KieBaseBuilder.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (InputStream in = KieBaseBuilder.class.getResourceAsStream(
                "/META-INF/maven/org.drools/drools-model-compiler/pom.properties")) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                return pom.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }

    /** A model restricted to some of its rules; everything else is the original's. */
    private record Subset(Model model, List<Rule> rules) implements Model {
        @Override
        public String getName() {
            return model.getName();
        }

        @Override
        public String getPackageName() {
            return model.getPackageName();
        }

        @Override
        public List<Global> getGlobals() {
            return model.getGlobals();
        }

        @Override
        public List<Rule> getRules() {
            return rules;
        }

        @Override
        public List<Query> getQueries() {
            return model.getQueries();
        }

        @Override
        public List<TypeMetaData> getTypeMetaDatas() {
            return model.getTypeMetaDatas();
        }

        @Override
        public List<EntryPoint> getEntryPoints() {
            return model.getEntryPoints();
        }
    }

    /** Defines the generated classes from their bytes, parent-first for everything else (fact classes, Drools). */
    private static final class ModelClassLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> classes;

        ModelClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super("fundwatch-rules", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name.replace('.', '/') + ".class");
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        protected java.net.URL findResource(String name) {
            return null;
        }
    }
}
