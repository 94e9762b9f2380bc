package io.github.wechatpaycomplaint.multimerchant;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.notification.ComplaintNotificationHandler;
import io.github.wechatpaycomplaint.notification.NotificationMerchants;
import io.github.wechatpaycomplaint.notification.NotificationRejectedException;
import io.github.wechatpaycomplaint.notification.NotificationRejection;
import io.github.wechatpaycomplaint.notification.store.CaffeineNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What a serial nobody knows may cost, since anyone can send one: on the shared path only
 * a serial shaped like a platform certificate serial sets anything off, and then once per
 * interval for the whole registry (building the certificate-mode merchants not used yet,
 * asking each certificate-mode merchant to download), not once per request; on a
 * merchant's own path only that merchant is built or asked.
 */
class SharedPathUnknownSerialTests {

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	private static final String FORGED = "1111111111111111111111111111111111111111";

	private static final String OTHER_FORGED = "2222222222222222222222222222222222222222";

	private final MutableClock clock = new MutableClock(TestMerchantFactory.NOW);

	// Each manager alone would download for every unknown serial: only the registry's
	// allowance spaces them here.
	@AutoClose
	private final TestMerchantFactory factory = new TestMerchantFactory(this.clock, Duration.ZERO);

	private WechatPayMerchants merchants;

	@Test
	void aSerialNotShapedLikeACertificateSerialBuildsNoMerchantAndStartsNoDownload() {
		this.merchants = this.factory.registry(TestMerchantFactory.certificateMode("a", 1),
				TestMerchantFactory.certificateMode("b", 2),
				TestMerchantFactory.publicKeyMode("c", 3, "PUB_KEY_ID_0119000000032025112300000000000003"));
		NotificationMerchants notification = this.merchants.notificationMerchants();
		for (String serial : List.of("PUB_KEY_ID_0119999999992025010100000000000001", "not-a-serial", "1234567890",
				"G".repeat(40), "1".repeat(41), "")) {
			assertThat(notification.bySerial(serial)).as(serial).isEmpty();
		}
		assertThat(this.factory.built).isEmpty();
	}

	@Test
	void unknownSerialsOnTheSharedPathWakeTheCertificateMerchantsOncePerIntervalNotPerRequest() {
		this.merchants = this.factory.registry(INTERVAL, TestMerchantFactory.certificateMode("a", 1),
				TestMerchantFactory.certificateMode("b", 2),
				TestMerchantFactory.publicKeyMode("c", 3, "PUB_KEY_ID_0119000000032025112300000000000003"));
		NotificationMerchants notification = this.merchants.notificationMerchants();
		assertThat(notification.bySerial(FORGED)).isEmpty();
		assertThat(this.factory.built).containsExactlyInAnyOrder("a", "b");
		awaitDownloads(2);

		this.merchants.put(TestMerchantFactory.certificateMode("d", 4));
		for (int i = 0; i < 20; i++) {
			assertThat(notification.bySerial((i % 2 == 0) ? FORGED : OTHER_FORGED)).isEmpty();
		}
		assertThat(this.factory.built).as("nothing more built within the interval").containsExactlyInAnyOrder("a", "b");
		assertThat(this.factory.downloads()).as("nothing more downloaded within the interval").isEqualTo(2);

		this.clock.advance(INTERVAL);
		assertThat(notification.bySerial(OTHER_FORGED)).isEmpty();
		assertThat(this.factory.built).containsExactlyInAnyOrder("a", "b", "d");
		awaitDownloads(5);
		assertThat(notification.bySerial(FORGED)).isEmpty();
		assertThat(this.factory.downloads()).isEqualTo(5);
	}

	@Test
	void onAMerchantsOwnPathOnlyThatMerchantIsBuiltAndAskedToDownload() {
		this.merchants = this.factory.registry(INTERVAL, TestMerchantFactory.certificateMode("a", 1),
				TestMerchantFactory.certificateMode("b", 2), TestMerchantFactory.certificateMode("c", 3));
		ComplaintNotificationHandler handler = new ComplaintNotificationHandler(this.merchants.notificationMerchants(),
				this.clock, Duration.ofMinutes(5), new CaffeineNotificationDeduplicationStore(100, Duration.ofDays(1)),
				(event) -> {
				}, Duration.ofMinutes(1), Duration.ofDays(1));
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(NotificationRejectedException.class)
				.isThrownBy(() -> handler.handle("a", forgedHeaders(FORGED), "{}".getBytes()))
				.satisfies((ex) -> assertThat(ex.getRejection()).isEqualTo(NotificationRejection.UNKNOWN_SERIAL));
		}
		assertThat(this.factory.built).containsExactly("a");
		awaitNoDownloadInFlight();
		assertThat(this.factory.managers).containsOnlyKeys("a");
		assertThat(this.factory.managers.get("a").getDownloadCount()).isPositive();
	}

	private SignedHeaders forgedHeaders(String serial) {
		return new SignedHeaders(String.valueOf(this.clock.instant().getEpochSecond()), "nonce",
				Base64.getEncoder().encodeToString(new byte[256]), serial);
	}

	// Until the downloads have ended (their threads are gone), so that the next lookup
	// finds none in flight to join.
	private void awaitDownloads(int count) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.factory.downloads()).isEqualTo(count);
			assertNoDownloadInFlight();
		});
	}

	private void awaitNoDownloadInFlight() {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(this::assertNoDownloadInFlight);
	}

	private void assertNoDownloadInFlight() {
		assertThat(Thread.getAllStackTraces().keySet())
			.noneMatch((thread) -> thread.getName().equals("wechatpay-platform-certificates-download"));
	}

}
