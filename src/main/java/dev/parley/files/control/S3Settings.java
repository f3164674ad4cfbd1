package dev.parley.files.control;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the S3 store is ({@code PARLEY_S3_*}): all five are needed once {@code PARLEY_FILE_STORE=s3}.
 * The endpoint is always given, S3-compatible servers and Amazon S3 alike
 * ({@code https://s3.REGION.amazonaws.com}), and is addressed path-style ({@code ENDPOINT/BUCKET/KEY}),
 * which every S3-compatible server understands.
 */
public record S3Settings(URI endpoint, String bucket, String region, String accessKey, String secretKey) {
    /** The settings' names, as MicroProfile Config properties. */
    static final String ENDPOINT = "parley.s3.endpoint";
    static final String BUCKET = "parley.s3.bucket";
    static final String REGION = "parley.s3.region";
    static final String ACCESS_KEY = "parley.s3.access-key";
    static final String SECRET_KEY = "parley.s3.secret-key";

    /**
     * Reads the settings through {@code config} (a property's value, if set); one missing or malformed
     * is an {@link IllegalArgumentException} naming each such setting, never a value.
     */
    public static S3Settings read(Function<String, Optional<String>> config) {
        List<String> missing = new ArrayList<>();
        String endpoint = value(config, ENDPOINT, missing);
        String bucket = value(config, BUCKET, missing);
        String region = value(config, REGION, missing);
        String accessKey = value(config, ACCESS_KEY, missing);
        String secretKey = config.apply(SECRET_KEY).filter(s -> !s.isEmpty()).orElse(null); // spaces may be part of a secret
        if (secretKey == null) missing.add(SECRET_KEY);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("these settings are missing: " + String.join(", ", missing.stream().map(S3Settings::envName).toList()));
        }
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException bad) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(envName(ENDPOINT) + " must be an http:// or https:// address, such as https://s3.eu-west-1.amazonaws.com");
        }
        return new S3Settings(uri, bucket, region, accessKey, secretKey);
    }

    /** The environment variable that gives a property ({@code parley.s3.access-key}: {@code PARLEY_S3_ACCESS_KEY}). */
    static String envName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String value(Function<String, Optional<String>> config, String property, List<String> missing) {
        Optional<String> value = config.apply(property).map(String::strip).filter(s -> !s.isEmpty());
        if (value.isEmpty()) missing.add(property);
        return value.orElse(null);
    }

    /** Without the secret: this may be logged. */
    @Override
    public String toString() {
        return "S3 bucket " + bucket + " at " + endpoint + " (region " + region + ")";
    }
}
