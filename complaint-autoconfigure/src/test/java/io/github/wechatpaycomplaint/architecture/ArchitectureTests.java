package io.github.wechatpaycomplaint.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure, as executable rules over the shipped classes: what each package may know of the others and
 * of the frameworks, and the Spring Boot conventions every auto-configuration follows.
 */
class ArchitectureTests {

	private static final String BASE = "io.github.wechatpaycomplaint";

	private static final JavaClasses SHIPPED = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(BASE);

	@Test
	void packagesDoNotDependOnEachOtherInCycles() {
		slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(SHIPPED);
	}

	@Test
	void cryptoKnowsNothingOfSpringHttpOrJson() {
		classes().that()
			.resideInAPackage(BASE + ".crypto..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "javax.crypto..", "org.bouncycastle..", "org.jspecify..", BASE,
					BASE + ".crypto..")
			.because("signatures and encryption are checked against the official SDK's vectors without Spring")
			.check(SHIPPED);
	}

	@Test
	void modelsArePlainJacksonData() {
		classes().that()
			.resideInAPackage(BASE + ".model..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "com.fasterxml.jackson.annotation..", "tools.jackson..", "org.jspecify..",
					BASE, BASE + ".model..")
			.check(SHIPPED);
	}

	@Test
	void theCallbackSideNeedsNoClient() {
		noClasses().that()
			.resideInAPackage(BASE + ".notification..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(BASE + ".client..", BASE + ".api..", BASE + ".resilience..", BASE + ".model..",
					BASE + ".reconciliation..")
			.because("notifications are verified, decrypted and published without calling WeChat Pay")
			.check(SHIPPED);
	}

	@Test
	void onlyTheAutoConfigurationKnowsTheProperties() {
		noClasses().that()
			.resideOutsideOfPackage(BASE + ".autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE + ".autoconfigure..")
			.because("every other package is usable without Spring Boot's configuration binding")
			.check(SHIPPED);
	}

	@Test
	void autoConfigurationsAndPropertiesLiveInTheAutoconfigurePackage() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.or()
			.areAnnotatedWith(ConfigurationProperties.class)
			.should()
			.resideInAPackage(BASE + ".autoconfigure")
			.check(SHIPPED);
	}

	@Test
	void everyAutoConfiguredBeanBacksOffForTheApplicationsOwn() {
		methods().that()
			.areAnnotatedWith(Bean.class)
			.and()
			.areDeclaredInClassesThat()
			.resideInAPackage(BASE + ".autoconfigure..")
			.should()
			.beAnnotatedWith(ConditionalOnMissingBean.class)
			.check(SHIPPED);
	}

}
