package io.github.wechatpaycomplaint.reconciliation;

import java.util.UUID;

import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Two instances running the reconciliation job against the real Redis and PostgreSQL on
 * 127.0.0.1 publish a lost complaint once in total. Fails (does not skip) when a server
 * is not running.
 */
@Tag("services")
class ReconciliationClusterIntegrationTests {

	private static final String ID = "200000020261120101522000009";

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	@Test
	void twoInstancesSharingRedisPublishOnceInTotal() {
		assertPublishedOnceInTotal(ReconciliationFixture.contextRunner(this.wechatPay)
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=6379",
					"wechatpay.complaint.notification.deduplication.store=redis",
					"wechatpay.complaint.notification.deduplication.redis.key-prefix=test:" + UUID.randomUUID() + ":"));
	}

	@Test
	void twoInstancesSharingPostgresqlPublishOnceInTotal() {
		assertPublishedOnceInTotal(ReconciliationFixture.contextRunner(this.wechatPay)
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
					"spring.datasource.username=postgres", "wechatpay.complaint.notification.deduplication.store=jdbc",
					"wechatpay.complaint.notification.deduplication.jdbc.table-name=reconciliation_"
							+ UUID.randomUUID().toString().replace("-", "").substring(0, 12),
					"wechatpay.complaint.notification.deduplication.jdbc.initialize-schema=true"));
	}

	private void assertPublishedOnceInTotal(ApplicationContextRunner instance) {
		ReconciliationFixture.listComplaints(this.wechatPay, ReconciliationFixture.complaint(ID, "PENDING", 1));
		ReconciliationFixture.assertTwoInstancesPublishOnceInTotal(instance);
	}

}
