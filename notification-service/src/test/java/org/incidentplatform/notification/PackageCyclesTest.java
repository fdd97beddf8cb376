package org.incidentplatform.notification;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Feature packages may depend on each other in one direction only: a cycle means two features
 * can no longer be read, tested or moved apart, so the build refuses one.
 */
class PackageCyclesTest {

    @Test
    void featurePackagesFormNoCycles() {
        // This module's compiled main classes only: scanning the whole classpath takes seconds.
        var classes = new ClassFileImporter().importPath(Path.of("target", "classes"));
        slices().matching("org.incidentplatform.notification.(*)..")
                .should().beFreeOfCycles()
                .check(classes);
        assertThat(classes).as("classes imported from target/classes").hasSizeGreaterThan(20);
    }
}
