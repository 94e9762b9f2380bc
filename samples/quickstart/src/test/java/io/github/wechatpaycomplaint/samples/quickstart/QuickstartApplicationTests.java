package io.github.wechatpaycomplaint.samples.quickstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import io.github.wechatpaycomplaint.client.WechatPayApiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The quick start as a user runs it: only the starter and the minimal application.yml
 * (keys from files), talking to a WireMock stand-in that answers only correctly signed
 * requests and signs its answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class QuickstartApplicationTests {

	private static final String LIST = "{\"data\":[{\"complaint_id\":\"200000020250612100051234567\",\"complaint_state\":\"PENDING\"}],\"limit\":50,\"offset\":0,\"total_count\":1}";

	private static WechatPaySignatureCheckingStandIn wechatPay;

	@TempDir
	static Path keys;

	@Autowired
	private RecentComplaints recentComplaints;

	@BeforeAll
	static void startStandIn() {
		wechatPay = new WechatPaySignatureCheckingStandIn();
	}

	@AfterAll
	static void stopStandIn() {
		wechatPay.close();
	}

	@DynamicPropertySource
	static void pointAtTheStandIn(DynamicPropertyRegistry registry) throws Exception {
		Path privateKey = Files.writeString(keys.resolve("apiclient_key.pem"), wechatPay.merchantPrivateKeyPem());
		Path publicKey = Files.writeString(keys.resolve("pub_key.pem"), wechatPay.wechatpayPublicKeyPem());
		registry.add("wechatpay.complaint.merchant.private-key", () -> "file:" + privateKey);
		registry.add("wechatpay.complaint.merchant.api-v3-key", () -> "8e1d6b2c4a9f3e7d0b5c1a2f6e9d3c7b");
		registry.add("wechatpay.complaint.wechatpay-public-key.key", () -> "file:" + publicKey);
		registry.add("wechatpay.complaint.client.base-uri", wechatPay::baseUri);
		// The stand-in listens on plain http, which the starter refuses unless allowed
		// explicitly.
		registry.add("wechatpay.complaint.client.allow-insecure-http", () -> "true");
	}

	@BeforeEach
	void forgetEarlierRequests() {
		wechatPay.server.resetRequests();
	}

	@Test
	void listsComplaintsThroughTheSignedClient() {
		wechatPay.answerComplaintList(LIST);
		String json = this.recentComplaints.listJson(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 23));
		assertThat(json).isEqualTo(LIST);
		assertThat(wechatPay.server.getAllServeEvents()).hasSize(1).allSatisfy((event) -> {
			assertThat(event.getResponse().getStatus()).isEqualTo(200);
			assertThat(event.getRequest().getUrl()).isEqualTo(
					"/v3/merchant-service/complaints-v2?limit=50&offset=0&begin_date=2026-11-01&end_date=2026-11-23");
		});
	}

	@Test
	void aWrongMerchantKeyGetsWechatPaysSignErrorAsATypedException() {
		wechatPay.answerComplaintList(LIST);
		WechatPaySignatureCheckingStandIn other = new WechatPaySignatureCheckingStandIn();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(QuickstartApplication.class)
			.web(WebApplicationType.NONE)
			.run("--wechatpay.complaint.merchant.private-key=" + other.merchantPrivateKeyPem(),
					"--wechatpay.complaint.merchant.api-v3-key=8e1d6b2c4a9f3e7d0b5c1a2f6e9d3c7b",
					"--wechatpay.complaint.wechatpay-public-key.key=" + wechatPay.wechatpayPublicKeyPem(),
					"--wechatpay.complaint.client.base-uri=" + wechatPay.baseUri(),
					"--wechatpay.complaint.client.allow-insecure-http=true")) {
			assertThatExceptionOfType(WechatPayApiException.class)
				.isThrownBy(() -> context.getBean(RecentComplaints.class)
					.listJson(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 23)))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(401);
					assertThat(ex.getCode()).isEqualTo("SIGN_ERROR");
					assertThat(ex.isVerified()).isTrue();
					assertThat(ex.getRequestId()).startsWith("REQ-");
				});
		}
		finally {
			other.close();
		}
	}

}
