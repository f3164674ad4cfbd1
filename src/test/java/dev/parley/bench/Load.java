package dev.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONObject;

/** What the Java load generators share: guest logins and the readings of a process from /proc. */
final class Load {
    private Load() {
    }

    static String guest(HttpClient http, String base, String name) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/guest"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new JSONObject(response.body()).getString("token");
    }

    /** utime + stime of the process, in clock ticks (1/100 s). */
    static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Resident memory of the process, in KB (a rough per-socket figure: the heap grows in steps). */
    static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return 0;
    }
}
