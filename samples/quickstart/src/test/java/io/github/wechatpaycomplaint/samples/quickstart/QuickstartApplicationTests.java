package io.github.wechatpaycomplaint.samples.quickstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.notification.ComplaintNotificationHandler;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import io.github.wechatpaycomplaint.testkit.WechatPaySimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The quick start as a user runs it: only the starter and the minimal application.yml
 * (keys from files), talking to the test kit's WeChat Pay simulator, which answers only
 * correctly signed requests and signs its answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class QuickstartApplicationTests {

	@RegisterExtension
	static final WechatPaySimulatorExtension wechatPay = new WechatPaySimulatorExtension(
			(settings) -> settings.initialComplaints(1));

	@TempDir
	static Path keys;

	@Autowired
	private RecentComplaints recentComplaints;

	@DynamicPropertySource
	static void pointAtTheSimulator(DynamicPropertyRegistry registry) throws Exception {
		SimulatorKeys simulatorKeys = wechatPay.simulator().keys();
		Path privateKey = Files.writeString(keys.resolve("apiclient_key.pem"), simulatorKeys.merchantPrivateKeyPem());
		Path publicKey = Files.writeString(keys.resolve("pub_key.pem"), simulatorKeys.wechatpayPublicKeyPem());
		registry.add("wechatpay.complaint.merchant.certificate-serial-number", simulatorKeys::merchantSerial);
		registry.add("wechatpay.complaint.merchant.private-key", () -> "file:" + privateKey);
		registry.add("wechatpay.complaint.merchant.api-v3-key", simulatorKeys::apiV3Key);
		registry.add("wechatpay.complaint.wechatpay-public-key.id", simulatorKeys::publicKeyId);
		registry.add("wechatpay.complaint.wechatpay-public-key.key", () -> "file:" + publicKey);
		registry.add("wechatpay.complaint.client.base-uri", () -> wechatPay.simulator().baseUri());
		// The simulator listens on plain http, which the starter refuses unless allowed
		// explicitly.
		registry.add("wechatpay.complaint.client.allow-insecure-http", () -> "true");
	}

	@Test
	void listsComplaintsThroughTheSignedClient(WechatPayComplaintSimulator simulator) {
		String complaintId = simulator.complaints().get(0).getId();
		LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
		String json = this.recentComplaints.listJson(today.minusDays(1), today);
		assertThat(json).contains("\"complaint_id\":\"" + complaintId + "\"", "\"total_count\":1", "\"limit\":50",
				"\"offset\":0");
		// The simulator lists by complaint time: a range before the complaint lists none.
		assertThat(this.recentComplaints.listJson(today.minusDays(20), today.minusDays(10)))
			.contains("\"total_count\":0")
			.doesNotContain(complaintId);
	}

	@Test
	void theStarterAloneMakesNoWebApplicationAndTheClientWorks(WechatPayComplaintSimulator simulator) {
		// The starter brings no web server: an application that only calls WeChat Pay
		// stays a plain application, without a notification endpoint.
		SpringApplication application = new SpringApplication(QuickstartApplication.class);
		assertThat(application.getWebApplicationType()).isEqualTo(WebApplicationType.NONE);
		SimulatorKeys simulatorKeys = simulator.keys();
		try (ConfigurableApplicationContext context = application.run(
				"--wechatpay.complaint.merchant.certificate-serial-number=" + simulatorKeys.merchantSerial(),
				"--wechatpay.complaint.merchant.private-key=" + simulatorKeys.merchantPrivateKeyPem(),
				"--wechatpay.complaint.merchant.api-v3-key=" + simulatorKeys.apiV3Key(),
				"--wechatpay.complaint.wechatpay-public-key.id=" + simulatorKeys.publicKeyId(),
				"--wechatpay.complaint.wechatpay-public-key.key=" + simulatorKeys.wechatpayPublicKeyPem(),
				"--wechatpay.complaint.client.base-uri=" + simulator.baseUri(),
				"--wechatpay.complaint.client.allow-insecure-http=true")) {
			assertThat(context).isNotInstanceOf(WebApplicationContext.class);
			assertThat(context.getBeanNamesForType(ComplaintNotificationHandler.class)).isEmpty();
			LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
			assertThat(context.getBean(RecentComplaints.class).listJson(today.minusDays(1), today))
				.contains("\"complaint_id\":\"" + simulator.complaints().get(0).getId() + "\"");
		}
	}

	@Test
	void aWrongMerchantKeyGetsWechatPaysSignErrorAsATypedException(WechatPayComplaintSimulator simulator) {
		SimulatorKeys simulatorKeys = simulator.keys();
		String otherMerchantKey = PemText.privateKey(RsaKeyPairs.generate().getPrivate());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(QuickstartApplication.class)
			.web(WebApplicationType.NONE)
			.run("--wechatpay.complaint.merchant.certificate-serial-number=" + simulatorKeys.merchantSerial(),
					"--wechatpay.complaint.merchant.private-key=" + otherMerchantKey,
					"--wechatpay.complaint.merchant.api-v3-key=" + simulatorKeys.apiV3Key(),
					"--wechatpay.complaint.wechatpay-public-key.id=" + simulatorKeys.publicKeyId(),
					"--wechatpay.complaint.wechatpay-public-key.key=" + simulatorKeys.wechatpayPublicKeyPem(),
					"--wechatpay.complaint.client.base-uri=" + simulator.baseUri(),
					"--wechatpay.complaint.client.allow-insecure-http=true")) {
			LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
			assertThatExceptionOfType(WechatPayApiException.class)
				.isThrownBy(() -> context.getBean(RecentComplaints.class).listJson(today.minusDays(1), today))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(401);
					assertThat(ex.getCode()).isEqualTo("SIGN_ERROR");
					assertThat(ex.isVerified()).isTrue();
					// The simulator's Request-IDs end with -SIM.
					assertThat(ex.getRequestId()).endsWith("-SIM");
				});
		}
	}

}
