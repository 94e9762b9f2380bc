package io.github.wechatpaycomplaint.samples.quickstart;

import io.github.wechatpaycomplaint.testkit.WechatPayTestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a user sees when the configuration is wrong: Spring Boot's failure report names
 * the property and the fix, and never prints the secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests {

	@Test
	void aMissingApiV3KeyIsReportedByName(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("wechatpay.complaint.merchant.private-key=" + pem()));
		assertThat(output).contains("APPLICATION FAILED TO START", "Property: wechatpay.complaint.merchant.api-v3-key",
				"must be set to the 32-byte APIv3 key", "WECHATPAY_COMPLAINT_MERCHANT_API_V3_KEY");
	}

	@Test
	void aWrongLengthApiV3KeyIsExplainedWithoutPrintingIt(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("wechatpay.complaint.merchant.private-key=" + pem(),
				"wechatpay.complaint.merchant.api-v3-key=secret-but-31-bytes-long-value!"));
		assertThat(output).contains("APPLICATION FAILED TO START", "wechatpay.complaint.merchant.api-v3-key",
				"exactly 32 bytes but is 31 bytes", "Action:", "APIv3密钥");
		assertThat(output).doesNotContain("secret-but-31-bytes-long-value!");
	}

	@Test
	void aMissingKeyFileIsReportedByName(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start("wechatpay.complaint.merchant.private-key=file:/nonexistent/apiclient_key.pem",
					"wechatpay.complaint.merchant.api-v3-key=8e1d6b2c4a9f3e7d0b5c1a2f6e9d3c7b"));
		assertThat(output).contains("APPLICATION FAILED TO START", "wechatpay.complaint.merchant.private-key",
				"file:/nonexistent/apiclient_key.pem", "does not exist");
	}

	@Test
	void anUnsetEnvironmentVariableIsNamedInsteadOfMeasured(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("wechatpay.complaint.merchant.private-key=" + pem(),
				"wechatpay.complaint.merchant.api-v3-key=${QUICKSTART_TEST_UNSET_API_V3_KEY}"));
		assertThat(output).contains("APPLICATION FAILED TO START", "wechatpay.complaint.merchant.api-v3-key",
				"${QUICKSTART_TEST_UNSET_API_V3_KEY} is unresolved", "Action:",
				"environment variable QUICKSTART_TEST_UNSET_API_V3_KEY");
		assertThat(output).doesNotContain("32 bytes");
	}

	@Test
	void aMistypedBaseUriStopsStartupNotTheFirstCall(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("wechatpay.complaint.merchant.private-key=" + pem(),
				"wechatpay.complaint.merchant.api-v3-key=8e1d6b2c4a9f3e7d0b5c1a2f6e9d3c7b",
				"wechatpay.complaint.client.base-uri=htp://127.0.0.1:8090"));
		assertThat(output).contains("APPLICATION FAILED TO START", "wechatpay.complaint.client.base-uri",
				"has the scheme 'htp'", "Action:");
	}

	private static void start(String... properties) {
		String[] args = java.util.Arrays.stream(properties).map((property) -> "--" + property).toArray(String[]::new);
		new SpringApplicationBuilder(QuickstartApplication.class).web(WebApplicationType.NONE).run(args).close();
	}

	private static String pem() {
		return WechatPayTestKeys.shared().simulatorKeys().merchantPrivateKeyPem();
	}

}
