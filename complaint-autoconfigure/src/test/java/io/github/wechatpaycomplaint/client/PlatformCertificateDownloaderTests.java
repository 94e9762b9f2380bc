package io.github.wechatpaycomplaint.client;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.wechatpaycomplaint.WechatPayException;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.certificate.PlatformCertificate;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateTrust;
import io.github.wechatpaycomplaint.crypto.SignatureVerificationException;
import io.github.wechatpaycomplaint.crypto.VerificationKeyResolver;
import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.simulator.keys.CertificateAuthority;
import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.testsupport.TestKeys;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every way a certificate answer can be wrong is refused with a message that says which,
 * and nothing of a refused answer is kept; a certificate that does not chain to the trust
 * anchor or is outside its dates is refused and logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlatformCertificateDownloaderTests {

	private static final String PATH = "/v3/certificates";

	private static final KeyPair KEYS = RsaKeyPairs.generate();

	private static final X509Certificate CERTIFICATE = TestKeys.certificate(KEYS, new BigInteger("5157F09E", 16),
			Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(300)));

	private static final String SERIAL = "5157F09E";

	private static final VerificationKeyResolver NOTHING_TRUSTED = (serial) -> Optional.empty();

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApiV3KeyCipher cipher = new ApiV3KeyCipher(WechatPayStandIn.API_V3_KEY);

	@Test
	void acceptsAnAnswerSignedWithACertificateItHolds() {
		answer(200, certificates(entry(SERIAL, "AEAD_AES_256_GCM", "2025-01-01T00:00:00+08:00")));
		Map<String, PlatformCertificate> certificates = downloader().download(NOTHING_TRUSTED);
		assertThat(certificates).containsOnlyKeys(SERIAL);
		assertThat(certificates.get(SERIAL).publicKey()).isEqualTo(KEYS.getPublic());
	}

	@Test
	void marksTheDownloadAsTheCertificatesOperation() {
		answer(200, certificates(entry(SERIAL, "AEAD_AES_256_GCM", "2025-01-01T00:00:00+08:00")));
		List<WechatPayOperation> sent = new ArrayList<>();
		RestClient recording = RestClient.builder()
			.baseUrl(wireMock.baseUrl())
			.requestInterceptor((request, body, execution) -> {
				sent.add(WechatPayOperation.of(request).orElse(null));
				return execution.execute(request, body);
			})
			.build();
		downloader(recording).download(NOTHING_TRUSTED);
		assertThat(sent).containsExactly(WechatPayOperation.CERTIFICATES);
	}

	@Test
	void refusesAnAnswerWithoutData() {
		answer(200, "{\"certificates\":[]}");
		assertThatExceptionOfType(WechatPayException.class).isThrownBy(() -> downloader().download(NOTHING_TRUSTED))
			.withMessageContaining("no 'data' array");
	}

	@Test
	void refusesASerialThatIsNotTheCertificates() {
		answer(200, certificates(entry("ABCDEF", "AEAD_AES_256_GCM", "2025-01-01T00:00:00+08:00")));
		assertThatExceptionOfType(WechatPayException.class).isThrownBy(() -> downloader().download(NOTHING_TRUSTED))
			.withMessageContaining("serial_no ABCDEF does not match");
	}

	@Test
	void refusesAnAnswerWithOnlyOtherAlgorithms() {
		answer(200, certificates(entry(SERIAL, "SM4", "2025-01-01T00:00:00+08:00")));
		assertThatExceptionOfType(WechatPayException.class).isThrownBy(() -> downloader().download(NOTHING_TRUSTED))
			.withMessageContaining("no AEAD_AES_256_GCM certificate");
	}

	@Test
	void refusesATimeThatIsNotRfc3339() {
		answer(200, certificates(entry(SERIAL, "AEAD_AES_256_GCM", "2025/01/01 00:00")));
		assertThatExceptionOfType(WechatPayException.class).isThrownBy(() -> downloader().download(NOTHING_TRUSTED))
			.withMessageContaining("effective_time is not an RFC 3339 time");
	}

	@Test
	void refusesAnAnswerSignedByNoKnownKey() {
		String body = certificates(entry(SERIAL, "AEAD_AES_256_GCM", "2025-01-01T00:00:00+08:00"));
		wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(WechatPayStandIn.answer(200, body,
				new WechatPaySigningKey("0BADC0DE", RsaKeyPairs.generate().getPrivate()).answerHeaders(body, now()))));
		assertThatExceptionOfType(SignatureVerificationException.class)
			.isThrownBy(() -> downloader().download(NOTHING_TRUSTED))
			.satisfies(
					(ex) -> assertThat(ex.getReason()).isEqualTo(SignatureVerificationException.Reason.UNKNOWN_SERIAL));
	}

	@Test
	void turnsAnErrorAnswerIntoAnApiExceptionWithItsRequestId() {
		wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(WechatPayStandIn.answer(403,
				"{\"code\":\"NO_AUTH\",\"message\":\"无权限\"}", Map.of("Request-ID", "REQ-1"))));
		assertThatExceptionOfType(WechatPayApiException.class).isThrownBy(() -> downloader().download(NOTHING_TRUSTED))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(403);
				assertThat(ex.getCode()).isEqualTo("NO_AUTH");
				assertThat(ex.getRequestId()).isEqualTo("REQ-1");
				assertThat(ex.isVerified()).isFalse();
			});
	}

	@Test
	void refusesAndLogsACertificateFromAnotherCaButKeepsTheTrustedOne(CapturedOutput output) {
		X509Certificate foreign = CertificateAuthority.create("CN=Another CA, O=Test")
			.issue(RsaKeyPairs.generate(), new BigInteger("0BADCA", 16), Instant.now().minus(Duration.ofDays(1)),
					Instant.now().plus(Duration.ofDays(300)));
		answer(200, certificates(entry(SERIAL, "AEAD_AES_256_GCM", "2025-01-01T00:00:00+08:00"),
				entry("0BADCA", foreign, "2030-01-01T00:00:00+08:00")));
		assertThat(downloader().download(NOTHING_TRUSTED)).containsOnlyKeys(SERIAL);
		assertThat(output.getAll().lines().filter((line) -> line.contains("platform certificate 0BADCA refused")))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("WARN", "it does not chain to the trust anchor 'CN=Tenpay.com Root CA Test")
			.doesNotContain("BEGIN", WechatPayStandIn.API_V3_KEY);
	}

	@Test
	void failsWithAClearErrorWhenItsOnlyCertificateIsFromAnotherCa() {
		KeyPair foreignKeys = RsaKeyPairs.generate();
		X509Certificate foreign = CertificateAuthority.create("CN=Another CA, O=Test")
			.issue(foreignKeys, new BigInteger("0BADCA", 16), Instant.now().minus(Duration.ofDays(1)),
					Instant.now().plus(Duration.ofDays(300)));
		String body = certificates(entry("0BADCA", foreign, "2030-01-01T00:00:00+08:00"));
		wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(WechatPayStandIn.answer(200, body,
				new WechatPaySigningKey("0BADCA", foreignKeys.getPrivate()).answerHeaders(body, now()))));
		assertThatExceptionOfType(WechatPayException.class).isThrownBy(() -> downloader().download(NOTHING_TRUSTED))
			.withMessageStartingWith("No downloaded WeChat Pay platform certificate can be trusted (0BADCA: it does "
					+ "not chain to the trust anchor")
			.withMessageContaining("the certificates known before stay in use")
			.withMessageContaining("wechatpay.complaint.platform-certificates.trust-anchor");
	}

	@Test
	void refusesAnExpiredCertificate() {
		X509Certificate expired = TestKeys.certificate(KEYS, new BigInteger("5157F09E", 16),
				Instant.now().minus(Duration.ofDays(300)), Instant.now().minus(Duration.ofDays(1)));
		answer(200, certificates(entry(SERIAL, expired, "2030-01-01T00:00:00+08:00")));
		assertThatExceptionOfType(WechatPayException.class).isThrownBy(() -> downloader().download(NOTHING_TRUSTED))
			.withMessageContaining("5157F09E: it expired at " + expired.getNotAfter().toInstant());
	}

	@Test
	void refusesACertificateNotValidYet() {
		X509Certificate early = TestKeys.certificate(KEYS, new BigInteger("5157F09E", 16),
				Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(300)));
		answer(200, certificates(entry(SERIAL, early, "2030-01-01T00:00:00+08:00")));
		assertThatExceptionOfType(WechatPayException.class).isThrownBy(() -> downloader().download(NOTHING_TRUSTED))
			.withMessageContaining("5157F09E: it is not valid before " + early.getNotBefore().toInstant());
	}

	@Test
	void refusesACertificateWhoseExpireTimeHasPassed() {
		answer(200, certificates(entry(SERIAL, CERTIFICATE, "2025-01-01T00:00:00+08:00")));
		assertThatExceptionOfType(WechatPayException.class).isThrownBy(() -> downloader().download(NOTHING_TRUSTED))
			.withMessageContaining("5157F09E: its expire_time 2024-12-31T16:00:00Z has passed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "follow-when-possible", "follow" })
	void refusesARedirectedDownloadWithoutFollowingIt(String redirects) {
		try (WechatPayStandIn elsewhere = new WechatPayStandIn()) {
			String body = certificates(entry(SERIAL, "AEAD_AES_256_GCM", "2025-01-01T00:00:00+08:00"));
			elsewhere.stub(any(anyUrl()).willReturn(WechatPayStandIn.answer(200, body,
					new WechatPaySigningKey(SERIAL, KEYS.getPrivate()).answerHeaders(body, now()))));
			wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(307)
				.withHeader("Location", "http://127.0.0.1:" + elsewhere.server().port() + PATH)));
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
						HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, ComplaintClientAutoConfiguration.class))
				.withPropertyValues(elsewhere.publicKeyModeProperties())
				.withPropertyValues("spring.http.clients.redirects=" + redirects)
				.run((context) -> {
					RestClient signingClient = context.getBean(WechatPayRestClientFactory.class)
						.signingClient(context.getBean(WechatPayMerchant.class), () -> null,
								URI.create(wireMock.baseUrl()));
					assertThatExceptionOfType(WechatPayApiException.class)
						.isThrownBy(() -> downloader(signingClient).download(NOTHING_TRUSTED))
						.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(307))
						.withMessageContaining("host 127.0.0.1");
				});
			assertThat(elsewhere.requests()).isEmpty();
		}
	}

	@Test
	void aDownloadIsOneAttemptWhateverTheClientsRetries() {
		try (WechatPayStandIn standIn = new WechatPayStandIn()) {
			standIn.stub(any(anyUrl()).willReturn(aResponse().withStatus(503)));
			standIn.clientContextRunner()
				.withPropertyValues("wechatpay.complaint.client.retry.max-attempts=3")
				.run((context) -> {
					RestClient signingClient = context.getBean(WechatPayRestClientFactory.class)
						.signingClient(context.getBean(WechatPayMerchant.class), () -> null,
								URI.create(standIn.baseUri()));
					// No back-off sleep on the threads every merchant's downloads share:
					// the certificate manager retries later itself.
					assertThatExceptionOfType(WechatPayApiException.class)
						.isThrownBy(() -> downloader(signingClient).download(NOTHING_TRUSTED))
						.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(503));
				});
			assertThat(standIn.requests()).hasSize(1);
		}
	}

	@Test
	void refusesAnAnswerAboveTheCap() {
		wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
			.withBody(new byte[WechatPayAnswerTooLargeException.MAX_JSON_ANSWER_BYTES + 1])));
		assertThatExceptionOfType(WechatPayAnswerTooLargeException.class)
			.isThrownBy(() -> downloader().download(NOTHING_TRUSTED))
			.satisfies((ex) -> assertThat(ex.getOperation()).isEqualTo("GET " + PATH));
	}

	private PlatformCertificateDownloader downloader(RestClient signingClient) {
		return new PlatformCertificateDownloader(signingClient, PATH, WechatPayStandIn.merchant(),
				JsonMapper.builder().build(), Clock.systemUTC(), Duration.ofMinutes(5),
				new PlatformCertificateTrust(TestKeys.testCa().certificate(), Clock.systemUTC()));
	}

	private PlatformCertificateDownloader downloader() {
		return new PlatformCertificateDownloader(RestClient.create(wireMock.baseUrl()), PATH,
				WechatPayStandIn.merchant(), JsonMapper.builder().build(), Clock.systemUTC(), Duration.ofMinutes(5),
				new PlatformCertificateTrust(TestKeys.testCa().certificate(), Clock.systemUTC()));
	}

	private void answer(int status, String body) {
		ResponseDefinitionBuilder answer = WechatPayStandIn.answer(status, body,
				new WechatPaySigningKey(SERIAL, KEYS.getPrivate()).answerHeaders(body, now()));
		wireMock.stubFor(get(urlPathEqualTo(PATH)).willReturn(answer));
	}

	private String entry(String serial, String algorithm, String effectiveTime) {
		return entry(serial, algorithm, effectiveTime, CERTIFICATE, "2030-01-01T00:00:00+08:00");
	}

	private String entry(String serial, X509Certificate certificate, String expireTime) {
		return entry(serial, "AEAD_AES_256_GCM", "2024-01-01T00:00:00+08:00", certificate, expireTime);
	}

	private String entry(String serial, String algorithm, String effectiveTime, X509Certificate certificate,
			String expireTime) {
		String ciphertext = this.cipher.encrypt("certificate", "000000000001",
				PemText.write(certificate).getBytes(StandardCharsets.UTF_8));
		return "{\"serial_no\":\"" + serial + "\",\"effective_time\":\"" + effectiveTime + "\",\"expire_time\":\""
				+ expireTime + "\",\"encrypt_certificate\":{\"algorithm\":\"" + algorithm
				+ "\",\"nonce\":\"000000000001\",\"associated_data\":\"certificate\",\"ciphertext\":\"" + ciphertext
				+ "\"}}";
	}

	private static String certificates(String... entries) {
		return "{\"data\":[" + String.join(",", entries) + "]}";
	}

	private static long now() {
		return Instant.now().getEpochSecond();
	}

}
