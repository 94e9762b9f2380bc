package io.github.wechatpaycomplaint.simulated;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintApiAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintMerchantsAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintObservabilityAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintReconciliationAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintRegistrationAutoConfiguration;
import io.github.wechatpaycomplaint.multimerchant.MerchantDefinition;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchantSource;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.reconciliation.ComplaintReconciledEvent;
import io.github.wechatpaycomplaint.reconciliation.ComplaintReconciler;
import io.github.wechatpaycomplaint.reconciliation.ReconciliationResult;
import io.github.wechatpaycomplaint.reconciliation.ReconciliationScheduler;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrar;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrars;
import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import io.github.wechatpaycomplaint.testsupport.SilentServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Merchants that are not in the properties: supplied only by an application's
 * {@link WechatPayMerchantSource}, or put into the registry while the application runs.
 * Their settings (or the global ones) decide whether they register their notification URL
 * and are reconciled: a merchant put at run time registers on a background thread without
 * holding up {@code put}, its failure is logged and shown in health without touching the
 * others, and reconciliation reads the registry on each run. Each merchant has its own
 * simulator, which checks the merchant's signature.
 */
@ExtendWith(OutputCaptureExtension.class)
class RuntimeMerchantsTests {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private static final String PUBLIC_URL = "https://pay.example.com/wechatpay/complaint-notifications";

