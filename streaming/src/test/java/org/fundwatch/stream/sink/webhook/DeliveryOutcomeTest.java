package org.fundwatch.stream.sink.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryOutcomeTest {
    @ParameterizedTest
    @CsvSource({"200,DELIVERED", "202,DELIVERED", "204,DELIVERED", "500,RETRY", "502,RETRY", "503,RETRY",
            "408,RETRY", "429,RETRY", "400,PERMANENT", "401,PERMANENT", "403,PERMANENT", "404,PERMANENT",
            "410,PERMANENT", "301,PERMANENT"})
    void classifiesStatuses(int status, DeliveryOutcome expected) {
        assertEquals(expected, DeliveryOutcome.ofStatus(status));
    }
}
