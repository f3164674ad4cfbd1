import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What keeps memory alive in a heap dump, without Eclipse MAT: reads an HPROF file
 * ({@code jcmd PID GC.heap_dump}), builds the dominator tree (Cooper, Harvey and Kennedy's iterative
 * algorithm), and prints, for the classes asked for, the retained size per instance broken down by
 * the dominator-tree children's classes and the fields that lead to them, and the shortest path from
 * a GC root to a few instances. Shallow sizes assume compressed oops and class pointers (12-byte
 * header, 4-byte references, 8-byte alignment), as on a heap under 32 GB.
 *
 * <p>Usage: {@code java -Xmx6g bench/HeapRetainers.java heap.hprof [--per N] [--depth D] [--paths K]
 * Class[,Class...]}: figures are divided by {@code --per} (the socket count) where given.
 */
public final class HeapRetainers {
    static int idSize;
    // classes
    static final Map<Long, Cls> classes = new HashMap<>();
    static final Map<Long, String> strings = new HashMap<>();
    static final Map<Long, Long> classNameIds = new HashMap<>();

    static final class Cls {
        long id, superId;
        String name;
        int instanceSize;
        long[] fieldNames = new long[0];
        byte[] fieldTypes = new byte[0];
        int node = -1;
        long instances, bytes;
    }

    // nodes
    static int n;
    static long[] ids = new long[1 << 20];
    static int[] size = new int[1 << 20];
    static long[] clsOf = new long[1 << 20]; // class id of an instance or array's class id; for a class object, its own id negated
    static int[] edgeStart = new int[1 << 20];
    static long[] rawEdges = new long[1 << 22];
    static int edges;
    static long[] roots = new long[1 << 16];
    static int rootCount;

