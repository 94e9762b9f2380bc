package io.github.wechatpaycomplaint.multimerchant;

import java.time.Duration;

import io.github.wechatpaycomplaint.notification.NotificationMerchants;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merchant is ready for verification on an event loop only once its first use built it,
 * by name and by its serial; a serial of no merchant is never ready (it may start
 * certificate downloads, which build merchants).
 */
class RegistryNotificationMerchantsReadinessTests {

	private static final String KEY_ID = "PUB_KEY_ID_0119000000022025112300000000000001";

	@AutoClose
	private final TestMerchantFactory factory = new TestMerchantFactory(new MutableClock(TestMerchantFactory.NOW),
			Duration.ofMinutes(1));

	@Test
	void readyOnlyOnceBuilt() {
		WechatPayMerchants merchants = this.factory.registry(TestMerchantFactory.publicKeyMode("hk", 2, KEY_ID));
		NotificationMerchants notification = merchants.notificationMerchants();
		assertThat(notification.isReady("hk", null)).isFalse();
		assertThat(notification.isReady(null, KEY_ID)).isFalse();
		merchants.components("hk");
		assertThat(notification.isReady("hk", null)).isTrue();
		assertThat(notification.isReady(null, KEY_ID)).isTrue();
		assertThat(notification.isReady("other", null)).isFalse();
		assertThat(notification.isReady(null, "PUB_KEY_ID_0119000000992025112300000000000001")).isFalse();
		assertThat(notification.isReady(null, null)).isFalse();
	}

}
