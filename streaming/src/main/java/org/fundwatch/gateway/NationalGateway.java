package org.fundwatch.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.fundwatch.history.PatientHistoryStore;
import org.fundwatch.message.MessageParser;
import org.fundwatch.message.NationalJson;
import org.fundwatch.message.NationalRequest;
import org.fundwatch.message.NationalResponse;
import org.fundwatch.message.ParseResult;
import org.fundwatch.message.Problem;
import org.fundwatch.message.Transaction;
import org.fundwatch.message.analysis.AnalysisInput;
import org.fundwatch.message.analysis.AnalysisResponses;
import org.fundwatch.message.analysis.FeedbackInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The national interface of the gateway, independent of HTTP: one request envelope in, one response envelope out,
 * never an exception. Used by the HTTP handler ({@link GatewayHandler}) and by {@code fundwatch audit}.
 *
 * <p>Order of checks: JSON and envelope ({@link MessageParser}: encoding, syntax, {@code infno}, schema, each problem
 * with its JSON path); the path's {@code infno} (for {@code /fsi/api/{infno}}) must match the envelope's; only 3101,
 * 3102 and 3103 are served; {@code fixmedins_code} must be the authenticated institution's. Every failure is
 * {@code infcode -1} with a precise {@code err_msg} (at most 200 characters, the field's length: the first error and
 * how many more). An unexpected internal error is logged with an incident id that the {@code err_msg} quotes.
 */
