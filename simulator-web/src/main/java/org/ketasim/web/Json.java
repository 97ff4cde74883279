package org.ketasim.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.problems.Location;

/**
 * JSON in and out: one Jackson mapper, strict on what it reads (an unknown field is an error), and
 * the one rule for numbers a model cannot give (NaN becomes null, since JSON has no NaN).
 */
final class Json {

    /** The mapper every request and answer goes through. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /**
     * @param v a number
     * @return it, or null for NaN or an infinity
     */
    static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * @param body a request body
     * @param type what it should hold
     * @param <T>  that type
     * @return the body read
     * @throws InputException (source {@code request}) naming the line and column, without the
     *                        server's class names, if the body is not JSON of that shape (a
     *                        JSON {@code null} is not)
     */
    static <T> T read(String body, Class<T> type) {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw problem("", "the request is not the JSON this endpoint takes: it is null");
            }
            return value;
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw problem("", "the request is not the JSON this endpoint takes"
                    + at);
        }
    }

    /**
     * @param key     the request's part that is wrong (a field or query parameter), or empty for the whole
     * @param problem what is wrong, naming the value
     * @return the bad-request problem (source {@code request}), answered 400 with its message
     */
    static InputException problem(String key, String problem) {
        return new InputException(new Location("request", 0, key), problem);
    }
}
