package io.github.wechatpaycomplaint.certificate;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.wechatpaycomplaint.WechatPayException;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.client.WechatPayComplaintRestClient;
import io.github.wechatpaycomplaint.client.WechatPayOperation;
import io.github.wechatpaycomplaint.crypto.SignatureVerificationException;
import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.simulator.keys.CertificateAuthority;
import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.testsupport.TestKeys;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

/**
 * Certificate mode: platform certificates downloaded, decrypted with the APIv3 key,
 * checked against the trust anchor, verified, refreshed on an unknown serial with one
 * download in flight, retried in the background, and never downloaded in public-key mode.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlatformCertificateModeTests {

	private static final String CERTIFICATES = "/v3/certificates";

	private static final String LIST_PATH = "/v3/merchant-service/complaints-v2";

	private static final String ANSWER = "{\"data\":[],\"limit\":10,\"offset\":0}";

	private static final KeyPair PLATFORM_A = RsaKeyPairs.generate();

	private static final KeyPair PLATFORM_B = RsaKeyPairs.generate();

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final PlatformCertificateFixture certificateA = PlatformCertificateFixture.current(PLATFORM_A);

	private final PlatformCertificateFixture certificateB = PlatformCertificateFixture.next(PLATFORM_B);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				ComplaintClientAutoConfiguration.class))
		.withPropertyValues(this.wechatPay.merchantProperties())
		.withPropertyValues("wechatpay.complaint.platform-certificates.enabled=true", TestKeys.trustAnchorProperty());

	@Test
	void downloadsDecryptsAndVerifiesAnswersWithThePlatformCertificate() {
		stubCertificates(this.certificateA, this.certificateA);
		stubListSignedBy(this.certificateA);
		this.contextRunner.run((context) -> {
			PlatformCertificateManager manager = context.getBean(PlatformCertificateManager.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !manager.getCertificates().isEmpty());
			assertThat(list(context)).isEqualTo(ANSWER);
			assertThat(manager.getCertificates()).containsOnlyKeys(this.certificateA.serial());
			assertThat(downloads()).isEqualTo(1);
			this.wechatPay.assertSignedByMerchant(
					this.wechatPay.server().findAll(getRequestedFor(urlPathEqualTo(CERTIFICATES))).get(0));
			assertThat(this.wechatPay.server()
				.findAll(getRequestedFor(urlPathEqualTo(LIST_PATH)))
				.get(0)
				.getHeader("Wechatpay-Serial")).isEqualTo(this.certificateA.serial());
		});
	}

	@Test
	void downloadsAgainWhenAnAnswerNamesAnUnknownSerial() {
		stubCertificates(this.certificateA, this.certificateA);
		this.contextRunner.run((context) -> {
			PlatformCertificateManager manager = context.getBean(PlatformCertificateManager.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !manager.getCertificates().isEmpty());
			stubCertificates(this.certificateA, this.certificateA, this.certificateB);
			stubListSignedBy(this.certificateB);
			assertThat(list(context)).isEqualTo(ANSWER);
			assertThat(downloads()).isEqualTo(2);
			assertThat(manager.getCertificates()).containsOnlyKeys(this.certificateA.serial(),
					this.certificateB.serial());
			assertThat(manager.newestSerial()).isEqualTo(this.certificateB.serial());
		});
	}

	@Test
	void aConcurrentBurstOfUnknownSerialsTriggersOneDownload() {
		this.wechatPay.stub(get(urlPathEqualTo(CERTIFICATES))
			.willReturn(certificatesAnswer(this.certificateA, this.certificateA).withFixedDelay(700)));
		stubListSignedBy(this.certificateA);
		this.contextRunner.run((context) -> {
			ExecutorService pool = Executors.newFixedThreadPool(16);
			try {
				List<Callable<String>> calls = new ArrayList<>();
				for (int i = 0; i < 32; i++) {
					calls.add(() -> list(context));
				}
				for (Future<String> result : pool.invokeAll(calls)) {
					assertThat(result.get()).isEqualTo(ANSWER);
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(downloads()).isEqualTo(1);
		});
	}

	@Test
	void aFailedDownloadAtStartupIsRetriedInTheBackground(CapturedOutput output) {
		this.wechatPay.stub(get(urlPathEqualTo(CERTIFICATES)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(WechatPayStandIn.answer(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"busy\"}",
					java.util.Map.of()))
			.willSetStateTo("recovered"));
		this.wechatPay.stub(get(urlPathEqualTo(CERTIFICATES)).inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(certificatesAnswer(this.certificateA, this.certificateA)));
		// Without HTTP retries, so that the download itself fails and the background
		// retry takes over.
		this.contextRunner.withPropertyValues("wechatpay.complaint.client.retry.max-attempts=1").run((context) -> {
			assertThat(context).hasNotFailed();
			PlatformCertificateManager manager = context.getBean(PlatformCertificateManager.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> !manager.getCertificates().isEmpty());
			assertThat(downloads()).isEqualTo(2);
			assertThat(output).contains("WeChat Pay platform certificate download failed");
		});
	}

	@Test
	void reportsAWrongApiV3KeyInPlainWords(CapturedOutput output) {
		stubCertificates(this.certificateA, this.certificateA);
		this.contextRunner
			.withPropertyValues("wechatpay.complaint.merchant.api-v3-key=00000000000000000000000000000000")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				await().atMost(Duration.ofSeconds(10))
					.until(() -> output.toString().contains("the APIv3 key does not match"));
				assertThat(output).doesNotContain("00000000000000000000000000000000");
				assertThat(context.getBean(PlatformCertificateManager.class).getCertificates()).isEmpty();
			});
	}

	@Test
	void refusesACertificateAnswerWithAForgedSignature() {
		WechatPaySigningKey forger = new WechatPaySigningKey(this.certificateA.serial(),
				RsaKeyPairs.generate().getPrivate());
		String body = certificatesJson(this.certificateA);
		this.wechatPay.stub(get(urlPathEqualTo(CERTIFICATES))
			.willReturn(WechatPayStandIn.answer(200, body, forger.answerHeaders(body, now()))));
		stubListSignedBy(this.certificateA);
		this.contextRunner.run((context) -> {
			assertThatExceptionOfType(SignatureVerificationException.class).isThrownBy(() -> list(context));
			assertThat(context.getBean(PlatformCertificateManager.class).getCertificates()).isEmpty();
		});
	}

	@Test
	void aDownloadWhoseOnlyCertificateIsUntrustedKeepsTheCertificatesKnownBefore(CapturedOutput output) {
		stubCertificates(this.certificateA, this.certificateA);
		PlatformCertificateFixture foreign = new PlatformCertificateFixture(PLATFORM_B,
				CertificateAuthority.create("CN=Another CA, O=Test")
					.issue(PLATFORM_B, new BigInteger("7132D72A03E93CDDF8C03BBD1F37EEDF204B2B01", 16),
							Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(730, ChronoUnit.DAYS)));
		this.contextRunner.run((context) -> {
			PlatformCertificateManager manager = context.getBean(PlatformCertificateManager.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !manager.getCertificates().isEmpty());
			stubCertificates(foreign, foreign);
			assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> manager.refresh().join())
				.havingCause()
				.isInstanceOf(WechatPayException.class)
				.withMessageStartingWith("No downloaded WeChat Pay platform certificate can be trusted ("
						+ foreign.serial() + ": it does not chain to the trust anchor");
			assertThat(manager.getCertificates()).containsOnlyKeys(this.certificateA.serial());
			assertThat(output).contains("WeChat Pay platform certificate " + foreign.serial() + " refused");
		});
	}

	@Test
	void trustsOnlyTheTenpayRootCaWithoutATrustAnchor(CapturedOutput output) {
		stubCertificates(this.certificateA, this.certificateA);
		this.contextRunner.withPropertyValues("wechatpay.complaint.platform-certificates.trust-anchor=")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				await().atMost(Duration.ofSeconds(10))
					.until(() -> output.toString().contains("platform certificate download failed"));
				assertThat(output).contains("WeChat Pay platform certificate " + this.certificateA.serial()
						+ " refused: it does not chain to the trust anchor 'CN=Tenpay.com Root CA,OU=Tenpay.com CA Center");
				assertThat(context.getBean(PlatformCertificateManager.class).getCertificates()).isEmpty();
			});
	}

	@Test
	void makesNoDownloadInPublicKeyMode() {
		this.wechatPay.stub(get(urlPathEqualTo(LIST_PATH)).willReturn(this.wechatPay.signedAnswer(200, ANSWER)));
		this.wechatPay.clientContextRunner().run((context) -> {
			assertThat(context).doesNotHaveBean(PlatformCertificateManager.class);
			assertThat(list(context)).isEqualTo(ANSWER);
			assertThat(downloads()).isZero();
		});
	}

	@Test
	void acceptsBothThePublicKeyAndCertificatesDuringTheMigration() {
		stubCertificates(this.certificateA, this.certificateA);
		this.contextRunner.withPropertyValues(this.wechatPay.publicKeyModeProperties()).run((context) -> {
			PlatformCertificateManager manager = context.getBean(PlatformCertificateManager.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !manager.getCertificates().isEmpty());
			this.wechatPay.stub(get(urlPathEqualTo(LIST_PATH)).willReturn(this.wechatPay.signedAnswer(200, ANSWER)));
			assertThat(list(context)).isEqualTo(ANSWER);
			stubListSignedBy(this.certificateA);
			assertThat(list(context)).isEqualTo(ANSWER);
			// WeChat Pay answers with the key named in the request, so the public key id
			// is what we send.
			this.wechatPay.server()
				.findAll(getRequestedFor(urlPathEqualTo(LIST_PATH)))
				.forEach((request) -> assertThat(request.getHeader("Wechatpay-Serial"))
					.isEqualTo(WechatPayStandIn.PUBLIC_KEY_ID));
		});
	}

	@Test
	void usesTheGlobalCertificatePathInHongKong() {
		this.wechatPay.stub(get(urlPathEqualTo("/v3/global/certificates"))
			.willReturn(certificatesAnswer(this.certificateA, this.certificateA)));
		this.contextRunner.withPropertyValues("wechatpay.complaint.client.endpoint=HONG_KONG").run((context) -> {
			PlatformCertificateManager manager = context.getBean(PlatformCertificateManager.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !manager.getCertificates().isEmpty());
			assertThat(downloads()).isZero();
		});
	}

	@Test
	void refusesAnUnknownSerialWithoutHammeringWechatPay() {
		stubCertificates(this.certificateA, this.certificateA);
		PlatformCertificateFixture unknown = new PlatformCertificateFixture(RsaKeyPairs.generate(),
				new BigInteger("1E257774DC8A85C55E705068A797981E470EF743", 16), Instant.now().minus(1, ChronoUnit.DAYS),
				Instant.now().plus(1, ChronoUnit.DAYS));
		stubListSignedBy(unknown);
		this.contextRunner.run((context) -> {
			PlatformCertificateManager manager = context.getBean(PlatformCertificateManager.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !manager.getCertificates().isEmpty());
			for (int i = 0; i < 5; i++) {
				assertThatExceptionOfType(SignatureVerificationException.class).isThrownBy(() -> list(context))
					.satisfies((ex) -> assertThat(ex.getReason())
						.isEqualTo(SignatureVerificationException.Reason.UNKNOWN_SERIAL));
			}
			// one at startup, one for the first unknown serial; the rest wait for the
			// minimum interval
			assertThat(downloads()).isEqualTo(2);
		});
	}

	@Test
	void anAnswerWithAnUnknownSerialWaitsForTheDownloadTenSecondsAtMost(CapturedOutput output) {
		stubCertificates(this.certificateA, this.certificateA);
		stubListSignedBy(this.certificateB);
		this.contextRunner.withPropertyValues("wechatpay.complaint.client.read-timeout=2m").run((context) -> {
			PlatformCertificateManager manager = context.getBean(PlatformCertificateManager.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !manager.getCertificates().isEmpty());
			this.wechatPay.stub(get(urlPathEqualTo(CERTIFICATES))
				.willReturn(certificatesAnswer(this.certificateA, this.certificateA, this.certificateB)
					.withFixedDelay(60_000)));
			// The download takes a minute; the call gives up after 10 s, well within 30
			// s, and the download goes on.
			assertTimeoutPreemptively(Duration.ofSeconds(30),
					() -> assertThatExceptionOfType(SignatureVerificationException.class)
						.isThrownBy(() -> list(context))
						.satisfies((ex) -> assertThat(ex.getReason())
							.isEqualTo(SignatureVerificationException.Reason.UNKNOWN_SERIAL)));
			assertThat(output).contains("took more than 10 s; the answer is refused");
			assertThat(manager.getDownloadCount()).isEqualTo(2);
		});
	}

	@Test
	void saysWhyTheDownloadForAnUnknownSerialFailed(CapturedOutput output) {
		stubCertificates(this.certificateA, this.certificateA);
		stubListSignedBy(this.certificateB);
		this.contextRunner.withPropertyValues("wechatpay.complaint.client.retry.max-attempts=1").run((context) -> {
			PlatformCertificateManager manager = context.getBean(PlatformCertificateManager.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !manager.getCertificates().isEmpty());
			this.wechatPay.stub(get(urlPathEqualTo(CERTIFICATES)).willReturn(WechatPayStandIn.answer(403,
					"{\"code\":\"NO_AUTH\",\"message\":\"无权限\"}", java.util.Map.of("Request-ID", "REQ-CERT-1"))));
			assertThatExceptionOfType(SignatureVerificationException.class).isThrownBy(() -> list(context))
				.satisfies((ex) -> assertThat(ex.getReason())
					.isEqualTo(SignatureVerificationException.Reason.UNKNOWN_SERIAL));
			assertThat(output.getAll().lines().filter((line) -> line.contains("unknown serial failed")))
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.contains("WARN", "NO_AUTH", "REQ-CERT-1");
		});
	}

	private int downloads() {
		return this.wechatPay.server().findAll(getRequestedFor(urlPathEqualTo(CERTIFICATES))).size();
	}

	private void stubCertificates(PlatformCertificateFixture signer, PlatformCertificateFixture... certificates) {
		this.wechatPay.stub(get(urlPathEqualTo(CERTIFICATES)).willReturn(certificatesAnswer(signer, certificates)));
	}

	private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder certificatesAnswer(
			PlatformCertificateFixture signer, PlatformCertificateFixture... certificates) {
		String body = certificatesJson(certificates);
		return WechatPayStandIn.answer(200, body, signer.signer().answerHeaders(body, now()));
	}

	private void stubListSignedBy(PlatformCertificateFixture certificate) {
		this.wechatPay.stub(get(urlPathEqualTo(LIST_PATH))
			.willReturn(WechatPayStandIn.answer(200, ANSWER, certificate.signer().answerHeaders(ANSWER, now()))));
	}

	private static String list(AssertableApplicationContext context) {
		RestClient client = context.getBean(WechatPayComplaintRestClient.BEAN_NAME, RestClient.class);
		return client.get()
			.uri(LIST_PATH + "?limit=10&offset=0")
			.attribute(WechatPayOperation.ATTRIBUTE, WechatPayOperation.LIST)
			.retrieve()
			.body(String.class);
	}

	static String certificatesJson(PlatformCertificateFixture... certificates) {
		ApiV3KeyCipher cipher = new ApiV3KeyCipher(WechatPayStandIn.API_V3_KEY);
		StringBuilder json = new StringBuilder("{\"data\":[");
		for (int i = 0; i < certificates.length; i++) {
			PlatformCertificateFixture certificate = certificates[i];
			String nonce = String.format(Locale.ROOT, "%012d", i + 1);
			String ciphertext = cipher.encrypt("certificate", nonce,
					PemText.write(certificate.certificate()).getBytes(StandardCharsets.UTF_8));
			json.append((i > 0) ? "," : "")
				.append("{\"serial_no\":\"")
				.append(certificate.serial())
				.append("\",\"effective_time\":\"")
				.append(certificate.certificate().getNotBefore().toInstant())
				.append("\",\"expire_time\":\"")
				.append(certificate.certificate().getNotAfter().toInstant())
				.append("\",\"encrypt_certificate\":{\"algorithm\":\"AEAD_AES_256_GCM\",\"nonce\":\"")
				.append(nonce)
				.append("\",\"associated_data\":\"certificate\",\"ciphertext\":\"")
				.append(ciphertext)
				.append("\"}}");
		}
		return json.append("]}").toString();
	}

	private static long now() {
		return Instant.now().getEpochSecond();
	}

	record PlatformCertificateFixture(KeyPair keys, X509Certificate certificate) {

		PlatformCertificateFixture(KeyPair keys, BigInteger serial, Instant notBefore, Instant notAfter) {
			this(keys, TestKeys.certificate(keys, serial, notBefore, notAfter));
		}

		// The certificate in use: valid since yesterday, for a year.
		static PlatformCertificateFixture current(KeyPair keys) {
			return new PlatformCertificateFixture(keys, new BigInteger("5157F09EFDC096DE15EBE81A47057A7232F1B8E2", 16),
					Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(365, ChronoUnit.DAYS));
		}

		// The certificate that replaces it: valid since an hour ago, for two years.
		static PlatformCertificateFixture next(KeyPair keys) {
			return new PlatformCertificateFixture(keys, new BigInteger("7132D72A03E93CDDF8C03BBD1F37EEDF204B2B01", 16),
					Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(730, ChronoUnit.DAYS));
		}

		String serial() {
			return this.certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
		}

		WechatPaySigningKey signer() {
			return new WechatPaySigningKey(serial(), this.keys.getPrivate());
		}

	}

}
