package io.github.wechatpaycomplaint.simulated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintObservabilityAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintReconciliationAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.InvalidComplaintPropertyException;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.multimerchant.MerchantDefinition;
import io.github.wechatpaycomplaint.multimerchant.MerchantUnavailableException;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.observability.ComplaintApiMetricsInterceptor;
import io.github.wechatpaycomplaint.observability.ComplaintNotificationMetrics;
import io.github.wechatpaycomplaint.reconciliation.ComplaintReconciledEvent;
import io.github.wechatpaycomplaint.reconciliation.ComplaintReconciler;
import io.github.wechatpaycomplaint.reconciliation.ReconciliationResult;
import io.github.wechatpaycomplaint.reconciliation.ReconciliationScheduler;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrar;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrars;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrationException;
import io.github.wechatpaycomplaint.simulated.ManyMerchantsApplication.Recorded;
import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;
import io.github.wechatpaycomplaint.simulator.notify.DeliveryAttempt;
import io.github.wechatpaycomplaint.simulator.notify.NotificationDelivery;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.wechatpaycomplaint.simulated.ManyMerchantsApplication.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Two merchants configured only under {@code wechatpay.complaint.merchants.*}, a mainland
 * {@code cn} and a Hong Kong {@code hk}, each with its own keys and its own simulator, in
 * an application on a real port: each merchant's calls reach its own WeChat Pay (the Hong
 * Kong one on the {@code /v3/global} paths), and each merchant's notifications reach the
 * application on its own path and on the shared path, and become events that carry the
 * merchant. A merchant's notification on another merchant's path, or a key nobody has, is
 * refused.
 */
class ManyMerchantsEndToEndTests {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private static final String PUBLIC_URL = "https://pay.example.com/wechatpay/complaint-notifications";

	static final SimulatorKeys HK_KEYS = SimulatorKeys.generate("1900000002");

	private final HttpClient http = HttpClient.newHttpClient();

	private WechatPayComplaintSimulator cn;

	private WechatPayComplaintSimulator hk;

	private ConfigurableApplicationContext application;

