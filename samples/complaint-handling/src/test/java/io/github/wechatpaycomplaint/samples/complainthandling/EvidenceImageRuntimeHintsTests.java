package io.github.wechatpaycomplaint.samples.complainthandling;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence image is read from the classpath at startup: a native image includes it
 * because of its resource hint.
 */
class EvidenceImageRuntimeHintsTests {

	@Test
	void theShippedImageHasAResourceHint() {
		RuntimeHints hints = new RuntimeHints();
		new EvidenceImage.ResourceHints().registerHints(hints, getClass().getClassLoader());
		assertThat(new ClassPathResource(EvidenceImage.LOCATION).exists()).isTrue();
		assertThat(RuntimeHintsPredicates.resource().forResource(EvidenceImage.LOCATION)).accepts(hints);
	}

}
