package io.github.wechatpaycomplaint.autoconfigure;

import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintPropertiesValidationFailureAnalyzerTests {

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final ComplaintPropertiesValidationFailureAnalyzer analyzer = new ComplaintPropertiesValidationFailureAnalyzer();

	@Test
	void namesEachMissingPropertyInKebabCaseWithTheFix() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
					ComplaintClientAutoConfiguration.class))
			.withPropertyValues("wechatpay.complaint.merchant.id=1900000001",
					"wechatpay.complaint.merchant.api-v3-key=  ")
			.run((context) -> {
				FailureAnalysis analysis = this.analyzer.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.contains("Property: wechatpay.complaint.merchant.api-v3-key",
							"Property: wechatpay.complaint.merchant.private-key",
							"Property: wechatpay.complaint.merchant.certificate-serial-number", "must be set to")
					.doesNotContain("merchant.id\n");
				assertThat(analysis.getAction()).contains("WECHATPAY_COMPLAINT_MERCHANT_API_V3_KEY", "enabled=false");
			});
	}

	@Test
	void leavesOtherPrefixesToSpringBoot() {
		new ApplicationContextRunner().withUserConfiguration(OtherPropertiesConfiguration.class)
			.run((context) -> assertThat(this.analyzer.analyze(context.getStartupFailure())).isNull());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(OtherProperties.class)
	static class OtherPropertiesConfiguration {

	}

	@org.springframework.boot.context.properties.ConfigurationProperties("other")
	@org.springframework.validation.annotation.Validated
	static class OtherProperties {

		@jakarta.validation.constraints.NotBlank
		private String name;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

}
