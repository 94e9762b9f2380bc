package io.github.wechatpaycomplaint.multimerchant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MerchantDefinition}: settings tune a merchant but never replace its
 * identity, which the registry indexes and checks for duplicates.
 */
class MerchantDefinitionTests {

	@ParameterizedTest
	@ValueSource(strings = { "merchant.id", "merchant.api-v3-key", "merchant.private-key", "Merchant.Id",
			"merchant[id]", "merchant.certificate-serial-number", "wechatpay-public-key.id", "wechatpayPublicKey.key",
			"wechatpay_public_key.key", "platform-certificates.enabled", "platformCertificates.enabled" })
	void aSettingThatWouldReplaceTheIdentityIsRefused(String key) {
		assertThatIllegalArgumentException().isThrownBy(() -> definition().setting(key, "1900000001").build())
			.withMessageContaining("'" + key + "'")
			.withMessageContaining("identity")
			.withMessageNotContaining("1900000001");
	}

	@ParameterizedTest
	@ValueSource(strings = { "client.endpoint", "client.rate-limit.list.permits",
			"platform-certificates.refresh-interval", "notification.public-url", "reconciliation.enabled" })
	void tunablesAreAccepted(String key) {
		assertThat(definition().setting(key, "x").build().settings()).containsEntry(key, "x");
	}

	private static MerchantDefinition.Builder definition() {
		return MerchantDefinition.builder("evil")
			.merchantId("1900000077")
			.certificateSerialNumber("5157F09EFDC096DE15EBE81A47057A7232F1B8E1")
			.privateKey("file:/nowhere/apiclient_key.pem")
			.apiV3Key("0123456789abcdef0123456789abcdef");
	}

}
