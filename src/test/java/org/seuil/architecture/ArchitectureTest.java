package org.seuil.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package directions of docs/ARCHITECTURE.md, each rule with the reason it exists. */
@AnalyzeClasses(packages = "org.seuil", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = classes().that().resideInAPackage("org.seuil.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.locationtech.jts..", "org.seuil.domain..")
            .because("the domain model is shared by the app, the server and every format; it must stay free of "
                    + "UI, storage and wire concerns so that it can be tested and reused anywhere");

    @ArchTest
    static final ArchRule onlyAppUsesJavaFx = noClasses().that().resideOutsideOfPackages("org.seuil.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.gluonhq..")
            .because("the server and the command line run on hosts without a display; a JavaFX class "
                    + "outside app would drag the UI toolkit into them");

    @ArchTest
    static final ArchRule serverNeverImportsTheApp = noClasses().that().resideInAPackage("org.seuil.server..")
            .should().dependOnClassesThat().resideInAnyPackage("org.seuil.app..", "org.seuil.cli..")
            .allowEmptyShould(true)
            .because("the server is deployed alone; it shares the protocol and the store with the app, never the app");

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer("domain").definedBy("org.seuil.domain..")
            .layer("geo").definedBy("org.seuil.geo..")
            .layer("formats").definedBy("org.seuil.formats..")
            .layer("audit").definedBy("org.seuil.audit..")
            .layer("store").definedBy("org.seuil.store..")
            .layer("analysis").definedBy("org.seuil.analysis..")
            .layer("basemap").definedBy("org.seuil.basemap..")
            .layer("syncProtocol").definedBy("org.seuil.sync.protocol..")
            .layer("syncClient").definedBy("org.seuil.sync.client..")
            .layer("server").definedBy("org.seuil.server..")
            .layer("app").definedBy("org.seuil.app..")
            .layer("cli").definedBy("org.seuil.cli..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("app").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("server").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("syncClient").mayOnlyBeAccessedByLayers("app", "cli")
            .whereLayer("syncProtocol").mayOnlyBeAccessedByLayers("syncClient", "server", "app", "cli")
            .whereLayer("analysis").mayOnlyBeAccessedByLayers("server", "app", "cli")
            .whereLayer("basemap").mayOnlyBeAccessedByLayers("server", "app", "cli")
            .whereLayer("store").mayOnlyBeAccessedByLayers("syncClient", "server", "analysis", "app", "cli")
            // Campaigns are a model of their own that the store keeps and the protocol carries.
            .whereLayer("audit").mayOnlyBeAccessedByLayers("store", "syncProtocol", "syncClient", "server", "app", "cli")
            .whereLayer("formats").mayOnlyBeAccessedByLayers("audit", "store", "syncProtocol", "syncClient", "server", "analysis", "app", "cli")
            .whereLayer("geo").mayOnlyBeAccessedByLayers("formats", "audit", "store", "analysis", "basemap", "syncProtocol", "syncClient", "server", "app", "cli")
            .because("dependencies point from the edges (cli, app, server) to the core (domain), never back, so "
                    + "each part can be built, tested and replaced on its own (see docs/ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule storeUsesOnlyTheJsonCodecOfFormats = noClasses().that().resideInAPackage("org.seuil.store..")
            .should().dependOnClassesThat(resideInAPackage("org.seuil.formats..")
                    .and(DescribedPredicate.not(resideInAPackage("org.seuil.formats.json.."))))
            .because("the store keeps reports in their canonical JSON form and needs the codec, not the file readers");

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.seuil.(*)..").should().beFreeOfCycles()
            .because("a cycle between packages makes them one package in disguise");
}
