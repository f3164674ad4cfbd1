package dev.parley;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The component graph of docs/architecture.md, and the layers inside each component, checked on the
 * compiled classes (ArchUnit). A new arrow between components goes into {@link #MAY_USE} on purpose,
 * and into the document with it.
 */
class ArchitectureTest {
    /** The application's classes as compiled (read from the folder: scanning the classpath's jars for the package took seconds). */
    static final JavaClasses CODE = new ClassFileImporter().importPath(Path.of("target/classes"));

    /** Each component and the components it may use: a DAG, bottom first. */
    static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

    /** The infrastructure under every business component, bottom first. */
    static final Set<String> INFRASTRUCTURE = Set.of("errors", "http", "database", "operations", "cluster", "limits");

    static {
        MAY_USE.put("errors", Set.of());
        MAY_USE.put("http", Set.of("errors"));
        MAY_USE.put("database", Set.of("errors"));
        MAY_USE.put("operations", Set.of("errors", "http", "database"));
        MAY_USE.put("cluster", Set.of("errors", "operations"));
        MAY_USE.put("limits", Set.of("errors", "http", "cluster"));
        MAY_USE.put("accounts", above());
        MAY_USE.put("sessions", above("accounts"));
        MAY_USE.put("presence", above("accounts", "sessions"));
        MAY_USE.put("rooms", above("accounts", "sessions", "presence")); // presence: whether a listed member is online
        // files: stored bytes and who may read them; whether a reader may read the message a file is
        // attached to is asked through files/control/MessageAccess, which messages implements
        MAY_USE.put("files", above("accounts", "sessions"));
        MAY_USE.put("messages", above("accounts", "sessions", "presence", "rooms", "files"));
        MAY_USE.put("realtime", above("accounts", "sessions", "presence", "rooms", "messages", "files"));
        MAY_USE.put("webhooks", above("accounts", "rooms", "messages", "files"));
        MAY_USE.put("signon", above("accounts", "sessions"));
        MAY_USE.put("administration", above("accounts", "sessions", "presence", "rooms", "messages", "files"));
        MAY_USE.put("exports", above("accounts", "sessions", "rooms", "messages", "files"));
    }

    private static Set<String> above(String... components) {
        Set<String> uses = new java.util.HashSet<>(INFRASTRUCTURE);
        uses.addAll(List.of(components));
        return Set.copyOf(uses);
    }

    /**
     * The only package that may touch the servlet container's WebSocket internals (Tyrus, Grizzly), by
     * type or by name: the realtime component's container adapter, behind {@code engine/SocketOutput}.
     */
    static final String CONTAINER_ADAPTER = "dev.parley.realtime.container";

    static final String[] CONTAINER_INTERNALS = {"org.glassfish.tyrus..", "org.glassfish.grizzly.."};

    @Test
    void componentsHaveNoCycles() {
        slices().matching("dev.parley.(*)..").should().beFreeOfCycles().check(CODE);
    }

    @TestFactory
    Stream<DynamicTest> eachComponentUsesOnlyTheComponentsBelowIt() {
        return MAY_USE.entrySet().stream().map(component -> DynamicTest.dynamicTest(component.getKey(), () -> {
            String[] forbidden = MAY_USE.keySet().stream()
                    .filter(other -> !other.equals(component.getKey()) && !component.getValue().contains(other))
                    .map(other -> "dev.parley." + other + "..")
                    .toArray(String[]::new);
            if (forbidden.length == 0) return;
            noClasses().that().resideInAPackage("dev.parley." + component.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .check(CODE);
        }));
    }

    @Test
    void everyPackageBelongsToAComponentOfTheGraph() {
        List<String> strays = CODE.stream()
                .map(JavaClass::getPackageName)
                .filter(p -> !p.equals("dev.parley"))
                .map(p -> p.substring("dev.parley.".length()).split("\\.")[0])
                .filter(component -> !MAY_USE.containsKey(component))
                .distinct().toList();
        assertEquals(List.of(), strays, "components missing from MAY_USE (and from docs/architecture.md)");
    }

    @Test
    void entitiesUseNoControlOrBoundary() {
        noClasses().that().resideInAPackage("dev.parley..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parley..control..", "dev.parley..boundary..")
                .check(CODE);
    }

    @Test
    void controlUsesNoBoundary() {
        noClasses().that().resideInAPackage("dev.parley..control..")
                .should().dependOnClassesThat().resideInAPackage("dev.parley..boundary..")
                .check(CODE);
    }

    /**
     * What the outside calls is no API for the other components: they use each other's control and
     * entity. The exceptions are {@code @SpendsWriteBudget} and {@code @SpendsReadBudget}, the name
     * bindings of the per-user budgets that resources of several components carry.
     */
    @TestFactory
    Stream<DynamicTest> aComponentsBoundaryIsItsOwn() {
        return MAY_USE.keySet().stream().map(component -> DynamicTest.dynamicTest(component, () ->
                noClasses().that().resideOutsideOfPackage("dev.parley." + component + "..")
                        .should().dependOnClassesThat(resideInAPackage("dev.parley." + component + ".boundary..")
                                .and(not(equivalentTo(dev.parley.limits.boundary.SpendsWriteBudget.class)))
                                .and(not(equivalentTo(dev.parley.limits.boundary.SpendsReadBudget.class))))
                        .allowEmptyShould(true)
                        .check(CODE)));
    }

    /**
     * Inside realtime, three layers: the Socket.IO server ({@code server}, over the protocol mechanics of
     * {@code engine} and the container seam of {@code container}), the application's socket handlers
     * ({@code boundary}) and delivery ({@code control}). The engine knows nothing of Parley; the container
     * adapter knows only the engine's seam; the server knows neither handlers nor delivery; handlers and
     * delivery reach sockets only through the server.
     */
    @Test
    void theEngineKnowsNothingOfParley() {
        noClasses().that().resideInAPackage("dev.parley.realtime.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(MAY_USE.keySet().stream()
                        .filter(c -> !c.equals("realtime")).map(c -> "dev.parley." + c + "..").toArray(String[]::new))
                .orShould().dependOnClassesThat().resideInAnyPackage("dev.parley.realtime.server..", "dev.parley.realtime.control..",
                        "dev.parley.realtime.boundary..", CONTAINER_ADAPTER + "..")
                .check(CODE);
    }

    @Test
    void theContainerAdapterUsesOnlyTheEngine() {
        noClasses().that().resideInAPackage(CONTAINER_ADAPTER + "..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parley.realtime.server..", "dev.parley.realtime.control..",
                        "dev.parley.realtime.boundary..")
                .check(CODE);
    }

    @Test
    void theServerKnowsNeitherHandlersNorDelivery() {
        noClasses().that().resideInAPackage("dev.parley.realtime.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parley.realtime.control..", "dev.parley.realtime.boundary..")
                .check(CODE);
    }

    @Test
    void handlersAndDeliveryReachSocketsOnlyThroughTheServer() {
        noClasses().that().resideInAnyPackage("dev.parley.realtime.control..", "dev.parley.realtime.boundary..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parley.realtime.engine..", CONTAINER_ADAPTER + "..",
                        "io.socket.engineio..")
                .check(CODE);
    }

    /** A message's write path (post, group commit, changes) and its read path (history, search, read markers) know nothing of each other. */
    @Test
    void messagesWriteAndReadPathsStandApart() {
        noClasses().that().resideInAPackage("dev.parley.messages.control.write..")
                .should().dependOnClassesThat().resideInAPackage("dev.parley.messages.control.read..")
                .check(CODE);
        noClasses().that().resideInAPackage("dev.parley.messages.control.read..")
                .should().dependOnClassesThat().resideInAPackage("dev.parley.messages.control.write..")
                .check(CODE);
        noClasses().that().resideInAPackage("dev.parley.messages.control")
                .should().dependOnClassesThat().resideInAnyPackage("dev.parley.messages.control.read..", "dev.parley.messages.control.write..")
                .check(CODE);
    }

    /** No package depends on another in a circle, inside a component either. */
    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.parley.(**)").should().beFreeOfCycles().check(CODE);
    }

    /** No two files import each other, directly or round a circle: a top-level class and its nested classes are one file. */
    @Test
    void filesHaveNoCycles() {
        slices().assignedFrom(FILES).should().beFreeOfCycles().check(CODE);
    }

    /** Each application class in the slice of its top-level class, so that nested records count with their file. */
    static final SliceAssignment FILES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            if (!javaClass.getPackageName().startsWith("dev.parley")) return SliceIdentifier.ignore();
            String name = javaClass.getName();
            int nested = name.indexOf('$');
            return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
        }

        @Override
        public String getDescription() {
            return "top-level classes";
        }
    };

    /** Read models return typed rows: no control bean answers with positional arrays. */
    @Test
    void controlAnswersWithTypedRowsNotArrays() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods().that().areDeclaredInClassesThat().resideInAPackage("dev.parley..control..")
                .and().arePublic()
                .should().haveRawReturnType(Object[].class)
                .check(CODE);
    }

    /**
     * Payara's Hazelcast is reached only through the grid packages, and there only from plain classes
     * (no CDI bean names a Hazelcast type, so that every bean loads on a server without Hazelcast).
     */
    @Test
    void onlyTheGridTouchesHazelcast() {
        noClasses().that().resideOutsideOfPackage("dev.parley..grid..")
                .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
                .check(CODE);
    }

    @Test
    void noBeanOfTheGridNamesHazelcast() {
        noClasses().that().resideInAPackage("dev.parley..grid..")
                .and().areAnnotatedWith(jakarta.enterprise.context.ApplicationScoped.class)
                .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
                .check(CODE);
    }

    /** The JAX-RS application class names the OpenAPI security scheme for the REST boundaries; nothing else needs it. */
    @Test
    void onlyBoundariesUseTheApplicationClass() {
        noClasses().that().resideOutsideOfPackage("dev.parley..boundary..").and().doNotHaveFullyQualifiedName(Parley.class.getName())
                .should().dependOnClassesThat().haveFullyQualifiedName(Parley.class.getName())
                .check(CODE);
    }

    @Test
    void onlyTheContainerAdapterUsesContainerTypes() {
        noClasses().that().resideOutsideOfPackage(CONTAINER_ADAPTER)
                .should().dependOnClassesThat().resideInAnyPackage(CONTAINER_INTERNALS)
                .check(CODE);
    }

    /** Most of the adapter reaches Tyrus and Grizzly by reflection, by class name, which no class file shows as a dependency. */
    @Test
    void onlyTheContainerAdapterNamesContainerClasses() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> naming = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains("org.glassfish.tyrus") || read(f).contains("org.glassfish.grizzly"))
                    .map(f -> sources.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", ""))
                    .filter(name -> !name.startsWith(CONTAINER_ADAPTER + "."))
                    .sorted().toList();
            assertEquals(List.of(), naming, "classes outside the container adapter naming Tyrus or Grizzly classes");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hazelcast is Payara's, absent on WildFly: only the grid packages name it, and none of their CDI
     * beans does (a bean must load in a container without it; plain classes of the grid packages are
     * loaded only once the node is known to be clustered).
     */
    @Test
    void onlyGridPackagesTouchHazelcast() {
        noClasses().that().resideOutsideOfPackage("dev.parley..grid..")
                .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
                .check(CODE);
        noClasses().that().areAnnotatedWith(jakarta.enterprise.context.ApplicationScoped.class)
                .or().areAnnotatedWith(jakarta.enterprise.context.RequestScoped.class)
                .or().areAnnotatedWith(jakarta.enterprise.context.Dependent.class)
                .or().areAnnotatedWith(jakarta.inject.Singleton.class)
                .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
                .check(CODE);
    }
}
