package org.fundwatch.stream.sink.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Institution code → webhook subscription. Loaded from a YAML or JSON file:
 *
 * <pre>{@code
 * subscriptions:
 *   - fixmedins_code: H11010500123
 *     url: https://his.hospital-a.example/fundwatch/warnings
 *     secret_env: FUNDWATCH_WEBHOOK_SECRET_H11010500123   # read from the environment (preferred)
 *   - fixmedins_code: H11010800045
 *     url: http://10.2.3.4:8080/hook
 *     secret: literal-secret-for-tests                      # or inline
 * }</pre>
 *
 * An institution without a subscription simply receives no webhooks (the dispatcher counts and skips its warnings).
 */
public final class WebhookSubscriptions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, WebhookSubscription> byInstitution;

    private WebhookSubscriptions(Map<String, WebhookSubscription> byInstitution) {
        this.byInstitution = byInstitution;
    }

    /** The given subscriptions; an institution may appear once. */
    public static WebhookSubscriptions of(Collection<WebhookSubscription> subscriptions) {
        Map<String, WebhookSubscription> map = new LinkedHashMap<>();
        for (WebhookSubscription s : subscriptions) {
            if (map.putIfAbsent(s.institutionCode(), s) != null) {
                throw new IllegalArgumentException("institution " + s.institutionCode() + " is subscribed twice");
            }
        }
        return new WebhookSubscriptions(map);
    }

    /** The given subscriptions. */
    public static WebhookSubscriptions of(WebhookSubscription... subscriptions) {
        return of(List.of(subscriptions));
    }

    /** Reads {@code file} (JSON if it ends in {@code .json}, YAML otherwise); {@code secret_env} from the process environment. */
    public static WebhookSubscriptions load(Path file) throws IOException {
        return load(file, System::getenv);
    }

    /** Reads {@code file}, resolving {@code secret_env} names with {@code environment}. */
    public static WebhookSubscriptions load(Path file, UnaryOperator<String> environment) throws IOException {
        ObjectMapper mapper = file.getFileName().toString().endsWith(".json") ? new ObjectMapper() : new YAMLMapper();
        FileModel model;
        try {
            model = mapper.readValue(file.toFile(), FileModel.class);
        } catch (IOException e) {
            throw new IOException("cannot read webhook subscriptions " + file + ": " + e.getMessage(), e);
        }
        if (model == null || model.subscriptions == null) {
            throw new IOException(file + " has no 'subscriptions' list");
        }
        List<WebhookSubscription> list = new java.util.ArrayList<>();
        for (EntryModel e : model.subscriptions) {
            String where = file + ", institution " + e.institutionCode;
            if (e.url == null) {
                throw new IOException(where + ": 'url' is missing");
            }
            String secret = e.secret;
            if (e.secretEnv != null) {
                if (secret != null) {
                    throw new IOException(where + ": give either 'secret' or 'secret_env', not both");
                }
                secret = environment.apply(e.secretEnv);
                if (secret == null || secret.isEmpty()) {
                    throw new IOException(where + ": environment variable " + e.secretEnv + " is not set");
                }
            }
            try {
                list.add(new WebhookSubscription(e.institutionCode, URI.create(e.url), secret));
            } catch (IllegalArgumentException | NullPointerException ex) {
                throw new IOException(where + ": " + ex.getMessage(), ex);
            }
        }
        try {
            return of(list);
        } catch (IllegalArgumentException ex) {
            throw new IOException(file + ": " + ex.getMessage(), ex);
        }
    }

    /** The subscription of {@code institutionCode}, if it has one. */
    public Optional<WebhookSubscription> forInstitution(String institutionCode) {
        return institutionCode == null ? Optional.empty() : Optional.ofNullable(byInstitution.get(institutionCode));
    }

    /** Every subscription, in file order. */
    public Collection<WebhookSubscription> all() {
        return java.util.Collections.unmodifiableCollection(byInstitution.values());
    }

    /** How many institutions are subscribed. */
    public int size() {
        return byInstitution.size();
    }

    @Override
    public String toString() {
        return "WebhookSubscriptions" + byInstitution.values();
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    private static final class FileModel {
        @JsonProperty("subscriptions")
        List<EntryModel> subscriptions;
    }

    private static final class EntryModel {
        @JsonProperty(value = "fixmedins_code", required = true)
        String institutionCode;
        @JsonProperty("url")
        String url;
        @JsonProperty("secret")
        String secret;
        @JsonProperty("secret_env")
        String secretEnv;
    }
}
