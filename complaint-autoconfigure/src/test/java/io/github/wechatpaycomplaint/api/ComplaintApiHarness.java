package io.github.wechatpaycomplaint.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintApiAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.crypto.NonceGenerator;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the auto-configured {@link WechatPayComplaintClient} against WireMock with the
 * official SDK's vector keys, a clock fixed at the vectors' timestamp and the vectors'
 * nonce, so that requests must carry exactly the SDK's signatures; answers are signed
 * with the vectors' WeChat Pay key.
 */
final class ComplaintApiHarness {

	static final long NOW = 1763856000L;

	static final String NONCE = "593BEC0C930BF1AFEB40B4A08C8FB242";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final WechatPaySigningKey ANSWER_SIGNER = new WechatPaySigningKey(
			Vectors.key("wechatpay_public_key_id"),
			PemKeys.privateKey(Vectors.key("wechatpay_private_key_pkcs8_pem_for_signing_test_answers")));

	private ComplaintApiHarness() {
	}

	static ApplicationContextRunner runner(WireMockExtension wireMock, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
					ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class))
			.withUserConfiguration(FixedClockAndNonce.class)
			.withPropertyValues(Vectors.merchantProperties())
			.withPropertyValues("wechatpay.complaint.client.base-uri=" + wireMock.baseUrl(),
					"wechatpay.complaint.client.allow-insecure-http=true")
			.withPropertyValues(properties);
	}

	static void withClient(WireMockExtension wireMock, Consumer<WechatPayComplaintClient> test, String... properties) {
		runner(wireMock, properties).run((context) -> {
			if (context.getStartupFailure() != null) {
				throw new IllegalStateException(context.getStartupFailure());
			}
			test.accept(context.getBean(WechatPayComplaintClient.class));
		});
	}

	static ResponseDefinitionBuilder signedJson(String body) {
		ResponseDefinitionBuilder response = aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(body);
		ANSWER_SIGNER.answerHeaders(body, NOW).forEach(response::withHeader);
		return response;
	}

	static ResponseDefinitionBuilder signedNoContent() {
		ResponseDefinitionBuilder response = aResponse().withStatus(204);
		ANSWER_SIGNER.answerHeaders("", NOW).forEach(response::withHeader);
		return response;
	}

	static ResponseDefinitionBuilder signedError(int status, String body) {
		ResponseDefinitionBuilder response = aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(body);
		ANSWER_SIGNER.answerHeaders(body, NOW).forEach(response::withHeader);
		return response;
	}

	static MappingBuilder stub(MappingBuilder request, ResponseDefinitionBuilder response) {
		return request.willReturn(response);
	}

	static LoggedRequest singleRequest(WireMockExtension wireMock) {
		List<LoggedRequest> requests = wireMock.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	static JsonNode requestVector(int index) {
		return Vectors.root().get("request_signatures").get(index);
	}

	static Map<String, Object> json(byte[] body) {
		return JSON.readValue(body, new TypeReference<>() {
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class FixedClockAndNonce {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
		}

		@Bean
		NonceGenerator nonceGenerator() {
			return () -> NONCE;
		}

	}

}
