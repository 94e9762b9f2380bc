package io.github.wechatpaycomplaint.simulated;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.event.ComplaintEvent;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.simulated.ManyMerchantsApplication.Recorded;
import io.github.wechatpaycomplaint.simulator.MerchantRegion;
import io.github.wechatpaycomplaint.simulator.MerchantSettings;
import io.github.wechatpaycomplaint.simulator.SimulatedMerchant;
import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.notify.DeliveryAttempt;
import io.github.wechatpaycomplaint.simulator.notify.NotificationDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.github.wechatpaycomplaint.simulated.ManyMerchantsApplication.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * One simulator serving two merchants, a mainland {@code cn} and a Hong Kong {@code hk},
 * and an application started with nothing but the simulator's
 * {@code wechatpay.complaint.merchants.<name>.*} properties: each merchant's calls are
 * signed with its own key and accepted only as that merchant (the Hong Kong one on the
 * {@code /v3/global} paths only), each merchant registers its own notification URL, and
 * each merchant's notifications, signed and encrypted with its own keys, become events of
 * that merchant.
 */
class OneSimulatorManyMerchantsTests {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private static final String PUBLIC_URL = "https://pay.example.com/wechatpay/complaint-notifications";

	private WechatPayComplaintSimulator simulator;

	private ConfigurableApplicationContext application;

	@AfterEach
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
		if (this.simulator != null) {
			this.simulator.close();
		}
	}

	@Test
	void eachMerchantCallsAsItselfAndTheHongKongMerchantOnTheGlobalPaths() {
		start(UnaryOperator.identity());
		String cnComplaint = cn().fileComplaint();
		String hkComplaint = hk().fileComplaint();
		WechatPayMerchants merchants = this.application.getBean(WechatPayMerchants.class);

		assertThat(merchants.client("cn").getComplaint(cnComplaint).complaintedMchid()).isEqualTo(cn().merchantId());
		assertThat(merchants.client("hk").getComplaint(hkComplaint).complaintedMchid()).isEqualTo(hk().merchantId());
		assertThat(recorded().calls).extracting(URI::getPath)
			.containsExactly("/v3/merchant-service/complaints-v2/" + cnComplaint,
					"/v3/global/merchant-service/complaints/" + hkComplaint);
		assertThatExceptionOfType(WechatPayApiException.class).as("hk's complaint is not cn's")
			.isThrownBy(() -> merchants.client("cn").getComplaint(hkComplaint))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404));
	}

	@Test
	void aHongKongMerchantCalledOnTheMainlandPathsIsRefusedByItsWechatPay() {
		start(UnaryOperator.identity(), "wechatpay.complaint.merchants.hk.client.endpoint=MAINLAND");
		String hkComplaint = hk().fileComplaint();
		assertThatExceptionOfType(WechatPayApiException.class)
			.isThrownBy(() -> this.application.getBean(WechatPayMerchants.class).client("hk").getComplaint(hkComplaint))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(403);
				assertThat(ex.getCode()).isEqualTo("NO_AUTH");
			});
	}

	@Test
	void eachMerchantRegistersItsOwnUrlAndItsNotificationsBecomeItsEvents() {
		start(UnaryOperator.identity(), "wechatpay.complaint.notification.register-on-startup=true",
				"wechatpay.complaint.notification.public-url=" + PUBLIC_URL);
		assertThat(cn().registeredNotificationUrl()).contains(PUBLIC_URL + "/cn");
		assertThat(hk().registeredNotificationUrl()).contains(PUBLIC_URL + "/hk");

		// cn on its own path, hk on the shared path, routed by its Wechatpay-Serial
		cn().callbackUrl(ManyMerchantsApplication.url(this.application, PATH + "/cn"));
		hk().callbackUrl(ManyMerchantsApplication.url(this.application, PATH));
		assertDeliveredAsEventsOfTheirMerchant();
		assertThat(this.simulator.merchants()).flatMap(SimulatedMerchant::deliveries)
			.allSatisfy((delivery) -> assertThat(delivery.getAttempts()).extracting(DeliveryAttempt::status)
				.containsExactly(204));
	}

	@Test
	void aCertificateModeMerchantDownloadsItsOwnPlatformCertificate() {
		start((hk) -> hk.certificateMode(true));
		assertThat(this.simulator.applicationProperties())
			.containsKey("wechatpay.complaint.merchants.hk.platform-certificates.trust-anchor")
			.doesNotContainKey("wechatpay.complaint.merchants.hk.wechatpay-public-key.id");
		cn().callbackUrl(ManyMerchantsApplication.url(this.application, PATH));
		// hk's first delivery is refused while its first certificate download runs
		hk().callbackUrl(ManyMerchantsApplication.url(this.application, PATH));
		assertDeliveredAsEventsOfTheirMerchant();
		assertThat(recorded().calls).extracting(URI::getPath).contains("/v3/global/certificates");
	}

	private void assertDeliveredAsEventsOfTheirMerchant() {
		String cnComplaint = cn().fileComplaint();
		String hkComplaint = hk().fileComplaint();
		await().atMost(PATIENCE).until(() -> finished(cn(), cnComplaint) && finished(hk(), hkComplaint));
		assertThat(recorded().eventsOf(cnComplaint)).singleElement()
			.extracting(ComplaintEvent::getMerchantName, ComplaintEvent::getMerchantId)
			.containsExactly("cn", cn().merchantId());
		assertThat(recorded().eventsOf(hkComplaint)).singleElement()
			.extracting(ComplaintEvent::getMerchantName, ComplaintEvent::getMerchantId)
			.containsExactly("hk", hk().merchantId());
		assertThat(List.of(delivery(cn(), cnComplaint), delivery(hk(), hkComplaint)))
			.allSatisfy((delivery) -> assertThat(delivery.isDelivered()).isTrue());
	}

	// cn and hk with the keys the other tests share; a certificate-mode merchant not used
	// yet needs a retry while its first download runs.
	private void start(UnaryOperator<MerchantSettings> hk, String... more) {
		this.simulator = WechatPayComplaintSimulator.start(SimulatorSettings.defaults()
			.duplicateProbability(0)
			.maxAttempts(10)
			.retryBackoff(Duration.ofMillis(300))
			.merchant("cn", (merchant) -> merchant.keys(StarterClient.KEYS))
			.merchant("hk", (merchant) -> hk
				.apply(merchant.keys(ManyMerchantsEndToEndTests.HK_KEYS).region(MerchantRegion.HONG_KONG))));
		List<String> properties = new ArrayList<>();
		this.simulator.applicationProperties().forEach((key, value) -> properties.add(key + "=" + value));
		properties.addAll(List.of("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off"));
		properties.addAll(List.of(more));
		this.application = new SpringApplicationBuilder(ManyMerchantsApplication.class).web(WebApplicationType.SERVLET)
			.properties(properties.toArray(String[]::new))
			.run();
	}

	private SimulatedMerchant cn() {
		return this.simulator.merchant("cn");
	}

	private SimulatedMerchant hk() {
		return this.simulator.merchant("hk");
	}

	private Recorded recorded() {
		return this.application.getBean(Recorded.class);
	}

	private static NotificationDelivery delivery(SimulatedMerchant merchant, String complaintId) {
		return merchant.deliveries()
			.stream()
			.filter((delivery) -> delivery.getComplaintId().equals(complaintId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No delivery for " + complaintId));
	}

	private static boolean finished(SimulatedMerchant merchant, String complaintId) {
		return merchant.deliveries()
			.stream()
			.anyMatch((delivery) -> delivery.getComplaintId().equals(complaintId) && delivery.isFinished());
	}

}