	@AfterEach
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
		if (this.cn != null) {
			this.cn.close();
		}
		if (this.hk != null) {
			this.hk.close();
		}
	}

	@Test
	void eachMerchantCallsItsOwnWechatPayWithItsOwnKeysAndHongKongTheGlobalPaths() {
		start(UnaryOperator.identity(), false);
		String cnComplaint = this.cn.fileComplaint();
		String hkComplaint = this.hk.fileComplaint();
		WechatPayMerchants merchants = this.application.getBean(WechatPayMerchants.class);
		assertThat(merchants.names()).containsExactly("cn", "hk");
		assertThat(this.application.getBeansOfType(WechatPayComplaintClient.class)).isEmpty();
		assertThat(this.application.getBeansOfType(WechatPayMerchant.class)).isEmpty();

		assertThat(merchants.client("cn").getComplaint(cnComplaint).complaintId()).isEqualTo(cnComplaint);
		assertThat(
				merchants.findByMerchantId(HK_KEYS.merchantId()).orElseThrow().getComplaint(hkComplaint).complaintId())
			.isEqualTo(hkComplaint);

		// Each simulator checks the merchant signature with its own merchant's key.
		assertThat(recorded().callsTo(this.cn)).singleElement()
			.extracting(URI::getPath)
			.isEqualTo("/v3/merchant-service/complaints-v2/" + cnComplaint);
		assertThat(recorded().callsTo(this.hk)).singleElement()
			.extracting(URI::getPath)
			.isEqualTo("/v3/global/merchant-service/complaints/" + hkComplaint);
	}

	@Test
	void notificationsOnEachMerchantsOwnPathBecomeEventsOfThatMerchant() {
		start(UnaryOperator.identity(), false);
		this.cn.callbackUrl(url(PATH + "/cn"));
		this.hk.callbackUrl(url(PATH + "/hk"));
		assertDeliveredAsEventsOfTheirMerchant();
	}

	@Test
	void notificationsOnTheSharedPathAreRoutedToTheMerchantOfTheirSerial() {
		start(UnaryOperator.identity(), false);
		this.cn.callbackUrl(url(PATH));
		this.hk.callbackUrl(url(PATH));
		assertDeliveredAsEventsOfTheirMerchant();
	}

	@Test
	void aMerchantsNotificationOnAnotherMerchantsPathIsRefusedAndBecomesNoEvent() throws Exception {
		start((settings) -> settings.maxAttempts(2).retryBackoff(Duration.ofMillis(50)), false);
		this.cn.callbackUrl(url(PATH + "/hk"));
		String complaint = this.cn.fileComplaint();
		await().atMost(PATIENCE).until(() -> finished(this.cn, complaint));
		assertThat(delivery(this.cn, complaint).getAttempts()).extracting(DeliveryAttempt::status)
			.containsExactly(403, 403);
		assertThat(recorded().eventsOf(complaint)).isEmpty();

		SignedNotification cnSigned = SignedNotificationBuilder
			.signedWith(StarterClient.KEYS.publicKeySigner(), StarterClient.KEYS.apiV3Key())
			.build();
		HttpResponse<String> onHkPath = post(PATH + "/hk", cnSigned);
		assertThat(onHkPath.statusCode()).isEqualTo(403);
		assertThat(onHkPath.body()).contains("\"code\":\"SERIAL_OF_ANOTHER_MERCHANT\"");
		assertThat(post(PATH + "/cn", cnSigned).statusCode()).as("the same notification on its own path")
			.isEqualTo(204);
	}

	@Test
	void aSerialOfNoMerchantOnTheSharedPathAndAPathOfNoMerchantAreRefused() throws Exception {
		start(UnaryOperator.identity(), false);
		SignedNotification strangers = SignedNotificationBuilder
			.signedWith(new WechatPaySigningKey("PUB_KEY_ID_0119999999992025010100000000000001",
					RsaKeyPairs.generate().getPrivate()), StarterClient.KEYS.apiV3Key())
			.build();
		HttpResponse<String> shared = post(PATH, strangers);
		assertThat(shared.statusCode()).isEqualTo(401);
		assertThat(shared.body()).contains("\"code\":\"UNKNOWN_SERIAL\"");
		HttpResponse<String> noMerchant = post(PATH + "/sg", strangers);
		assertThat(noMerchant.statusCode()).isEqualTo(404);
		assertThat(noMerchant.body()).contains("\"code\":\"UNKNOWN_MERCHANT\"");
		assertThat(recorded().events).isEmpty();
	}

	@Test
	void aCertificateModeMerchantNotUsedYetIsFoundOnTheSharedPathOnceItsCertificatesAreDownloaded() {
		start((settings) -> settings.maxAttempts(10).retryBackoff(Duration.ofMillis(300)), true);
		this.hk.callbackUrl(url(PATH));
		String complaint = this.hk.fileComplaint();
		await().atMost(PATIENCE).until(() -> finished(this.hk, complaint));
		assertThat(delivery(this.hk, complaint).isDelivered()).isTrue();
		assertThat(recorded().eventsOf(complaint)).singleElement().satisfies((event) -> {
			assertThat(event.getMerchantName()).isEqualTo("hk");
			assertThat(event.getMerchantId()).isEqualTo(HK_KEYS.merchantId());
		});
		assertThat(recorded().callsTo(this.hk)).extracting(URI::getPath).contains("/v3/global/certificates");
	}

	@Test
	void eachMerchantRegistersItsOwnNotificationUrlWithItsOwnClient() {
		start(UnaryOperator.identity(), false, "wechatpay.complaint.notification.register-on-startup=true",
				"wechatpay.complaint.notification.public-url=" + PUBLIC_URL,
				"wechatpay.complaint.merchants.hk.notification.public-url=https://hk.example.com/wechatpay/notify");
		assertThat(this.cn.registeredNotificationUrl()).contains(PUBLIC_URL + "/cn");
		assertThat(this.hk.registeredNotificationUrl()).contains("https://hk.example.com/wechatpay/notify");
		assertThat(recorded().callsTo(this.hk)).extracting(URI::getPath)
			.containsOnly("/v3/global/merchant-service/complaint-notifications");
		NotificationUrlRegistrars registrars = this.application.getBean(NotificationUrlRegistrars.class);
		assertThat(registrars.getRegistrars()).extracting((registrar) -> registrar.getMerchantName().orElseThrow())
			.containsExactly("cn", "hk");
		assertThat(registrars.getRegistrars())
			.allSatisfy((registrar) -> assertThat(registrar.getLastRegistration().orElseThrow().action())
				.isEqualTo(NotificationUrlRegistrar.Action.CREATED));
		assertThat(this.application.getBeansOfType(NotificationUrlRegistrar.class)).isEmpty();
	}

	@Test
	void aMerchantWhoseRegistrationFailsDoesNotStopTheOthersNorTheApplication() {
		start(UnaryOperator.identity(), false, "wechatpay.complaint.notification.register-on-startup=true",
				"wechatpay.complaint.notification.public-url=" + PUBLIC_URL,
				"wechatpay.complaint.merchants.hk.client.base-uri=" + closedPortUri(),
				"wechatpay.complaint.client.retry.max-attempts=1");
		assertThat(this.application.isRunning()).isTrue();
		assertThat(this.cn.registeredNotificationUrl()).contains(PUBLIC_URL + "/cn");
		NotificationUrlRegistrar hkRegistrar = this.application.getBean(NotificationUrlRegistrars.class)
			.find("hk")
			.orElseThrow();
		assertThat(hkRegistrar.getUrl()).isEqualTo(PUBLIC_URL + "/hk");
		assertThat(hkRegistrar.getLastRegistration().orElseThrow().action())
			.isEqualTo(NotificationUrlRegistrar.Action.FAILED);
	}

	@Test
	void aMerchantThatMustRegisterStopsTheApplicationAfterTheOthersRegistered() {
		assertThat(startupFailure(NotificationUrlRegistrationException.class,
				"wechatpay.complaint.notification.register-on-startup=true",
				"wechatpay.complaint.notification.public-url=" + PUBLIC_URL,
				"wechatpay.complaint.merchants.hk.client.base-uri=" + closedPortUri(),
				"wechatpay.complaint.merchants.hk.notification.fail-on-registration-error=true",
				"wechatpay.complaint.client.retry.max-attempts=1")
			.getUrl()).isEqualTo(PUBLIC_URL + "/hk");
		assertThat(this.cn.registeredNotificationUrl()).contains(PUBLIC_URL + "/cn");
	}

	@Test
	void aMerchantRegistersOnlyWhenItOrTheGlobalSettingAsksAndNeedsAUrl() {
		start(UnaryOperator.identity(), false, "wechatpay.complaint.merchants.hk.notification.register-on-startup=true",
				"wechatpay.complaint.notification.public-url=" + PUBLIC_URL);
		assertThat(this.cn.registeredNotificationUrl()).isEmpty();
		assertThat(this.hk.registeredNotificationUrl()).contains(PUBLIC_URL + "/hk");
		this.application.close();
		this.cn.close();
		this.hk.close();
		assertThat(startupFailure(InvalidComplaintPropertyException.class,
				"wechatpay.complaint.merchants.hk.notification.register-on-startup=true")
			.getProperty()).isEqualTo("wechatpay.complaint.merchants.hk.notification.public-url");
		this.cn.close();
		this.hk.close();
		InvalidComplaintPropertyException insecure = startupFailure(InvalidComplaintPropertyException.class,
				"wechatpay.complaint.notification.register-on-startup=true",
				"wechatpay.complaint.notification.public-url=" + PUBLIC_URL,
				"wechatpay.complaint.merchants.hk.notification.public-url=http://hk.example.com/notify");
		assertThat(insecure.getProperty()).isEqualTo("wechatpay.complaint.merchants.hk.notification.public-url");
		assertThat(insecure.getMessage()).contains("HTTPS");
	}

	@Test
	void eachReconciledMerchantListsWithItsOwnClientUnderItsOwnLock() {
		start((settings) -> settings.initialComplaints(2), false, "wechatpay.complaint.reconciliation.enabled=true",
				"wechatpay.complaint.reconciliation.initial-delay=1h",
				"wechatpay.complaint.merchants.hk.reconciliation.look-back-days=3");
		ReconciliationScheduler scheduler = this.application.getBean(
				ComplaintReconciliationAutoConfiguration.MERCHANTS_SCHEDULER_BEAN_NAME, ReconciliationScheduler.class);
		assertThat(scheduler.getReconcilers()).extracting(ComplaintReconciler::getMerchantName)
			.containsExactly("cn", "hk");
		NotificationDeduplicationStore store = this.application.getBean(NotificationDeduplicationStore.class);
		NotificationClaim cnLock = store.claim("reconciliation-lock:" + StarterClient.KEYS.merchantId(),
				Duration.ofMinutes(1));
		assertThat(cnLock.status()).isEqualTo(NotificationClaim.Status.CLAIMED);

		assertThat(scheduler.getReconcilers()).extracting(ComplaintReconciler::reconcile)
			.extracting(ReconciliationResult::ran, ReconciliationResult::published)
			.containsExactly(tuple(false, 0), tuple(true, 2));
		assertThat(reconciled()).hasSize(2).allSatisfy((event) -> {
			assertThat(event.getMerchantName()).isEqualTo("hk");
			assertThat(event.getMerchantId()).isEqualTo(HK_KEYS.merchantId());
		});
		assertThat(recorded().callsTo(this.hk)).extracting(URI::getPath)
			.containsOnly("/v3/global/merchant-service/complaints");

		store.release(cnLock);
		assertThat(scheduler.getReconcilers()).extracting(ComplaintReconciler::reconcile)
			.extracting(ReconciliationResult::ran, ReconciliationResult::published)
			.containsExactly(tuple(true, 2), tuple(true, 0));
		assertThat(reconciled()).filteredOn((event) -> event.getMerchantName().equals("cn"))
			.hasSize(2)
			.allSatisfy((event) -> assertThat(event.getMerchantId()).isEqualTo(StarterClient.KEYS.merchantId()));
	}

	@Test
	void aMerchantWhoseReconciliationFailsLeavesTheOthersToRun() {
		// "cn" runs first and cannot reach its WeChat Pay.
		start((settings) -> settings.initialComplaints(1), false, "wechatpay.complaint.reconciliation.enabled=true",
				"wechatpay.complaint.reconciliation.initial-delay=0s",
				"wechatpay.complaint.merchants.cn.client.base-uri=" + closedPortUri(),
				"wechatpay.complaint.client.retry.max-attempts=1");
		await().atMost(PATIENCE).until(() -> reconciled().size() == 1);
		assertThat(reconciled()).singleElement()
			.satisfies((event) -> assertThat(event.getMerchantName()).isEqualTo("hk"));
	}

	@Test
	void onlyTheMerchantsThatAskAreReconciled() {
		start((settings) -> settings.initialComplaints(1), false,
				"wechatpay.complaint.merchants.cn.reconciliation.enabled=true",
				"wechatpay.complaint.reconciliation.initial-delay=0s");
		await().atMost(PATIENCE).until(() -> reconciled().size() == 1);
		assertThat(reconciled()).singleElement()
			.satisfies((event) -> assertThat(event.getMerchantName()).isEqualTo("cn"));
		assertThat(recorded().callsTo(this.hk)).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthShowsEachMerchantAndABrokenOneWithoutItsKey() {
		start(UnaryOperator.identity(), false, "wechatpay.complaint.notification.register-on-startup=true",
				"wechatpay.complaint.notification.public-url=" + PUBLIC_URL);
		WechatPayMerchants merchants = this.application.getBean(WechatPayMerchants.class);
		String brokenKey = "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n"
				+ "-----END PRIVATE KEY-----";
		merchants.put(MerchantDefinition.builder("broken")
			.merchantId("1900000099")
			.certificateSerialNumber("5157F09EFDC096DE15EBE81A47057A7232F1B8E1")
			.privateKey(brokenKey)
			.apiV3Key("0123456789abcdef0123456789abcdef")
			.wechatpayPublicKey("PUB_KEY_ID_0119000000992025010100000000000001", HK_KEYS.wechatpayPublicKeyPem())
			// Otherwise its URL registration, on a background thread, may use it first.
			.setting("notification.register-on-startup", "false")
			.build());
		HealthIndicator indicator = this.application
			.getBean(ComplaintObservabilityAutoConfiguration.HEALTH_INDICATOR_BEAN_NAME, HealthIndicator.class);
		assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
		Map<String, Map<String, Object>> before = (Map<String, Map<String, Object>>) indicator.health(true)
			.getDetails()
			.get("merchants");
		assertThat(before).containsOnlyKeys("broken", "cn", "hk");
		assertThat(before.get("broken")).containsEntry("status", "UNKNOWN").containsEntry("state", "not used yet");

		// cn and hk were used by their registrations; "broken" is used now and fails.
		assertThatExceptionOfType(MerchantUnavailableException.class).isThrownBy(() -> merchants.client("broken"));
		Health health = indicator.health(true);
		assertThat(health.getStatus()).as("the others serve").isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("warning", "Merchants [broken] are DOWN; the others serve");
		Map<String, Map<String, Object>> details = (Map<String, Map<String, Object>>) health.getDetails()
			.get("merchants");
		assertThat(details.get("cn")).containsEntry("status", "UP")
			.containsEntry("merchantId", StarterClient.KEYS.merchantId())
			.containsEntry("publicKeyId", StarterClient.KEYS.publicKeyId())
			.containsEntry("notificationUrl", Map.of("url", PUBLIC_URL + "/cn", "registration", "CREATED"));
		assertThat(details.get("hk")).containsEntry("status", "UP").containsEntry("merchantId", HK_KEYS.merchantId());
		assertThat(details.get("broken")).containsEntry("status", "DOWN");
		assertThat((String) details.get("broken").get("error"))
			.contains("'broken'", "wechatpay.complaint.merchants.broken.merchant.private-key")
			.doesNotContain("MIIBVQ");
		assertThat(health.toString()).doesNotContain("MIIBVQ", "-----");
	}

	@Test
	void metersCarryTheMerchantOfEachCallAndDelivery() throws Exception {
		start(UnaryOperator.identity(), false);
		this.cn.callbackUrl(url(PATH));
		this.hk.callbackUrl(url(PATH + "/hk"));
		assertDeliveredAsEventsOfTheirMerchant();
		WechatPayMerchants merchants = this.application.getBean(WechatPayMerchants.class);
		merchants.client("hk").getComplaint(this.hk.complaints().get(0).getId());
		post(PATH + "/hk",
				SignedNotificationBuilder
					.signedWith(StarterClient.KEYS.publicKeySigner(), StarterClient.KEYS.apiV3Key())
					.build());
		post(PATH,
				SignedNotificationBuilder
					.signedWith(new WechatPaySigningKey("PUB_KEY_ID_0119999999992025010100000000000001",
							RsaKeyPairs.generate().getPrivate()), "x".repeat(32))
					.build());
		post(PATH + "/sg",
				SignedNotificationBuilder
					.signedWith(StarterClient.KEYS.publicKeySigner(), StarterClient.KEYS.apiV3Key())
					.build());

		MeterRegistry registry = this.application.getBean(MeterRegistry.class);
		assertThat(registry.get(ComplaintApiMetricsInterceptor.METRIC_NAME)
			.tags("merchant", "hk", "operation", "DETAIL", "outcome", "SUCCESS")
			.timer()
			.count()).isEqualTo(1);
		assertThat(registry.find(ComplaintApiMetricsInterceptor.METRIC_NAME).tags("merchant", "cn").timers()).isEmpty();
		assertThat(notifications(registry, "cn", "handled", "none")).isEqualTo(1);
		assertThat(notifications(registry, "hk", "handled", "none")).isEqualTo(1);
		assertThat(notifications(registry, "hk", "refused", "SERIAL_OF_ANOTHER_MERCHANT")).isEqualTo(1);
		assertThat(notifications(registry, "unknown", "refused", "UNKNOWN_SERIAL")).isEqualTo(1);
		assertThat(notifications(registry, "unknown", "refused", "UNKNOWN_MERCHANT")).as("never the path's text")
			.isEqualTo(1);
		assertThat(registry.find(ComplaintNotificationMetrics.METRIC_NAME).tag("merchant", "sg").counters()).isEmpty();
	}

	@Test
	void theMerchantTagCanBeSwitchedOff() {
		start(UnaryOperator.identity(), false, "wechatpay.complaint.metrics.merchant-tag=false");
		this.hk.callbackUrl(url(PATH));
		String complaint = this.hk.fileComplaint();
		await().atMost(PATIENCE).until(() -> finished(this.hk, complaint));
		this.application.getBean(WechatPayMerchants.class).client("hk").getComplaint(complaint);
		MeterRegistry registry = this.application.getBean(MeterRegistry.class);
		assertThat(registry.getMeters())
			.filteredOn((meter) -> meter.getId().getName().startsWith("wechatpay.complaint."))
			.isNotEmpty()
			.allSatisfy((meter) -> assertThat(meter.getId().getTag("merchant")).isNull());
		assertThat(registry.get(ComplaintNotificationMetrics.METRIC_NAME)
			.tags("outcome", "handled", "reason", "none")
			.counter()
			.count()).isEqualTo(1);
	}

	private static double notifications(MeterRegistry registry, String merchant, String outcome, String reason) {
		return registry.get(ComplaintNotificationMetrics.METRIC_NAME)
			.tags("merchant", merchant, "outcome", outcome, "reason", reason)
			.counter()
			.count();
	}

	private List<ComplaintReconciledEvent> reconciled() {
		return recorded().events.stream()
			.filter(ComplaintReconciledEvent.class::isInstance)
			.map(ComplaintReconciledEvent.class::cast)
			.toList();
	}

	private <T extends Throwable> T startupFailure(Class<T> type, String... properties) {
		Throwable failure = catchThrowable(() -> start(UnaryOperator.identity(), false, properties));
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("The application did not fail with " + type.getSimpleName(), failure);
	}

	private static String closedPortUri() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void assertDeliveredAsEventsOfTheirMerchant() {
		String cnComplaint = this.cn.fileComplaint();
		String hkComplaint = this.hk.fileComplaint();
		await().atMost(PATIENCE).until(() -> finished(this.cn, cnComplaint) && finished(this.hk, hkComplaint));
		assertThat(recorded().eventsOf(cnComplaint)).singleElement().satisfies((event) -> {
			assertThat(event.getMerchantName()).isEqualTo("cn");
			assertThat(event.getMerchantId()).isEqualTo(StarterClient.KEYS.merchantId());
		});
		assertThat(recorded().eventsOf(hkComplaint)).singleElement().satisfies((event) -> {
			assertThat(event.getMerchantName()).isEqualTo("hk");
			assertThat(event.getMerchantId()).isEqualTo(HK_KEYS.merchantId());
		});
		assertThat(List.of(delivery(this.cn, cnComplaint), delivery(this.hk, hkComplaint)))
			.allSatisfy((delivery) -> assertThat(delivery.getAttempts()).extracting(DeliveryAttempt::status)
				.containsExactly(204));
	}

	// Each simulator gets its own settings (they are read while it runs) and its own seed
	// (else both would file complaints with the same ids).
	private void start(UnaryOperator<SimulatorSettings> delivery, boolean hkCertificateMode, String... properties) {
		this.cn = WechatPayComplaintSimulator.start(
				delivery.apply(SimulatorSettings.defaults()).duplicateProbability(0).keys(StarterClient.KEYS).seed(1));
		this.hk = WechatPayComplaintSimulator.start(delivery.apply(SimulatorSettings.defaults())
			.duplicateProbability(0)
			.keys(HK_KEYS)
			.seed(2)
			.certificateMode(hkCertificateMode));
		Map<String, WechatPayComplaintSimulator> merchants = new LinkedHashMap<>();
		merchants.put("cn", this.cn);
		merchants.put("hk", this.hk);
		String[] all = new String[properties.length + 1];
		all[0] = "wechatpay.complaint.merchants.hk.client.endpoint=HONG_KONG";
		System.arraycopy(properties, 0, all, 1, properties.length);
		this.application = ManyMerchantsApplication.start(merchants, all);
	}

	private Recorded recorded() {
		return this.application.getBean(Recorded.class);
	}

	private URI url(String path) {
		return ManyMerchantsApplication.url(this.application, path);
	}

	private HttpResponse<String> post(String path, SignedNotification notification)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()));
		notification.headers().forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static NotificationDelivery delivery(WechatPayComplaintSimulator simulator, String complaintId) {
		return simulator.deliveries()
			.stream()
			.filter((delivery) -> delivery.getComplaintId().equals(complaintId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No delivery for " + complaintId));
	}

	private static boolean finished(WechatPayComplaintSimulator simulator, String complaintId) {
		return simulator.deliveries()
			.stream()
			.anyMatch((delivery) -> delivery.getComplaintId().equals(complaintId) && delivery.isFinished());
	}

}
