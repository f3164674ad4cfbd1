package dev.parley.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/** Every REST operation has its long description, on its annotation or in the file, and the file names no other. */
class OperationDescriptionsTest {
    @Test
    void everyOperationIsDescribedOnceAndTheFileNamesOnlyOperationsThatExist() {
        Properties file = OperationDescriptions.load();
        Set<String> undescribed = new TreeSet<>();
        Set<String> describedTwice = new TreeSet<>();
        Set<String> operations = new TreeSet<>();
        for (JavaMethod method : new ClassFileImporter().importPath(Path.of("target/classes")).stream()
                .flatMap(c -> c.getMethods().stream()).toList()) {
            Operation operation = method.tryGetAnnotationOfType(Operation.class).orElse(null);
            if (operation == null) continue;
            operations.add(operation.operationId());
            boolean onAnnotation = !operation.description().isEmpty();
            boolean inFile = !file.getProperty(operation.operationId(), "").isBlank();
            if (!onAnnotation && !inFile) undescribed.add(operation.operationId());
            if (onAnnotation && inFile) describedTwice.add(operation.operationId());
        }
        Set<String> strays = new TreeSet<>(file.stringPropertyNames());
        strays.removeAll(operations);
        assertEquals(List.of(), List.copyOf(undescribed), "operations with no description");
        assertEquals(List.of(), List.copyOf(describedTwice), "operations described on the annotation and in the file");
        assertEquals(List.of(), List.copyOf(strays), "descriptions of no operation");
    }
}