    public static void main(String[] args) throws Exception {
        String file = args[0];
        int per = 1, depth = 3, paths = 2;
        List<String> wanted = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--per" -> per = Integer.parseInt(args[++i]);
                case "--depth" -> depth = Integer.parseInt(args[++i]);
                case "--paths" -> paths = Integer.parseInt(args[++i]);
                case "--no-dominators" -> { }
                case "--anchors" -> anchors.addAll(Arrays.asList(args[++i].split(",")));
                case "--chains" -> chains.addAll(Arrays.asList(args[++i].split(",")));
                default -> wanted.addAll(Arrays.asList(args[i].split(",")));
            }
        }
        read(file);
        edgeStart[n] = edges;
        System.err.printf("%d objects, %d references, %d roots%n", n, edges, rootCount);
        Index index = new Index(ids, n);
        int[] to = new int[edges];
        for (int i = 0; i < edges; i++) to[i] = index.get(rawEdges[i]);
        rawEdges = null;
        for (Cls c : classes.values()) c.node = index.get(c.id);
        // the super-root is node n
        int[] rootNodes = Arrays.stream(roots, 0, rootCount).mapToInt(index::get).filter(x -> x >= 0).distinct().toArray();
        // every class object is a root as well (static fields)
        int[] classRoots = classes.values().stream().mapToInt(c -> c.node).filter(x -> x >= 0).toArray();
        int[] all = new int[rootNodes.length + classRoots.length];
        System.arraycopy(rootNodes, 0, all, 0, rootNodes.length);
        System.arraycopy(classRoots, 0, all, rootNodes.length, classRoots.length);
        Graph g = new Graph(n, edgeStart, to, all);
        g.shortestPaths();
        long[] retained = Arrays.stream(size, 0, n + 1).asLongStream().toArray();
        if (!wanted.isEmpty() || (!chains.isEmpty() && !Arrays.asList(args).contains("--no-dominators"))) {
            g.dominators();
            retained = g.retained(size);
        }
        long total = 0;
        for (int i = 0; i < n; i++) if (g.order[i] >= 0) total += size[i];
        System.out.printf(Locale.ROOT, "reachable: %.1f MB in %d objects%n", total / 1048576.0, g.reachable);
        for (String w : wanted) report(w, g, retained, per, depth, paths);
        for (String c : chains) chains(c, g, retained, per);
        if (!anchors.isEmpty()) attribute(g, per);
    }

    static final List<String> anchors = new ArrayList<>();

    /**
     * Every reachable object's shallow size attributed to the nearest anchor (a per-connection
     * object: the Grizzly connection, the Tyrus session...) on its shortest path from a GC root, by
     * the anchor's field that leads to it. Unlike retained sizes, this adds up when the per-socket
     * objects refer to each other (as they do: nothing per socket dominates much).
     */
    static void attribute(Graph g, int per) {
        java.util.Set<String> wanted = new java.util.HashSet<>(anchors);
        boolean[] isAnchor = new boolean[n + 1];
        for (int i = 0; i < n; i++) if (g.order[i] >= 0 && wanted.contains(className(i))) isAnchor[i] = true;
        int[] anchor = new int[n + 1], hop = new int[n + 1];
        Map<String, long[]> groups = new HashMap<>();
        long[] byAnchor = new long[n + 1];
        for (int q = 0; q < g.bfs.length; q++) {
            int v = g.bfs[q];
            if (v == n) continue;
            int p = g.parent[v];
            if (p < 0) { anchor[v] = -1; } else if (isAnchor[p]) { anchor[v] = p; hop[v] = v; } else { anchor[v] = anchor[p]; hop[v] = hop[p]; }
            String key;
            if (isAnchor[v]) key = shortName(className(v)) + " (itself)";
            else if (anchor[v] < 0) continue;
            else key = shortName(className(anchor[v])) + " ." + via(anchor[v], hop[v], g) + " " + shortName(className(hop[v]));
            long[] s = groups.computeIfAbsent(key, k -> new long[2]);
            s[0] += size[v];
            s[1]++;
        }
        long total = groups.values().stream().mapToLong(v -> v[0]).sum();
        System.out.printf(Locale.ROOT, "%n== attributed to the anchors %s: %.1f KB per %d%n", anchors, total / 1024.0 / per, per);
        groups.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0]))
                .filter(e -> e.getValue()[0] / (double) per >= 48)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %8.0f B/%d %7.2f objects  %s%n",
                        e.getValue()[0] / (double) per, per, e.getValue()[1] / (double) per, e.getKey()));
    }

    static final List<String> chains = new ArrayList<>();

    /**
     * Instances of a class grouped by what holds them: the last hops of the shortest path from a GC
     * root (field names and classes), and separately by their chain of immediate dominators.
     */
    static void chains(String wanted, Graph g, long[] retained, int per) {
        Map<String, long[]> byPath = new HashMap<>(), byDom = new HashMap<>();
        long sum = 0;
        int count = 0;
        for (int x = 0; x < n; x++) {
            if (g.order[x] < 0 || !className(x).equals(wanted)) continue;
            sum += retained[x];
            count++;
            StringBuilder path = new StringBuilder();
            int y = x;
            for (int hop = 0; hop < 7 && g.parent[y] >= 0; hop++, y = g.parent[y]) {
                path.insert(0, " -" + via(g.parent[y], y, g) + "-> " + shortName(className(y)));
            }
            path.insert(0, shortName(g.parent[y] >= 0 ? className(g.parent[y]) : "<root>"));
            long[] v = byPath.computeIfAbsent(path.toString(), k -> new long[2]);
            v[0] += retained[x];
            v[1]++;
            if (g.idom == null) continue;
            StringBuilder dom = new StringBuilder();
            y = x;
            for (int hop = 0; hop < 6 && g.idom[y] != n; hop++, y = g.idom[y]) {
                dom.append(" <= ").append(shortName(className(g.idom[y])));
            }
            long[] d = byDom.computeIfAbsent(dom.toString(), k -> new long[2]);
            d[0] += retained[x];
            d[1]++;
        }
        System.out.printf(Locale.ROOT, "%n== %s: %d instances, retained %.1f KB, %.0f B per %d%n", wanted, count, sum / 1024.0, sum / (double) per, per);
        System.out.println("  by shortest path from a root (last hops):");
        print(byPath, per);
        System.out.println("  by chain of immediate dominators:");
        print(byDom, per);
    }

    static void print(Map<String, long[]> groups, int per) {
        groups.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])).limit(15)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %9.0f B/%d %8.2f inst/%d  %s%n",
                        e.getValue()[0] / (double) per, per, e.getValue()[1] / (double) per, per, e.getKey()));
    }

    static String shortName(String name) {
        int dot = name.lastIndexOf('.', name.indexOf('$') < 0 ? name.length() : name.indexOf('$'));
        return name.substring(dot + 1);
    }

    static String className(int node) {
        long c = clsOf[node];
        if (c < 0) return "class " + classes.get(-c).name;
        Cls k = classes.get(c);
        return k == null ? "?" : k.name;
    }

    /** The name of the field (or array index) of {@code from} that refers to {@code target}. */
    static String via(int from, int target, Graph g) {
        for (int e = edgeStart[from]; e < edgeStart[from + 1]; e++) {
            if (g.to[e] == target) {
                String f = fieldOf[e];
                return f == null ? "[]" : f;
            }
        }
        return "?";
    }

    static String[] fieldOf; // field name per edge, null for array elements

    static void report(String wanted, Graph g, long[] retained, int per, int depth, int paths) {
        List<Integer> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) if (g.order[i] >= 0 && className(i).equals(wanted)) nodes.add(i);
        long sum = 0;
        for (int x : nodes) sum += retained[x];
        System.out.printf(Locale.ROOT, "%n== %s: %d instances, retained %.1f KB in all, %.0f B per instance, %.0f B per %d%n",
                wanted, nodes.size(), sum / 1024.0, nodes.isEmpty() ? 0 : sum / (double) nodes.size(), sum / (double) per, per);
        if (nodes.isEmpty()) return;
        // the dominator-tree below the instances, aggregated by field and class path
        Map<String, long[]> tree = new TreeMap<>();
        for (int x : nodes) walk(x, "", depth, g, retained, tree);
        tree.entrySet().stream()
                .filter(e -> e.getValue()[0] / (double) nodes.size() >= 64)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %9.0f B/inst %7.2f /inst  %s%n",
                        e.getValue()[0] / (double) nodes.size(), e.getValue()[1] / (double) nodes.size(), e.getKey()));
        // who dominates the instances, and the path from a root to a few of them
        Map<String, Integer> holders = new HashMap<>();
        for (int x : nodes) holders.merge(g.idom[x] == n ? "<root>" : className(g.idom[x]), 1, Integer::sum);
        System.out.println("  immediate dominators: " + holders);
        for (int k = 0; k < Math.min(paths, nodes.size()); k++) {
            int x = nodes.get(k * nodes.size() / Math.max(1, paths));
            StringBuilder path = new StringBuilder();
            int steps = 0;
            for (int y = x; g.parent[y] >= 0 && steps < 40; y = g.parent[y], steps++) {
                path.insert(0, " -" + via(g.parent[y], y, g) + "-> " + className(y));
            }
            System.out.println("  path: <root>" + path);
        }
    }

    static void walk(int x, String prefix, int depth, Graph g, long[] retained, Map<String, long[]> tree) {
        if (depth == 0) return;
        for (int c = g.firstChild[x]; c >= 0; c = g.nextSibling[c]) {
            String key = prefix + " / " + via(x, c, g) + ":" + className(c);
            long[] v = tree.computeIfAbsent(key, k -> new long[2]);
            v[0] += retained[c];
            v[1]++;
            walk(c, key, depth - 1, g, retained, tree);
        }
    }

    // ---- HPROF reading ----

    static DataInputStream in;

    static long id() throws IOException {
        return idSize == 4 ? in.readInt() & 0xFFFFFFFFL : in.readLong();
    }

    static int typeSize(int type) {
        return switch (type) {
            case 2 -> idSize;
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            case 7, 11 -> 8;
            default -> throw new IllegalStateException("type " + type);
        };
    }

    static int heapSize(int type) {
        return type == 2 ? 4 : typeSize(type);
    }

    static List<String> edgeFields = new ArrayList<>();

    static void read(String file) throws IOException {
        in = new DataInputStream(new BufferedInputStream(new FileInputStream(file), 1 << 20));
        while (in.readByte() != 0) { }
        idSize = in.readInt();
        in.readLong();
        List<String> fieldNames = new ArrayList<>();
        while (true) {
            int tag;
            try {
                tag = in.readUnsignedByte();
            } catch (EOFException e) {
                break;
            }
            in.readInt();
            long length = in.readInt() & 0xFFFFFFFFL;
            if (tag == 0x01) {
                long sid = id();
                byte[] b = new byte[(int) (length - idSize)];
                in.readFully(b);
                strings.put(sid, new String(b, java.nio.charset.StandardCharsets.UTF_8));
            } else if (tag == 0x02) {
                in.readInt();
                long classId = id();
                in.readInt();
                classNameIds.put(classId, id());
            } else if (tag == 0x0C || tag == 0x1C) {
                heap(length);
            } else {
                in.skipNBytes(length);
            }
        }
        fieldOf = edgeFields.toArray(new String[0]);
        edgeFields = null;
    }

    static void heap(long length) throws IOException {
        long end = length;
        long read = 0;
        while (read < end) {
            int sub = in.readUnsignedByte();
            read += 1;
            switch (sub) {
                case 0xFF, 0x05, 0x07 -> { root(id()); read += idSize; }
                case 0x01 -> { root(id()); id(); read += 2L * idSize; }
                case 0x02, 0x03, 0x08 -> { root(id()); in.readInt(); in.readInt(); read += idSize + 8; }
                case 0x04, 0x06 -> { root(id()); in.readInt(); read += idSize + 4; }
                case 0x20 -> read += classDump();
                case 0x21 -> read += instance();
                case 0x22 -> read += objectArray();
                case 0x23 -> read += primitiveArray();
                default -> throw new IllegalStateException("heap sub-record " + sub);
            }
        }
    }

    static void root(long id) {
        if (rootCount == roots.length) roots = Arrays.copyOf(roots, roots.length * 2);
        roots[rootCount++] = id;
    }

    static int node(long id, long cls, int bytes) {
        if (n + 1 >= ids.length) {
            int cap = ids.length * 2;
            ids = Arrays.copyOf(ids, cap);
            size = Arrays.copyOf(size, cap);
            clsOf = Arrays.copyOf(clsOf, cap);
            edgeStart = Arrays.copyOf(edgeStart, cap);
        }
        ids[n] = id;
        clsOf[n] = cls;
        size[n] = bytes;
        edgeStart[n] = edges;
        return n++;
    }

    static void edge(long target, String field) {
        if (target == 0) return;
        if (edges == rawEdges.length) rawEdges = Arrays.copyOf(rawEdges, rawEdges.length * 2);
        rawEdges[edges++] = target;
        edgeFields.add(field);
    }

    static long classDump() throws IOException {
        Cls c = new Cls();
        long r = 0;
        c.id = id();
        in.readInt();
        c.superId = id();
        long loader = id();
        id(); id(); id(); id();
        c.instanceSize = in.readInt();
        r += 7L * idSize + 8;
        Long nameId = classNameIds.get(c.id);
        c.name = nameId == null ? "?" : strings.getOrDefault(nameId, "?").replace('/', '.');
        if (c.name.startsWith("[")) c.name = arrayName(c.name);
        classes.put(c.id, c);
        node(c.id, -c.id, 0);
        edge(loader, "<loader>");
        int cp = in.readUnsignedShort();
        r += 2;
        for (int i = 0; i < cp; i++) {
            in.readUnsignedShort();
            int t = in.readUnsignedByte();
            r += 3 + typeSize(t);
            if (t == 2) edge(id(), "<constant>"); else in.skipNBytes(typeSize(t));
        }
        int statics = in.readUnsignedShort();
        r += 2;
        for (int i = 0; i < statics; i++) {
            long name = id();
            int t = in.readUnsignedByte();
            r += idSize + 1 + typeSize(t);
            if (t == 2) edge(id(), "static " + strings.getOrDefault(name, "?")); else in.skipNBytes(typeSize(t));
        }
        int fields = in.readUnsignedShort();
        r += 2;
        c.fieldNames = new long[fields];
        c.fieldTypes = new byte[fields];
        for (int i = 0; i < fields; i++) {
            c.fieldNames[i] = id();
            c.fieldTypes[i] = in.readByte();
            r += idSize + 1;
        }
        return r;
    }

    static String arrayName(String sig) {
        int dims = 0;
        while (sig.charAt(dims) == '[') dims++;
        String e = switch (sig.charAt(dims)) {
            case 'B' -> "byte"; case 'C' -> "char"; case 'I' -> "int"; case 'J' -> "long"; case 'Z' -> "boolean";
            case 'S' -> "short"; case 'F' -> "float"; case 'D' -> "double";
            case 'L' -> sig.substring(dims + 1, sig.length() - 1);
            default -> sig;
        };
        return e + "[]".repeat(dims);
    }

    static long instance() throws IOException {
        long id = id();
        in.readInt();
        long cls = id();
        int bytes = in.readInt();
        Cls c = classes.get(cls);
        int shallow = 12;
        for (Cls k = c; k != null; k = classes.get(k.superId)) for (byte t : k.fieldTypes) shallow += heapSize(t);
        node(id, cls, (shallow + 7) & ~7);
        int left = bytes;
        for (Cls k = c; k != null; k = classes.get(k.superId)) {
            for (int i = 0; i < k.fieldTypes.length; i++) {
                int t = k.fieldTypes[i];
                if (t == 2) {
                    edge(id(), strings.getOrDefault(k.fieldNames[i], "?"));
                } else {
                    in.skipNBytes(typeSize(t));
                }
                left -= typeSize(t);
            }
        }
        if (left != 0) throw new IllegalStateException("field layout of " + (c == null ? "?" : c.name) + " off by " + left);
        return 2L * idSize + 8 + bytes;
    }

    static long objectArray() throws IOException {
        long id = id();
        in.readInt();
        int count = in.readInt();
        long cls = id();
        node(id, cls, (16 + 4 * count + 7) & ~7);
        for (int i = 0; i < count; i++) edge(id(), null);
        return 2L * idSize + 8 + (long) count * idSize;
    }

    static final Map<Integer, Long> primitiveArrayClass = new HashMap<>();

    static long primitiveArray() throws IOException {
        long id = id();
        in.readInt();
        int count = in.readInt();
        int t = in.readUnsignedByte();
        int s = typeSize(t);
        in.skipNBytes((long) count * s);
        String name = switch (t) {
            case 4 -> "boolean[]"; case 5 -> "char[]"; case 6 -> "float[]"; case 7 -> "double[]";
            case 8 -> "byte[]"; case 9 -> "short[]"; case 10 -> "int[]"; default -> "long[]";
        };
        long cls = primitiveArrayClass.computeIfAbsent(t, k -> {
            for (Cls c : classes.values()) if (c.name.equals(name)) return c.id;
            Cls c = new Cls();
            c.id = Long.MAX_VALUE - k; // no class dump for it: a made-up id
            c.name = name;
            classes.put(c.id, c);
            return c.id;
        });
        node(id, cls, (int) ((16 + (long) count * s + 7) & ~7));
        return idSize + 9 + (long) count * s;
    }

    /** Object id to node, open addressing. */
    static final class Index {
        final long[] keys;
        final int[] values;
        final int mask;

        Index(long[] ids, int n) {
            int cap = Integer.highestOneBit(Math.max(4, n) * 2) * 2;
            keys = new long[cap];
            values = new int[cap];
            mask = cap - 1;
            for (int i = 0; i < n; i++) {
                int h = hash(ids[i]);
                while (keys[h] != 0) h = (h + 1) & mask;
                keys[h] = ids[i];
                values[h] = i;
            }
        }

        int hash(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 32) & mask;
        }

        int get(long k) {
            if (k == 0) return -1;
            int h = hash(k);
            while (keys[h] != 0) {
                if (keys[h] == k) return values[h];
                h = (h + 1) & mask;
            }
            return -1;
        }
    }

    /** Nodes 0..n-1 and the super-root n, with edges to the GC roots. */
    static final class Graph {
        final int n;
        final int[] start, to, roots;
        int[] bfs; // breadth-first order from the super-root
        int[] order; // reverse postorder number, -1 if unreachable
        int[] byOrder;
        int[] idom, parent, firstChild, nextSibling;
        int reachable;

        Graph(int n, int[] start, int[] to, int[] roots) {
            this.n = n;
            this.start = start;
            this.to = to;
            this.roots = roots;
        }

        int succCount(int v) {
            return v == n ? roots.length : start[v + 1] - start[v];
        }

        int succ(int v, int i) {
            return v == n ? roots[i] : to[start[v] + i];
        }

        /** Breadth-first from the super-root: shortest paths (parent) and what is reachable. */
        void shortestPaths() {
            parent = new int[n + 1];
            Arrays.fill(parent, -2);
            parent[n] = -1;
            int[] queue = new int[n + 1];
            int head = 0, tail = 0;
            queue[tail++] = n;
            while (head < tail) {
                int v = queue[head++];
                for (int i = 0, c = succCount(v); i < c; i++) {
                    int w = succ(v, i);
                    if (w >= 0 && parent[w] == -2) {
                        parent[w] = v == n ? -1 : v;
                        queue[tail++] = w;
                    }
                }
            }
            bfs = Arrays.copyOf(queue, tail);
            reachable = tail - 1;
            order = new int[n + 1];
            Arrays.fill(order, -1);
            for (int v : bfs) order[v] = 0;
        }

        /** Immediate dominators by Cooper, Harvey and Kennedy's iteration over reverse postorder. */
        void dominators() {
            int[] post = new int[n + 1];
            boolean[] seen = new boolean[n + 1];
            int[] stack = new int[n + 1], pos = new int[n + 1];
            int sp = 0, count = 0;
            stack[sp++] = n;
            seen[n] = true;
            while (sp > 0) {
                int v = stack[sp - 1];
                if (pos[v] < succCount(v)) {
                    int w = succ(v, pos[v]++);
                    if (w >= 0 && !seen[w]) {
                        seen[w] = true;
                        stack[sp++] = w;
                    }
                } else {
                    sp--;
                    post[v] = count++;
                }
            }
            reachable = count - 1;
            order = new int[n + 1];
            byOrder = new int[count];
            for (int v = 0; v <= n; v++) {
                if (seen[v]) {
                    order[v] = count - 1 - post[v];
                    byOrder[order[v]] = v;
                } else {
                    order[v] = -1;
                }
            }
            // predecessors
            int[] predCount = new int[n + 2];
            for (int v = 0; v <= n; v++) {
                if (!seen[v]) continue;
                for (int i = 0, c = succCount(v); i < c; i++) {
                    int w = succ(v, i);
                    if (w >= 0) predCount[w + 1]++;
                }
            }
            for (int i = 0; i <= n; i++) predCount[i + 1] += predCount[i];
            int[] preds = new int[predCount[n + 1]];
            int[] fill = Arrays.copyOf(predCount, n + 1);
            for (int v = 0; v <= n; v++) {
                if (!seen[v]) continue;
                for (int i = 0, c = succCount(v); i < c; i++) {
                    int w = succ(v, i);
                    if (w >= 0) preds[fill[w]++] = v;
                }
            }
            idom = new int[n + 1];
            Arrays.fill(idom, -1);
            idom[n] = n;
            boolean changed = true;
            int rounds = 0;
            while (changed) {
                changed = false;
                rounds++;
                for (int o = 1; o < count; o++) {
                    int v = byOrder[o];
                    int d = -1;
                    for (int p = predCount[v]; p < predCount[v + 1]; p++) {
                        int u = preds[p];
                        if (idom[u] < 0) continue;
                        d = d < 0 ? u : intersect(u, d);
                    }
                    if (d != idom[v]) {
                        idom[v] = d;
                        changed = true;
                    }
                }
            }
            System.err.printf("dominators: %d rounds%n", rounds);
            firstChild = new int[n + 1];
            nextSibling = new int[n + 1];
            Arrays.fill(firstChild, -1);
            for (int o = count - 1; o >= 1; o--) {
                int v = byOrder[o];
                nextSibling[v] = firstChild[idom[v]];
                firstChild[idom[v]] = v;
            }
        }

        int intersect(int a, int b) {
            while (a != b) {
                while (order[a] > order[b]) a = idom[a];
                while (order[b] > order[a]) b = idom[b];
            }
            return a;
        }

        long[] retained(int[] size) {
            long[] r = new long[n + 1];
            for (int o = byOrder.length - 1; o >= 1; o--) {
                int v = byOrder[o];
                r[v] += size[v];
                r[idom[v]] += r[v];
            }
            return r;
        }
    }
}
