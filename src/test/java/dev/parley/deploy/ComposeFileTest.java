package dev.parley.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files as Docker Compose and HAProxy read them (no Docker engine runs here): the
 * compose files pass {@code docker compose config} (or {@code docker-compose config}) when a Compose
 * CLI is present, and {@code docker/haproxy.cfg} passes {@code haproxy -c}.
 */
class ComposeFileTest {
    private static final Path DOCKER = Path.of("docker").toAbsolutePath();
    /** What the person starting compose exports (compose.yaml requires it). */
    private static final String CLUSTER_SECRET = "a-secret-for-compose-config-of-32-characters";

    @Test
    void theClusterComposeFileIsValidAndClustersTwoNodesBehindTheLoadBalancer() throws Exception {
        Map<String, Object> services = services(config("compose.yaml"));
        assertEquals(List.of("lb", "parley1", "parley2", "postgres"), services.keySet().stream().sorted().toList());
        for (String node : List.of("parley1", "parley2")) {
            Map<String, Object> service = map(services.get(node));
            String command = String.join(" ", strings(service.get("command")));
            assertTrue(command.contains("--clustername parley"), command);
            assertTrue(command.contains("--clustermode tcpip:parley1:6900,parley2:6900"), "TCP/IP members, no multicast: " + command);
            assertFalse(command.contains("--nohazelcast"), command);
            assertFalse(service.containsKey("ports"), node + " is reached through the load balancer only; its cluster port stays inside");
            Map<String, Object> env = map(service.get("environment"));
            assertEquals("jdbc:postgresql://postgres:5432/parley", env.get("PARLEY_DB_URL"));
            assertEquals(ipOf(map(services.get("lb"))), env.get("PARLEY_TRUSTED_PROXIES"), "the load balancer's X-Forwarded-For is trusted");
            assertEquals(CLUSTER_SECRET, env.get("PARLEY_CLUSTER_SECRET"), "the cluster secret from the environment");
        }
        assertTrue(Files.readString(DOCKER.resolve("compose.yaml")).contains("PARLEY_CLUSTER_SECRET: ${PARLEY_CLUSTER_SECRET:?"),
                "the cluster secret required from the environment, never written in the file");
        Map<String, Object> lb = map(services.get("lb"));
        assertTrue(String.valueOf(lb.get("image")).startsWith("haproxy:"), "the official HAProxy image");
        assertTrue(String.valueOf(lb.get("volumes")).contains("haproxy.cfg"), "runs docker/haproxy.cfg");
    }

    @Test
    void theSingleNodeComposeFileIsValid() throws Exception {
        Map<String, Object> services = services(config("compose.single-node.yaml"));
        assertEquals(List.of("db", "parley"), services.keySet().stream().sorted().toList());
    }

    @Test
    void theLoadBalancerConfigIsValid() throws Exception {
        Path haproxy = Path.of("/usr/sbin/haproxy");
        assertTrue(haproxy.toFile().canExecute(), "HAProxy is missing: install Debian's package (apt-get install -y haproxy); .ci/run does");
        Result check = run(List.of(haproxy.toString(), "-c", "-f", DOCKER.resolve("haproxy.cfg").toString()));
        assertEquals(0, check.exit(), check.output());
    }

    /** {@code config} of a compose file by the Compose CLI found here, as YAML; skipped, and said so, without one. */
    private static String config(String file) throws Exception {
        Optional<List<String>> compose = composeCli();
        if (compose.isEmpty()) {
            System.out.println("SKIPPED: no Docker Compose CLI (neither `docker compose` nor `docker-compose`): docker/" + file + " not validated");
        }
        Assumptions.assumeTrue(compose.isPresent(), "no Docker Compose CLI: docker/" + file + " not validated");
        List<String> command = new ArrayList<>(compose.get());
        command.addAll(List.of("-f", DOCKER.resolve(file).toString(), "config"));
        Result result = run(command);
        assertEquals(0, result.exit(), String.join(" ", command) + ":\n" + result.output());
        return result.output();
    }

    private static Optional<List<String>> composeCli() throws Exception {
        for (List<String> cli : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(cli);
            version.add("version");
            try {
                if (run(version).exit() == 0) return Optional.of(cli);
            } catch (IOException notInstalled) {
                // try the next
            }
        }
        return Optional.empty();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PARLEY_CLUSTER_SECRET", CLUSTER_SECRET);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
        return new Result(process.exitValue(), output);
    }

    private static Map<String, Object> services(String config) {
        return map(map(new Yaml().load(config)).get("services"));
    }

    private static String ipOf(Map<String, Object> service) {
        return String.valueOf(map(map(service.get("networks")).get("parley")).get("ipv4_address"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object yaml) {
        return (List<String>) yaml;
    }
}
