package io.github.wechatpaycomplaint.autoconfigure;

import java.net.URI;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.client.WechatPayEndpoint;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaint client is auto-configured on top of the signed RestClient, backs off and
 * switches off.
 */
class ComplaintApiAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class))
		.withPropertyValues(Vectors.merchantProperties());

	@Test
	void providesTheComplaintClient() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(WechatPayComplaintClient.class));
	}

	@Test
	void backsOffForTheApplicationsOwnClient() {
		this.runner.withUserConfiguration(OwnClient.class)
			.run((context) -> assertThat(context).getBean(WechatPayComplaintClient.class)
				.isSameAs(context.getBean(OwnClient.class).client));
	}

	@Test
	void isOffWhenTheStarterIsDisabled() {
		this.runner.withPropertyValues("wechatpay.complaint.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(WechatPayComplaintClient.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClient {

		final WechatPayComplaintClient client = new WechatPayComplaintClient(RestClient.create(),
				new WechatPayMerchant("1", "serial",
						io.github.wechatpaycomplaint.crypto.internal.PemKeys
							.privateKey(Vectors.key("merchant_private_key_pkcs8_pem")),
						Vectors.key("api_v3_key")),
				WechatPayEndpoint.MAINLAND, URI.create("https://api.mch.weixin.qq.com"), new JsonMapper());

		@Bean
		WechatPayComplaintClient ownComplaintClient() {
			return this.client;
		}

	}

}
