package io.halqe.domain.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain's shape: packages without cycles, shared ports at the bottom, and nothing but the JDK beneath. */
class DomainArchitectureTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.halqe.domain");

    @Test
    void domainPackages_shouldBeFreeOfCycles() {
        slices().matching("io.halqe.domain.(*)..").should().beFreeOfCycles().check(DOMAIN);
    }

    @Test
    void domain_shouldDependOnTheJdkAlone() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("io.halqe.domain..", "java..").check(DOMAIN);
    }

    @Test
    void sharedPortsAndValues_shouldDependOnNoUseCasePackage() {
        // core, text, analytics, routing and config sit at the bottom: every other package may use them, not the reverse
        noClasses().that().resideInAnyPackage("io.halqe.domain.core..", "io.halqe.domain.text..",
                        "io.halqe.domain.config..", "io.halqe.domain.routing..")
                .should().dependOnClassesThat().resideInAnyPackage("io.halqe.domain.alerts..",
                        "io.halqe.domain.announcements..", "io.halqe.domain.cases..", "io.halqe.domain.customers..",
                        "io.halqe.domain.enrichment..", "io.halqe.domain.events..", "io.halqe.domain.links..",
                        "io.halqe.domain.outreach..", "io.halqe.domain.response..", "io.halqe.domain.scoring..",
                        "io.halqe.domain.suppression..", "io.halqe.domain.survey..", "io.halqe.domain.analytics..")
                .check(DOMAIN);
    }
}
