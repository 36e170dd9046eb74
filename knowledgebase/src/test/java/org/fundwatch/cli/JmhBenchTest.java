package org.fundwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fundwatch.generate.bench.GeneratorBenchmark;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

class JmhBenchTest {
    @Test
    void buildsOneForkOneThreadOptionsWithParamsAndIterations() {
        Options o = JmhBench.of(GeneratorBenchmark.class, "generate")
                .param("patients", 500)
                .param("pack", "/tmp/kb")
                .iterations(0, 1, 3)
                .options();
        assertEquals(1, o.getIncludes().size());
        Pattern include = Pattern.compile(o.getIncludes().get(0));
        assertTrue(include.matcher(GeneratorBenchmark.class.getName() + ".generate").find());
        assertTrue(!include.matcher(GeneratorBenchmark.class.getName() + ".generateMore").find(), "method matched exactly");
        assertEquals(Optional.of(1), toOptional(o.getForkCount()));
        assertEquals(Optional.of(1), toOptional(o.getThreads()));
        assertEquals(Optional.of(0), toOptional(o.getWarmupIterations()));
        assertEquals(Optional.of(1), toOptional(o.getMeasurementIterations()));
        assertEquals(Optional.of(TimeValue.seconds(3)), toOptional(o.getMeasurementTime()));
        assertEquals(Optional.of(TimeValue.seconds(3)), toOptional(o.getWarmupTime()));
        assertEquals(Optional.of(VerboseMode.SILENT), toOptional(o.verbosity()));
        Map<String, List<String>> params = Map.of("patients", List.of("500"), "pack", List.of("/tmp/kb"));
        params.forEach((k, v) -> assertEquals(Optional.of(v), toOptional(o.getParameter(k)).map(List::copyOf), k));
        assertEquals(Optional.of(VerboseMode.NORMAL),
                toOptional(JmhBench.of(GeneratorBenchmark.class, "generate").verbose(true).options().verbosity()));
    }

    @Test
    void rejectsIterationCountsJmhCannotRun() {
        JmhBench b = JmhBench.of(GeneratorBenchmark.class, "generate");
        assertThrows(IllegalArgumentException.class, () -> b.iterations(-1, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> b.iterations(2, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> b.iterations(2, 3, 0));
    }

    private static <T> Optional<T> toOptional(org.openjdk.jmh.util.Optional<T> o) {
        return o.hasValue() ? Optional.of(o.get()) : Optional.empty();
    }
}
