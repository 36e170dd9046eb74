package org.fundwatch.codes;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A national medical-service item code (医疗服务项目分类与代码): 15 digits, optionally followed by
 * {@code -} and a local price-item suffix, e.g. {@code 001102000050000} or
 * {@code 001102000010000-110200006}. Every public example and all 2,691 item codes of the
 * two-libraries batches are 15 digits.
 */
public record ServiceItemCode(String value) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{15})(?:-([0-9A-Za-z]+))?");

    public ServiceItemCode {
        if (!isValid(value)) {
            throw new InvalidCodeException("not a national service-item code (expected 15 digits, optionally -local suffix, e.g. 001102000050000): "
                    + InvalidCodeException.quote(value));
        }
        value = value.trim();
    }

    /** Parses {@code text}; throws {@link InvalidCodeException} with the reason when it is not valid. */
    public static ServiceItemCode parse(String text) {
        return new ServiceItemCode(text);
    }

    /** The code, or empty when {@code text} is not valid. */
    public static Optional<ServiceItemCode> tryParse(String text) {
        return isValid(text) ? Optional.of(new ServiceItemCode(text)) : Optional.empty();
    }

    /** Whether {@code text} is a valid service-item code. */
    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text.trim()).matches();
    }

    /** The 15-digit national code without any local suffix (the key of the knowledge tables). */
    public String nationalCode() {
        return value.substring(0, 15);
    }

    /** The local price-item suffix after {@code -}, if any. */
    public Optional<String> localSuffix() {
        Matcher m = FORMAT.matcher(value);
        m.matches();
        return Optional.ofNullable(m.group(2));
    }

    @Override
    public String toString() {
        return value;
    }
}
