package org.fundwatch.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fundwatch.model.EncounterContext;
import org.fundwatch.model.Phase;
import org.fundwatch.rules.source.RuleTestCase;
import org.fundwatch.rules.source.TestCaseContexts;
import org.junit.jupiter.api.Test;

/** Four threads evaluating many contexts give exactly the sequential results. */
class ConcurrentEvaluationTest {

    @Test
    void concurrentEqualsSequential() throws Exception {
        RuleEngine engine = TestKb.national();
        List<EncounterContext> base = new ArrayList<>();
        List<Phase> phases = new ArrayList<>();
        for (List<RuleTestCase> cases : engine.pack().tests().values()) {
            for (RuleTestCase c : cases) {
                base.add(TestCaseContexts.toContext(c));
                phases.add(c.phase());
            }
        }
        int n = base.size() * 40;
        List<List<String>> sequential = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sequential.add(ids(engine.evaluate(base.get(i % base.size()), phases.get(i % base.size()))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int k = i % base.size();
                futures.add(pool.submit(() -> ids(engine.evaluate(base.get(k), phases.get(k)))));
            }
            for (int i = 0; i < n; i++) {
                assertEquals(sequential.get(i), futures.get(i).get(), "context " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(true, sequential.stream().filter(l -> !l.isEmpty()).count() > n / 3, "most contexts have findings");
    }

    private static List<String> ids(Evaluation e) {
        assertEquals(List.of(), e.failures());
        return e.findings().stream().map(Finding::id).sorted().toList();
    }
}
