package dev.parley.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parley's configuration defaults as shipped ({@code META-INF/microprofile-config.properties}), for unit tests that need the real limits. */
public final class Defaults {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Properties PROPERTIES = load();

    private Defaults() {
    }

    public static String get(String key) {
        String value = PROPERTIES.getProperty(key);
        if (value == null) throw new IllegalArgumentException("no default for " + key);
        Matcher reference = REFERENCE.matcher(value);
        return reference.matches() ? get(reference.group(1)) : value;
    }

    public static int integer(String key) {
        return Integer.parseInt(get(key));
    }

    public static double decimal(String key) {
        return Double.parseDouble(get(key));
    }

    public static Duration duration(String key) {
        return Duration.parse(get(key));
    }

    private static Properties load() {
        try (InputStream in = Defaults.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
