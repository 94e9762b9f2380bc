package io.github.wechatpaycomplaint.certificate;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationAutoConfiguration;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateModeTests.PlatformCertificateFixture;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.RecordingListener;
import io.github.wechatpaycomplaint.testsupport.TestKeys;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Notifications in certificate mode with serials the application does not know: answered
 * at once, never held while a certificate download runs, a download in the background
 * only for a well-formed serial, and WeChat Pay's retry accepted once that download
 * brought the new certificate.
 */
class UnknownSerialNotificationTests {

	private static final String CERTIFICATES = "/v3/certificates";

	private static final KeyPair PLATFORM_A = RsaKeyPairs.generate();

	private static final KeyPair PLATFORM_B = RsaKeyPairs.generate();

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final PlatformCertificateFixture certificateA = PlatformCertificateFixture.current(PLATFORM_A);

	private final PlatformCertificateFixture certificateB = PlatformCertificateFixture.next(PLATFORM_B);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				ComplaintClientAutoConfiguration.class, ComplaintNotificationAutoConfiguration.class))
		.withPropertyValues(this.wechatPay.merchantProperties())
		.withPropertyValues("wechatpay.complaint.platform-certificates.enabled=true", TestKeys.trustAnchorProperty(),
				"wechatpay.complaint.client.read-timeout=2m", "wechatpay.complaint.client.retry.max-attempts=1")
		.withBean(RecordingListener.class);

	@Test
	void forgedSerialsAreAnsweredAtOnceWhileTheDownloadTheyTriggeredHangs() {
		stubCertificates(certificatesAnswer(this.certificateA));
		run((app) -> {
			this.wechatPay.stub(get(urlPathEqualTo(CERTIFICATES))
				.willReturn(certificatesAnswer(this.certificateA).withFixedDelay(60_000)));
			// The download hangs for a minute; 50 concurrent forged notifications are all
			// answered well within 20 s.
			List<MvcResult> results = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
				assertUnknownSerial(app.post(forged(0)));
				await().atMost(Duration.ofSeconds(5)).until(() -> downloads() == 2);
				return concurrently(50, (i) -> app.post(forged(i + 1)));
			});
			assertThat(results).hasSize(50).allSatisfy(UnknownSerialNotificationTests::assertUnknownSerial);
			assertThat(app.manager().getDownloadCount()).isEqualTo(2);
			assertThat(app.listener().events()).isEmpty();
		});
	}

	@Test
	void onlyAWellFormedSerialTriggersADownload() {
		stubCertificates(certificatesAnswer(this.certificateA));
		// Next to no minimum interval (zero is refused at startup): every well-formed
		// unknown serial may start a
		// download.
		this.contextRunner
			.withPropertyValues("wechatpay.complaint.platform-certificates.unknown-serial-refresh-interval=1ms")
			.run((context) -> {
				App app = App.of(context);
				List<String> malformed = List.of("garbage", "PUB_KEY_ID_0119000000012025112300000000000001",
						"7132D72A03E93CDDF8C03BBD1F37EEDF204B2B01FF", "7132D72A03E93CD", "7132D72A03E93CDD\r\nF8C0",
						"-7132D72A03E93CDDF8C03BBD", "7132D72A03E93CDDF8C03BBD1F37EEDF204B2B0G",
						"0x7132D72A03E93CDDF8C0", " 7132D72A03E93CDDF8C03BBD1F37EEDF204B2B01");
				for (String serial : malformed) {
					assertUnknownSerial(app.post(signedByA().serial(serial).build()));
				}
				assertThat(app.manager().getDownloadCount()).isEqualTo(1);
				assertThat(downloads()).isEqualTo(1);
				// The control: a well-formed unknown serial does start one.
				assertUnknownSerial(app.post(forged(1)));
				await().atMost(Duration.ofSeconds(10)).until(() -> downloads() == 2);
			});
	}

	@Test
	void aNewCertificateIsAcceptedOnWechatPaysRetryOnceTheBackgroundDownloadBroughtIt() {
		assertANewCertificateIsAcceptedOnRetry(NotificationContexts.PATH);
	}

	@Test
	void onAMerchantsPathAnUnknownSerialStartsThatMerchantsDownloadToo() {
		assertANewCertificateIsAcceptedOnRetry(NotificationContexts.PATH + "/default");
	}

	private void assertANewCertificateIsAcceptedOnRetry(String path) {
		stubCertificates(certificatesAnswer(this.certificateA));
		run((app) -> {
			stubCertificates(certificatesAnswer(this.certificateA, this.certificateB));
			SignedNotification notification = SignedNotificationBuilder.create()
				.signingKey(PLATFORM_B.getPrivate())
				.serial(this.certificateB.serial())
				.apiV3Key(WechatPayStandIn.API_V3_KEY)
				.timestamp(Instant.ofEpochSecond(Instant.now().getEpochSecond()))
				.build();
			assertUnknownSerial(app.post(path, notification));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> app.manager().getCertificates().containsKey(this.certificateB.serial()));
			assertThat(app.post(path, notification).getResponse().getStatus()).isEqualTo(204);
			assertThat(app.listener().events()).singleElement()
				.satisfies((event) -> assertThat(event.getMerchantName()).isEqualTo("default"));
			assertThat(downloads()).isEqualTo(2);
		});
	}

	private void run(Consumer<App> test) {
		this.contextRunner.run((context) -> test.accept(App.of(context)));
	}

	private SignedNotificationBuilder signedByA() {
		return SignedNotificationBuilder.create()
			.signingKey(PLATFORM_A.getPrivate())
			.serial(this.certificateA.serial())
			.apiV3Key(WechatPayStandIn.API_V3_KEY)
			.timestamp(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
	}

	// Signed by certificate A's key but naming a serial nobody knows: well-formed, so it
	// may start a download.
	private SignedNotification forged(int i) {
		return signedByA().serial(String.format(Locale.ROOT, "7132D72A03E93CDDF8C03BBD1F37EEDF2040%04X", i)).build();
	}

	private static void assertUnknownSerial(MvcResult result) {
		assertThat(result.getResponse().getStatus()).isEqualTo(401);
		assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
			.startsWith("{\"code\":\"UNKNOWN_SERIAL\"");
	}

	private int downloads() {
		return this.wechatPay.server().findAll(getRequestedFor(urlPathEqualTo(CERTIFICATES))).size();
	}

	private void stubCertificates(ResponseDefinitionBuilder answer) {
		this.wechatPay.stub(get(urlPathEqualTo(CERTIFICATES)).willReturn(answer));
	}

	private ResponseDefinitionBuilder certificatesAnswer(PlatformCertificateFixture... certificates) {
		String body = PlatformCertificateModeTests.certificatesJson(certificates);
		return WechatPayStandIn.answer(200, body,
				this.certificateA.signer().answerHeaders(body, Instant.now().getEpochSecond()));
	}

	private static <T> List<T> concurrently(int count, IndexedCall<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			List<Callable<T>> calls = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				calls.add(() -> call.call(index));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> result : pool.invokeAll(calls)) {
				results.add(result.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@FunctionalInterface
	private interface IndexedCall<T> {

		T call(int index) throws Exception;

	}

	/** The application after its first certificate download. */
	private record App(ApplicationContext context, MockMvc mockMvc) {

		static App of(ApplicationContext context) {
			PlatformCertificateManager manager = context.getBean(PlatformCertificateManager.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !manager.getCertificates().isEmpty());
			return new App(context,
					MockMvcBuilders.webAppContextSetup((org.springframework.web.context.WebApplicationContext) context)
						.build());
		}

		PlatformCertificateManager manager() {
			return this.context.getBean(PlatformCertificateManager.class);
		}

		RecordingListener listener() {
			return this.context.getBean(RecordingListener.class);
		}

		MvcResult post(SignedNotification notification) {
			try {
				return this.mockMvc.perform(NotificationContexts.post(notification)).andReturn();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		MvcResult post(String path, SignedNotification notification) {
			MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
				.contentType(MediaType.APPLICATION_JSON)
				.content(notification.body());
			notification.headers().forEach(request::header);
			try {
				return this.mockMvc.perform(request).andReturn();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
