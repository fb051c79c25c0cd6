package io.halqe.local.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package cycle anywhere: the local cloud's classpath holds every module's main classes (domain, AWS adapters,
 * the six functions and the local cloud itself), so one import sees them all.
 */
class PackageCyclesTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.halqe");

    @Test
    void everyPackage_shouldBeFreeOfCycles() {
        slices().matching("io.halqe.(**)").should().beFreeOfCycles().check(ALL);
    }
}
