package io.github.wechatpaycomplaint.multimerchant;

import java.time.Duration;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateManager;
import io.github.wechatpaycomplaint.notification.NotificationMerchant;
import io.github.wechatpaycomplaint.notification.NotificationMerchants;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform certificate serials that certificate-mode merchants download are indexed
 * as they arrive, so the shared path finds their merchant by one map lookup; they leave
 * the index with their merchant; a serial two merchants claim routes to neither.
 */
@ExtendWith(OutputCaptureExtension.class)
class CertificateSerialIndexTests {

	private static final String SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E2";

	private static final String NEXT_SERIAL = "7132D72A03E93CDDF8C03BBD1F37EEDF204B2B01";

	@AutoClose
	private final TestMerchantFactory factory = new TestMerchantFactory(new MutableClock(TestMerchantFactory.NOW),
			Duration.ofMinutes(1));

	private final WechatPayMerchants merchants = this.factory.registry(TestMerchantFactory.certificateMode("a", 1),
			TestMerchantFactory.certificateMode("b", 2), TestMerchantFactory.certificateMode("c", 3));

	private final NotificationMerchants notification = this.merchants.notificationMerchants();

	@Test
	void aSerialAMerchantDownloadedFindsThatMerchantAndWakesNoOther() {
		download("a", SERIAL);
		assertThat(this.notification.bySerial(SERIAL)).map(NotificationMerchant::name).contains("a");
		assertThat(this.notification.ownerOf(SERIAL)).contains("a");
		assertThat(this.factory.built).containsExactly("a");
	}

	@Test
	void aCertificateIssuedLaterIsIndexedWhenItsMerchantDownloadsIt() {
		download("a", SERIAL);
		assertThat(this.notification.ownerOf(NEXT_SERIAL)).isEmpty();
		download("a", SERIAL, NEXT_SERIAL);
		assertThat(this.notification.ownerOf(NEXT_SERIAL)).contains("a");
		assertThat(this.notification.bySerial(NEXT_SERIAL)).map(NotificationMerchant::name).contains("a");
	}

	@Test
	void aSerialClaimedByTwoMerchantsIsRoutedToNeitherAndLoggedWithoutKeys(CapturedOutput output) {
		download("a", SERIAL);
		download("b", SERIAL);
		assertThat(this.notification.bySerial(SERIAL)).isEmpty();
		assertThat(this.notification.ownerOf(SERIAL)).isEmpty();
		assertThat(output).contains("WARN", "serial " + SERIAL + " is claimed by merchants [a, b]")
			.doesNotContain(TestMerchantFactory.API_V3_KEY)
			.doesNotContain("PRIVATE KEY");
		assertThat(this.factory.built).as("a contested serial wakes nobody").containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void theSerialsOfARemovedMerchantLeaveTheIndex() {
		download("a", SERIAL);
		this.merchants.remove("a");
		assertThat(this.notification.ownerOf(SERIAL)).isEmpty();
	}

	@Test
	void theSerialsOfAReplacedMerchantLeaveTheIndexAndItsOldManagerAddsNoMore() {
		download("b", SERIAL);
		PlatformCertificateManager replaced = this.factory.managers.get("b");
		this.merchants.put(TestMerchantFactory.definition("b", 2)
			.platformCertificates(true)
			.setting("platform-certificates.refresh-interval", "6h")
			.build());
		assertThat(this.notification.ownerOf(SERIAL)).isEmpty();
		this.factory.publish("b", SERIAL, NEXT_SERIAL);
		replaced.refresh().join();
		assertThat(replaced.getCertificates()).containsKey(NEXT_SERIAL);
		assertThat(this.notification.ownerOf(NEXT_SERIAL)).as("a replaced merchant's late download").isEmpty();
		download("b", NEXT_SERIAL);
		assertThat(this.notification.ownerOf(NEXT_SERIAL)).contains("b");
	}

	// The merchant is built (as its first use would) and downloads these certificates.
	private void download(String name, String... serials) {
		this.factory.publish(name, serials);
		this.merchants.components(name);
		this.factory.managers.get(name).refresh().join();
	}

}
