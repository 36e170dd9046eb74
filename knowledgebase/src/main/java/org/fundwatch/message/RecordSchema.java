package org.fundwatch.message;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fundwatch.codes.CodeFormat;

/**
 * The validation schema of a message record, read once per class from its annotations
 * ({@link JsonProperty}, {@link JsonAlias}, {@link Required}, {@link Format}, {@link OneOf}), so that
 * the records are the single source of truth for both binding and validation.
 */
record RecordSchema(Class<?> type, List<FieldSchema> fields, Map<String, FieldSchema> byJsonName) {

    /** One field: JSON name and aliases, Java type, and the checks that apply. */
    record FieldSchema(String name, List<String> aliases, Type type, boolean required, CodeFormat format,
                       Set<String> allowed, boolean ruleIds) {
    }

    private static final ClassValue<RecordSchema> CACHE = new ClassValue<>() {
        @Override
        protected RecordSchema computeValue(Class<?> type) {
            return build(type);
        }
    };

    static RecordSchema of(Class<?> recordType) {
        return CACHE.get(recordType);
    }

    private static RecordSchema build(Class<?> type) {
        List<FieldSchema> fields = new ArrayList<>();
        Map<String, FieldSchema> byName = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Field field;
            try {
                field = type.getDeclaredField(component.getName());
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            String name = property != null && !property.value().isEmpty() ? property.value() : component.getName();
            JsonAlias alias = field.getAnnotation(JsonAlias.class);
            Format format = field.getAnnotation(Format.class);
            OneOf oneOf = field.getAnnotation(OneOf.class);
            JsonDeserialize custom = field.getAnnotation(JsonDeserialize.class);
            FieldSchema schema = new FieldSchema(name,
                    alias == null ? List.of() : List.of(alias.value()),
                    component.getGenericType(),
                    field.isAnnotationPresent(Required.class),
                    format == null ? null : format.value(),
                    oneOf == null ? null : Set.copyOf(Arrays.asList(oneOf.value())),
                    custom != null && custom.using() == RuleIdsDeserializer.class);
            fields.add(schema);
            byName.put(name, schema);
            schema.aliases().forEach(a -> byName.put(a, schema));
        }
        return new RecordSchema(type, List.copyOf(fields), Map.copyOf(byName));
    }
}