public final class NationalGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NationalGateway.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("org.fundwatch.gateway.access");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ENVELOPE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
    private static final Set<Transaction> SERVED = Set.of(Transaction.PRE_ANALYSIS, Transaction.MID_ANALYSIS, Transaction.FEEDBACK);

    private final ObjectMapper json = responseMapper();
    private final MessageParser parser = new MessageParser();
    private final ActiveEngine engines;
    private final HistoryReader history;
    private final WarningLog warnings;
    private final AnalysisService analysis;
    private final FeedbackService feedback;
    private final String receiverAdmdvs;
    private final Clock clock;
    private final boolean accessLog;
    private final AtomicLong serial = new AtomicLong();

    /**
     * The answer to one request: the response envelope's bytes and what the access log and the HTTP layer need.
     *
     * @param success whether {@code infcode} is 0
     */
    public record Reply(byte[] body, boolean success, String transaction, String errorMessage, int results) {
    }

    private NationalGateway(Builder b) {
        this.engines = b.engines;
        this.history = b.history == null ? null : new HistoryReader(b.history, b.historyWindow, b.historyTimeoutMillis, 16);
        this.warnings = b.warnings;
        this.analysis = new AnalysisService(engines, history, warnings);
        this.feedback = b.warnings != null && b.feedback != null ? new FeedbackService(b.warnings, b.feedback) : null;
        this.receiverAdmdvs = b.receiverAdmdvs;
        this.clock = b.clock;
        this.accessLog = b.accessLog;
    }

    /** A builder over the engine; without history, warnings and feedback it is the offline auditor. */
    public static Builder builder(ActiveEngine engines) {
        return new Builder(engines);
    }

    /**
     * Answers one request.
     *
     * @param institution the authenticated institution's code, or null to trust the envelope's {@code fixmedins_code}
     *                    (offline audit of a file)
     * @param pathInfno   the {@code infno} of the URL ({@code /fsi/api/3101}), or null for {@code /fsi/api}
     */
    public Reply handle(String institution, String pathInfno, byte[] body) {
        long start = System.nanoTime();
        LocalDateTime received = LocalDateTime.now(clock.withZone(ZONE));
        Reply reply;
        String messageId = null;
        try {
            ParseResult parsed = parser.parse(body);
            Transaction tx = parsed.transaction().orElse(null);
            checkTransaction(pathInfno, tx);
            if (!parsed.isOk()) {
                throw new GatewayException(describe(parsed.errors()));
            }
            NationalRequest<?> request = (NationalRequest<?>) parsed.message().orElseThrow();
            messageId = request.messageId();
            String owner = request.institutionCode();
            if (owner == null) {
                throw new GatewayException("$.fixmedins_code: missing required field");
            }
            if (institution != null && !institution.equals(owner)) {
                throw new GatewayException("$.fixmedins_code: " + owner + " is not the authenticated institution " + institution
                        + "; an institution submits and receives only its own data");
            }
            reply = switch (tx) {
                case PRE_ANALYSIS, MID_ANALYSIS -> analyse(tx, parsed.request(AnalysisInput.class), owner, received);
                case FEEDBACK -> feedback(parsed.request(FeedbackInput.class), owner, received);
                default -> throw new GatewayException("infno " + tx.code() + " is not served by the gateway (3101, 3102, 3103)");
            };
        } catch (GatewayException e) {
            reply = failure(received, e.getMessage(), pathInfno);
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("incident {}: internal error on msgid {}", incident, messageId, e);
            reply = failure(received, "internal error of the analysis service (incident " + incident
                    + "); the request was not analysed, send it again or contact the operator", pathInfno);
        }
        if (accessLog) {
            ACCESS.info("{} inst={} msgid={} {} results={} {}us{}", reply.transaction(), institution == null ? "-" : institution,
                    messageId == null ? "-" : messageId, reply.success() ? "ok" : "refused", reply.results(),
                    (System.nanoTime() - start) / 1000, reply.success() ? "" : " err_at=" + errorPath(reply.errorMessage()));
        }
        return reply;
    }

    private Reply analyse(Transaction tx, NationalRequest<AnalysisInput> request, String institution, LocalDateTime received) {
        AnalysisService.Outcome outcome = analysis.analyse(tx, request, institution, received);
        LocalDateTime responded = LocalDateTime.now(clock.withZone(ZONE));
        NationalResponse<?> response = AnalysisResponses.success(admdvs(), serial.incrementAndGet(), received, responded,
                outcome.results());
        return new Reply(write(response), true, tx.code(), null, outcome.results().size());
    }

    private Reply feedback(NationalRequest<FeedbackInput> request, String institution, LocalDateTime received) {
        if (feedback == null) {
            throw new GatewayException("3103 feedback needs the gateway's warning store; it is not served offline");
        }
        int stored = feedback.accept(request, institution, received);
        LocalDateTime responded = LocalDateTime.now(clock.withZone(ZONE));
        NationalResponse<?> response = NationalResponse.success(AnalysisResponses.refMessageId(admdvs(), received,
                serial.incrementAndGet()), ENVELOPE_TIME.format(received), ENVELOPE_TIME.format(responded), null);
        return new Reply(write(response), true, Transaction.FEEDBACK.code(), null, stored);
    }

    private static void checkTransaction(String pathInfno, Transaction tx) {
        if (pathInfno != null) {
            Transaction fromPath = Transaction.ofCode(pathInfno).filter(SERVED::contains).orElseThrow(() -> new GatewayException(
                    "unknown infno " + pathInfno + " in the path; the gateway serves /fsi/api/3101, /fsi/api/3102 and /fsi/api/3103"));
            if (tx != null && tx != fromPath) {
                throw new GatewayException("$.infno: " + tx.code() + " does not match the path /fsi/api/" + fromPath.code());
            }
        }
        if (tx != null && !SERVED.contains(tx)) {
            throw new GatewayException("$.infno: " + tx.code() + " (" + tx.chineseName() + ") is not served by the gateway; "
                    + "it serves 3101, 3102 and 3103");
        }
    }

    /** The JSON path (or first words) of an err_msg: reasons may quote personal values, so logs keep only this. */
    static String errorPath(String message) {
        if (message == null) {
            return "-";
        }
        int colon = message.indexOf(": ");
        String head = colon > 0 ? message.substring(0, colon) : message;
        return head.length() > 80 ? head.substring(0, 80) : head;
    }

    /** The first error with its path, and how many more (fits err_msg's 200 characters). */
    static String describe(List<Problem> errors) {
        if (errors.isEmpty()) {
            return "the message could not be read";
        }
        Problem first = errors.get(0);
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more error" + (errors.size() > 2 ? "s" : "") + ")" : "";
        String text = first.path() + ": " + first.reason();
        int room = 200 - more.length();
        return (text.length() > room ? text.substring(0, room - 1) + "…" : text) + more;
    }

    /** A failure envelope for a request refused before it reached the national layer (authentication, size, path). */
    public Reply refuse(String message) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZONE));
        Reply reply = failure(now, message, null);
        if (accessLog) {
            ACCESS.info("- refused at transport: {}", message);
        }
        return reply;
    }

    private Reply failure(LocalDateTime received, String message, String pathInfno) {
        LocalDateTime responded = LocalDateTime.now(clock.withZone(ZONE));
        NationalResponse<?> response = AnalysisResponses.failure(admdvs(), serial.incrementAndGet(), responded, message);
        return new Reply(write(response), false, pathInfno == null ? "-" : pathInfno, response.errorMessage(), 0);
    }

    private String admdvs() {
        return receiverAdmdvs;
    }

    private byte[] write(NationalResponse<?> response) {
        try {
            return json.writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response envelope: " + e.getOriginalMessage(), e);
        }
    }

    /** The national mapper (envelope members only: {@link NationalResponse#isSuccess()} is not serialized). */
    static ObjectMapper responseMapper() {
        return NationalJson.create();
    }

    /**
     * The body of {@code GET /health}: the gateway answers, with the rule-pack and knowledge-pack versions it analyses
     * with and the analyses answered without stored history so far (a rising count means the history store is slow or
     * down).
     */
    public byte[] health() {
        ActiveEngine.Loaded loaded = engines.current();
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", "UP");
        body.put("rules", loaded.rulesLabel());
        body.put("kb", loaded.kbVersion());
        body.put("degraded_analyses", degradedAnalyses());
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the health body: " + e.getOriginalMessage(), e);
        }
    }

    /** Analyses answered without stored history because the store failed or was slow. */
    public long degradedAnalyses() {
        return history == null ? 0 : history.degraded();
    }

    /** Waits until recorded history and issued warnings are written (tests, shutdown). */
    public void flush() {
        if (history != null) {
            history.flush();
        }
        if (warnings != null) {
            warnings.flush();
        }
    }

    @Override
    public void close() {
        if (history != null) {
            history.close();
        }
        if (warnings != null) {
            warnings.close();
        }
    }

    /** Builds a {@link NationalGateway}. */
    public static final class Builder {
        private final ActiveEngine engines;
        private PatientHistoryStore history;
        private Duration historyWindow = Duration.ofDays(180);
        private long historyTimeoutMillis = 100;
        private WarningLog warnings;
        private FeedbackStore feedback;
        private String receiverAdmdvs = "000000";
        private Clock clock = Clock.systemDefaultZone();
        private boolean accessLog = true;

        private Builder(ActiveEngine engines) {
            this.engines = engines;
        }

        /** The patient history to read and record, the window read before the current admission, the read deadline. */
        public Builder history(PatientHistoryStore store, Duration window, long timeoutMillis) {
            this.history = store;
            this.historyWindow = window;
            this.historyTimeoutMillis = timeoutMillis;
            return this;
        }

        /** Where issued warnings are recorded and 3103 feedback is stored (both needed for 3103). */
        public Builder warnings(WarningLog log, FeedbackStore store) {
            this.warnings = log;
            this.feedback = store;
            return this;
        }

        /** The 6-digit admdvs opening {@code inf_refmsgid} (the receiver's region). */
        public Builder receiverAdmdvs(String admdvs) {
            if (admdvs == null || !admdvs.matches("\\d{6}")) {
                throw new IllegalArgumentException("receiver admdvs must be 6 digits, got " + admdvs);
            }
            this.receiverAdmdvs = admdvs;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** One log line per request (masked; on by default). */
        public Builder accessLog(boolean on) {
            this.accessLog = on;
            return this;
        }

        public NationalGateway build() {
            return new NationalGateway(this);
        }
    }
}
