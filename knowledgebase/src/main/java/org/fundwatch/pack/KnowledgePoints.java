package org.fundwatch.pack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The rule classes of {@code two-libraries/knowledge-points.json} that the official-batch CSVs do not cover.
 * Knowledge points superseded by a later one are dropped; a code named by several remaining points keeps the
 * first (file order). Each row's {@code source} is {@code knowledge-points.json#<kp_id>}.
 */
final class KnowledgePoints {
    static final String FILE = "two-libraries/knowledge-points.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Point(String kpId, String ruleClass, List<String> medCodes, String itemName, String constraint,
                 String supersedes) {}

    private final List<Point> points;

    private KnowledgePoints(List<Point> points) {
        Set<String> superseded = points.stream().map(Point::supersedes).filter(s -> s != null && !s.isEmpty())
                .collect(Collectors.toSet());
        this.points = points.stream().filter(p -> !superseded.contains(p.kpId())).toList();
    }

    static KnowledgePoints read(Path referenceRoot) {
        Path file = referenceRoot.resolve(FILE);
        try {
            return new KnowledgePoints(JsonMapper.builder().build().readValue(file.toFile(), new TypeReference<>() {}));
        } catch (IOException e) {
            throw new PackException(file + ": cannot read knowledge points (" + e.getMessage() + ")", e);
        }
    }

    List<DrugIndication> drugIndication(IndicationDictionary dictionary) {
        return expand(Set.of("药品限适应症"), (p, code) -> new DrugIndication(code, p.itemName(), p.constraint(),
                dictionary.map(p.constraint()), source(p)));
    }

    /** first_line_atc: the drug code's ATC therapeutic subgroup (e.g. {@code XL01ELA387…} → {@code L01}). */
    List<SecondLineDrug> secondLineDrug() {
        return expand(Set.of("药品限二线使用"), (p, code) -> new SecondLineDrug(code, p.itemName(), p.constraint(),
                code.length() >= 4 ? code.substring(1, 4) : "", source(p)));
    }

    List<ChildOnlyDrug> childOnlyDrug() {
        return expand(Set.of("药品儿童专用", "药品限儿童使用"),
                (p, code) -> new ChildOnlyDrug(code, p.itemName(), p.constraint(), source(p)));
    }

    List<TcmPieceNotPaid> tcmPieceNotPaid() {
        return expand(Set.of("中药饮片单方使用不予支付", "中药饮片单复方均不予支付"), (p, code) -> new TcmPieceNotPaid(
                code, p.itemName(), p.ruleClass().contains("单复方") ? "单复方" : "单方", p.constraint(), source(p)));
    }

    List<InternetRestrictedDrug> internetRestrictedDrug() {
        return expand(Set.of("超互联网医院药品支付范围"),
                (p, code) -> new InternetRestrictedDrug(code, p.itemName(), p.constraint(), source(p)));
    }

    private <R> List<R> expand(Set<String> ruleClasses, BiFunction<Point, String, R> row) {
        Map<String, R> byCode = new LinkedHashMap<>();
        for (Point p : points) {
            if (!ruleClasses.contains(p.ruleClass()) || p.medCodes() == null) {
                continue;
            }
            for (String code : p.medCodes()) {
                byCode.putIfAbsent(code.strip(), row.apply(p, code.strip()));
            }
        }
        return new ArrayList<>(byCode.values());
    }

    private static String source(Point p) {
        return "knowledge-points.json#" + p.kpId();
    }
}
