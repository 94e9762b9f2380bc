package io.github.wechatpaycomplaint.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merchant entries under {@code wechatpay.complaint.merchants} are bound and
 * validated by reflection outside Spring Boot's {@code @ConfigurationProperties} beans:
 * their binding hints are the starter's own.
 */
class MerchantEntryRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	MerchantEntryRuntimeHintsTests() {
		new MerchantEntryRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void theEntryAndItsNestedGroupsCanBeBound() throws NoSuchMethodException {
		// The resolver creates the entry itself and binds it as an instance.
		assertThat(RuntimeHintsPredicates.reflection().onType(MerchantEntryProperties.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(MerchantEntryProperties.class.getMethod("getMerchant"))).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ComplaintProperties.Merchant.class.getMethod("setId", String.class)))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ComplaintProperties.WechatpayPublicKey.class.getMethod("getKey"))).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ComplaintClientProperties.class.getMethod("getRateLimit"))).accepts(this.hints);
	}

	@Test
	void theEntrysValidatedFieldsAreReadable() {
		// Bean Validation reads the @Valid fields of the entry and the constrained ones
		// of its groups.
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(MerchantEntryProperties.class, "merchant"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(MerchantEntryProperties.class, "client"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(ComplaintClientProperties.class, "endpoint"))
			.accepts(this.hints);
	}

	@Test
	void everyGroupOfTheEntryIsRegistered() {
		assertThat(MerchantEntryProperties.class.getDeclaredFields()).isNotEmpty()
			.allSatisfy((field) -> assertThat(RuntimeHintsPredicates.reflection().onType(field.getType()))
				.as(field.getName())
				.accepts(this.hints));
	}

}
