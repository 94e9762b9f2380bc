package io.github.wechatpaycomplaint.aot;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.aot.AotServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code META-INF/spring/aot.factories} names every runtime hints registrar of the
 * starter, and Spring's AOT processing loads each of them.
 */
class AotFactoriesTests {

	@Test
	void springsAotProcessingLoadsEveryRegistrarOfTheStarter() {
		List<String> loaded = AotServices.factories(getClass().getClassLoader())
			.load(RuntimeHintsRegistrar.class)
			.asList()
			.stream()
			.map((registrar) -> registrar.getClass().getName())
			.filter((name) -> name.startsWith("io.github.wechatpaycomplaint."))
			.toList();
		List<String> shipped = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.github.wechatpaycomplaint")
			.stream()
			.filter((type) -> type.isAssignableTo(RuntimeHintsRegistrar.class))
			.map(JavaClass::getName)
			.toList();
		assertThat(shipped).hasSizeGreaterThanOrEqualTo(4);
		assertThat(loaded).containsExactlyInAnyOrderElementsOf(shipped);
	}

	@Test
	void everyRegistrarRegistersOnTheStartersClasspath() {
		RuntimeHints hints = new RuntimeHints();
		AotServices.factories(getClass().getClassLoader())
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		assertThat(hints.reflection().typeHints()).isNotEmpty();
		assertThat(hints.resources().resourcePatternHints()).isNotEmpty();
	}

}