	private final List<WechatPayComplaintSimulator> simulators = new ArrayList<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class,
				ComplaintMerchantsAutoConfiguration.class, ComplaintRegistrationAutoConfiguration.class,
				ComplaintReconciliationAutoConfiguration.class, ComplaintObservabilityAutoConfiguration.class))
		.withBean(Reconciled.class)
		.withPropertyValues("wechatpay.complaint.reconciliation.initial-delay=1h",
				"wechatpay.complaint.client.retry.max-attempts=1");

	@AfterEach
	void stopSimulators() {
		this.simulators.forEach(WechatPayComplaintSimulator::close);
	}

	@Test
	void aMerchantOfTheApplicationsOwnSourceOnlyRegistersAndIsReconciledWhenItsSettingsAsk() {
		WechatPayComplaintSimulator shop = simulator("1900000031", 2);
		WechatPayComplaintSimulator quiet = simulator("1900000032", 1);
		List<MerchantDefinition> stored = List
			.of(definition("shop", shop).setting("notification.register-on-startup", "true")
				.setting("notification.public-url", PUBLIC_URL + "/shop")
				.setting("reconciliation.enabled", "true")
				.build(), definition("quiet", quiet).build());
		this.runner.withBean(WechatPayMerchantSource.class, () -> () -> stored).run((context) -> {
			assertThat(context).hasNotFailed();
			ready(context);
			assertThat(shop.registeredNotificationUrl()).contains(PUBLIC_URL + "/shop");
			assertThat(quiet.registeredNotificationUrl()).isEmpty();
			assertThat(reconcilers(context)).extracting(ComplaintReconciler::getMerchantName).containsExactly("shop");
			assertThat(reconcileAll(context)).extracting(ReconciliationResult::published).containsExactly(2);
			assertThat(context.getBean(Reconciled.class).events).hasSize(2)
				.allSatisfy((event) -> assertThat(event.getMerchantName()).isEqualTo("shop"));
		});
	}

	@Test
	void aMerchantOfTheApplicationsOwnSourceFollowsTheGlobalSettingsItInherits() {
		WechatPayComplaintSimulator shop = simulator("1900000031", 1);
		List<MerchantDefinition> stored = List.of(definition("shop", shop).build());
		this.runner.withBean(WechatPayMerchantSource.class, () -> () -> stored)
			.withPropertyValues("wechatpay.complaint.notification.register-on-startup=true",
					"wechatpay.complaint.notification.public-url=" + PUBLIC_URL,
					"wechatpay.complaint.reconciliation.enabled=true")
			.run((context) -> {
				ready(context);
				assertThat(shop.registeredNotificationUrl()).contains(PUBLIC_URL + "/shop");
				assertThat(reconcileAll(context)).extracting(ReconciliationResult::published).containsExactly(1);
			});
	}

	@Test
	void aMerchantPutWhileTheApplicationRunsRegistersInTheBackgroundAndIsReconciledFromTheNextRun() {
		WechatPayComplaintSimulator sg = simulator("1900000033", 2);
		twoEntries().run((context) -> {
			ready(context);
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			merchants.put(definition("sg", sg).setting("reconciliation.enabled", "true").build());
			NotificationUrlRegistrar registrar = registrars(context).find("sg").orElseThrow();
			assertThat(registrar.getUrl()).isEqualTo(PUBLIC_URL + "/sg");
			await().atMost(PATIENCE).until(() -> registrar.getLastRegistration().isPresent());
			assertThat(registrar.getLastRegistration().orElseThrow().action())
				.isEqualTo(NotificationUrlRegistrar.Action.CREATED);
			assertThat(sg.registeredNotificationUrl()).contains(PUBLIC_URL + "/sg");
			assertThat(merchantHealth(context, "sg")).containsEntry("notificationUrl",
					Map.of("url", PUBLIC_URL + "/sg", "registration", "CREATED"));

			assertThat(reconcilers(context)).extracting(ComplaintReconciler::getMerchantName).containsExactly("sg");
			reconcileAll(context);
			assertThat(context.getBean(Reconciled.class).events).hasSize(2)
				.allSatisfy((event) -> assertThat(event.getMerchantId()).isEqualTo("1900000033"));
		});
	}

	@Test
	void aReplacedMerchantRegistersItsNewUrl() {
		WechatPayComplaintSimulator sg = simulator("1900000033", 0);
		twoEntries().run((context) -> {
			ready(context);
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			merchants.put(definition("sg", sg).build());
			await().atMost(PATIENCE).until(() -> sg.registeredNotificationUrl().isPresent());
			merchants.put(merchants.definition("sg")
				.orElseThrow()
				.toBuilder()
				.setting("notification.public-url", "https://sg.example.com/notify")
				.build());
			await().atMost(PATIENCE)
				.until(() -> sg.registeredNotificationUrl().equals(Optional.of("https://sg.example.com/notify")));
			assertThat(registrars(context).find("sg").orElseThrow().getLastRegistration().orElseThrow().action())
				.isEqualTo(NotificationUrlRegistrar.Action.UPDATED);
		});
	}

	@Test
	void aRemovedMerchantIsNoLongerReconciled() {
		twoEntries().withPropertyValues("wechatpay.complaint.reconciliation.enabled=true").run((context) -> {
			ready(context);
			assertThat(registrars(context).find("hk")).isPresent();
			assertThat(reconcilers(context)).extracting(ComplaintReconciler::getMerchantName)
				.containsExactly("cn", "hk");
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			assertThat(merchants.remove("hk")).isTrue();
			assertThat(reconcilers(context)).extracting(ComplaintReconciler::getMerchantName).containsExactly("cn");
			reconcileAll(context);
			assertThat(context.getBean(Reconciled.class).events).singleElement()
				.satisfies((event) -> assertThat(event.getMerchantName()).isEqualTo("cn"));
			assertThat(registrars(context).find("hk")).isEmpty();
		});
	}

	@Test
	void aRuntimeMerchantWhoseRegistrationFailsIsShownAndLeavesTheOthersRegistering(CapturedOutput output)
			throws IOException {
		WechatPayComplaintSimulator sg = simulator("1900000033", 0);
		MerchantDefinition broken;
		try (ServerSocket closed = new ServerSocket(0)) {
			broken = definition("down", sg).merchantId("1900000034")
				.wechatpayPublicKey("PUB_KEY_ID_0119000000342025010100000000000001", sg.keys().wechatpayPublicKeyPem())
				.baseUri(URI.create("http://127.0.0.1:" + closed.getLocalPort()))
				.build();
		}
		MerchantDefinition down = broken;
		twoEntries().run((context) -> {
			ready(context);
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			merchants.put(down);
			merchants.put(definition("sg", sg).build());
			NotificationUrlRegistrar failed = registrars(context).find("down").orElseThrow();
			NotificationUrlRegistrar registered = registrars(context).find("sg").orElseThrow();
			await().atMost(PATIENCE)
				.until(() -> failed.getLastRegistration().isPresent() && registered.getLastRegistration().isPresent());
			assertThat(failed.getLastRegistration().orElseThrow().action())
				.isEqualTo(NotificationUrlRegistrar.Action.FAILED);
			assertThat(registered.getLastRegistration().orElseThrow().action())
				.isEqualTo(NotificationUrlRegistrar.Action.CREATED);
			assertThat(sg.registeredNotificationUrl()).contains(PUBLIC_URL + "/sg");
			@SuppressWarnings("unchecked")
			Map<String, Object> shown = (Map<String, Object>) merchantHealth(context, "down").get("notificationUrl");
			assertThat(shown).containsEntry("url", PUBLIC_URL + "/down")
				.containsEntry("registration", "FAILED")
				.containsKey("error");
			assertThat(merchants.client("cn")).isNotNull();
		});
		assertThat(output).contains("merchant 'down'")
			.doesNotContain("PRIVATE KEY")
			.doesNotContain(sg.keys().apiV3Key());
	}

	@Test
	void putDoesNotWaitForWechatPay() throws IOException {
		WechatPayComplaintSimulator sg = simulator("1900000033", 0);
		try (SilentServer silent = new SilentServer()) {
			twoEntries().withPropertyValues("wechatpay.complaint.client.read-timeout=30s").run((context) -> {
				ready(context);
				WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
				merchants.put(definition("sg", sg).baseUri(URI.create("http://127.0.0.1:" + silent.port())).build());
				// The registration's request was accepted and is never answered, yet put
				// returned.
				await().atMost(PATIENCE).until(() -> silent.acceptedConnections() > 0);
				NotificationUrlRegistrar registrar = registrars(context).find("sg").orElseThrow();
				assertThat(registrar.getLastRegistration()).isEmpty();
				assertThat(merchantHealth(context, "sg")).containsEntry("notificationUrl",
						Map.of("url", PUBLIC_URL + "/sg", "registration", "PENDING"));
			});
		}
	}

	@Test
	void aRuntimeMerchantThatAsksToRegisterWithoutAUrlIsShownAndLogged(CapturedOutput output) {
		addToRunningShop(
				definition("sg", simulator("1900000033", 0)).setting("notification.register-on-startup", "true"),
				(context, merchants) -> {
					assertThat(registrars(context).find("sg")).isEmpty();
					assertThat(registrars(context).problem("sg")).hasValueSatisfying((problem) -> assertThat(problem)
						.contains("wechatpay.complaint.merchants.sg.notification.public-url"));
					@SuppressWarnings("unchecked")
					Map<String, Object> shown = (Map<String, Object>) merchantHealth(context, "sg")
						.get("notificationUrl");
					assertThat(shown).containsEntry("registration", "FAILED");
					assertThat(merchants.client("sg")).as("the merchant itself works").isNotNull();
				});
		assertThat(output).contains("merchant 'sg'", "wechatpay.complaint.merchants.sg.notification.public-url");
	}

	@Test
	void aRuntimeMerchantThatDoesNotRegisterHasNoRegistrationProblemWhateverItsOtherSettings() {
		// Inherits "do not register": its settings are not resolved for the registration,
		// and this one would fail there.
		addToRunningShop(definition("sg", simulator("1900000033", 0)).setting("client.retry.initial-backoff", "-1s"),
				(context, merchants) -> {
					assertThat(merchants.names()).contains("sg");
					assertThat(registrars(context).find("sg")).isEmpty();
					assertThat(registrars(context).problem("sg")).isEmpty();
				});
	}

	// A running application whose own source serves 'shop', then also the added merchant.
	private void addToRunningShop(MerchantDefinition.Builder added,
			BiConsumer<AssertableApplicationContext, WechatPayMerchants> then) {
		List<MerchantDefinition> stored = new CopyOnWriteArrayList<>(
				List.of(definition("shop", simulator("1900000031", 0)).build()));
		this.runner.withBean(WechatPayMerchantSource.class, () -> () -> stored).run((context) -> {
			ready(context);
			WechatPayMerchants merchants = context.getBean(WechatPayMerchants.class);
			stored.add(added.build());
			merchants.refresh();
			then.accept(context, merchants);
		});
	}

	// Two properties entries, cn and hk, registering on startup under the global URL.
	private ApplicationContextRunner twoEntries() {
		WechatPayComplaintSimulator cn = simulator(SimulatorKeys.DEFAULT_MERCHANT_ID, 1);
		WechatPayComplaintSimulator hk = simulator("1900000002", 1);
		List<String> properties = new ArrayList<>(ManyMerchantsApplication.entry("cn", cn));
		properties.addAll(ManyMerchantsApplication.entry("hk", hk));
		properties.add("wechatpay.complaint.notification.register-on-startup=true");
		properties.add("wechatpay.complaint.notification.public-url=" + PUBLIC_URL);
		return this.runner.withPropertyValues(properties.toArray(String[]::new));
	}

	private WechatPayComplaintSimulator simulator(String merchantId, int complaints) {
		WechatPayComplaintSimulator simulator = WechatPayComplaintSimulator.start(SimulatorSettings.defaults()
			.keys(SimulatorKeys.generate(merchantId))
			.seed(this.simulators.size() + 1)
			.duplicateProbability(0)
			.initialComplaints(complaints));
		this.simulators.add(simulator);
		return simulator;
	}

	private static MerchantDefinition.Builder definition(String name, WechatPayComplaintSimulator simulator) {
		SimulatorKeys keys = simulator.keys();
		return MerchantDefinition.builder(name)
			.merchantId(keys.merchantId())
			.certificateSerialNumber(keys.merchantSerial())
			.privateKey(keys.merchantPrivateKeyPem())
			.apiV3Key(keys.apiV3Key())
			.wechatpayPublicKey(keys.publicKeyId(), keys.wechatpayPublicKeyPem())
			.baseUri(URI.create(simulator.baseUri()))
			.setting("client.allow-insecure-http", "true");
	}

	private static void ready(AssertableApplicationContext context) {
		context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
				context.getSourceApplicationContext(), Duration.ZERO));
	}

	private static NotificationUrlRegistrars registrars(AssertableApplicationContext context) {
		return context.getBean(NotificationUrlRegistrars.class);
	}

	private static List<ComplaintReconciler> reconcilers(AssertableApplicationContext context) {
		return context
			.getBean(ComplaintReconciliationAutoConfiguration.MERCHANTS_SCHEDULER_BEAN_NAME,
					ReconciliationScheduler.class)
			.getReconcilers();
	}

	private static List<ReconciliationResult> reconcileAll(AssertableApplicationContext context) {
		return reconcilers(context).stream().map(ComplaintReconciler::reconcile).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> merchantHealth(AssertableApplicationContext context, String name) {
		HealthIndicator indicator = context.getBean(ComplaintObservabilityAutoConfiguration.HEALTH_INDICATOR_BEAN_NAME,
				HealthIndicator.class);
		Map<String, Map<String, Object>> merchants = (Map<String, Map<String, Object>>) indicator.health(true)
			.getDetails()
			.get("merchants");
		return merchants.get(name);
	}

	/** The reconciled complaints the application saw. */
	static final class Reconciled {

		final List<ComplaintReconciledEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ComplaintReconciledEvent event) {
			this.events.add(event);
		}

	}

}
