package org.incidentplatform.incident;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Feature packages may depend on each other in one direction only: a cycle means two features
 * can no longer be read, tested or moved apart, so the build refuses one.
 */
class PackageCyclesTest {

  @Test
  void featurePackagesFormNoCycles() {
    var classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.incidentplatform.incident");
    slices().matching("org.incidentplatform.incident.(*)..")
        .should().beFreeOfCycles()
        .check(classes);
  }
}
