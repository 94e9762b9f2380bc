package io.github.wechatpaycomplaint.autoconfigure;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import io.github.wechatpaycomplaint.observability.NotificationInboxEndpoint;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated configuration metadata is complete, so IDEs complete and explain every
 * property.
 */
class ConfigurationMetadataTests {

	private static final String INBOX_ENDPOINT = "management.endpoint." + NotificationInboxEndpoint.ID + ".";

	private final JsonNode metadata = read("META-INF/spring-configuration-metadata.json");

	@Test
	void everyPropertyHasADescriptionWithoutBootsForbiddenOpenings() {
		assertThat(this.metadata.get("properties")).isNotEmpty();
		for (JsonNode property : this.metadata.get("properties")) {
			String name = property.get("name").asString();
			// Besides the starter's own, the inbox endpoint's Actuator properties.
			assertThat(name).matches((key) -> key.startsWith("wechatpay.complaint.") || key.startsWith(INBOX_ENDPOINT),
					"starts with wechatpay.complaint. or " + INBOX_ENDPOINT);
			assertThat(property.path("description").asString("")).as(name)
				.isNotBlank()
				.doesNotStartWith("The ")
				.doesNotStartWith("A ");
			if ("java.lang.Boolean".equals(property.path("type").asString(""))) {
				assertThat(property.get("description").asString()).as(name).startsWith("Whether");
			}
		}
	}

	@Test
	void recordsTheDefaults() {
		Map<String, String> defaults = new HashMap<>();
		for (JsonNode property : this.metadata.get("properties")) {
			if (property.has("defaultValue")) {
				defaults.put(property.get("name").asString(), property.get("defaultValue").asString());
			}
		}
		assertThat(defaults).containsEntry("wechatpay.complaint.enabled", "true")
			.containsEntry("wechatpay.complaint.client.endpoint", "mainland")
			.containsEntry("wechatpay.complaint.client.connect-timeout", "5s")
			.containsEntry("wechatpay.complaint.client.read-timeout", "10s")
			.containsEntry("wechatpay.complaint.client.max-clock-skew", "5m")
			.containsEntry("wechatpay.complaint.client.allow-insecure-http", "false")
			.containsEntry("wechatpay.complaint.platform-certificates.enabled", "false")
			.containsEntry("wechatpay.complaint.platform-certificates.refresh-interval", "12h")
			.containsEntry("wechatpay.complaint.platform-certificates.unknown-serial-refresh-interval", "1m")
			.containsEntry("wechatpay.complaint.client.failover.enabled", "true")
			.containsEntry("wechatpay.complaint.client.retry.max-attempts", "3")
			.containsEntry("wechatpay.complaint.client.retry.initial-backoff", "200ms")
			.containsEntry("wechatpay.complaint.client.retry.max-backoff", "10s")
			.containsEntry("wechatpay.complaint.client.rate-limit.enabled", "true")
			.containsEntry("wechatpay.complaint.client.rate-limit.store", "memory")
			.containsEntry("wechatpay.complaint.client.rate-limit.max-wait", "10s")
			.containsEntry("wechatpay.complaint.client.rate-limit.redis-timeout", "1s")
			.containsEntry("wechatpay.complaint.client.rate-limit.redis-retry-interval", "10s")
			.containsEntry("wechatpay.complaint.client.rate-limit.list.permits", "200")
			.containsEntry("wechatpay.complaint.client.rate-limit.feedback.permits", "60")
			.containsEntry("wechatpay.complaint.client.rate-limit.feedback.period", "1m")
			.containsEntry("wechatpay.complaint.reconciliation.enabled", "false")
			.containsEntry("wechatpay.complaint.reconciliation.interval", "10m")
			.containsEntry("wechatpay.complaint.reconciliation.initial-delay", "1m")
			.containsEntry("wechatpay.complaint.reconciliation.look-back-days", "7")
			.containsEntry("wechatpay.complaint.reconciliation.lock-lease", "10m")
			.containsEntry("wechatpay.complaint.deadlines.enabled", "false")
			.containsEntry("wechatpay.complaint.deadlines.first-reply", "24h")
			.containsEntry("wechatpay.complaint.deadlines.resolution", "72h")
			.containsEntry("wechatpay.complaint.deadlines.first-reply-warning", "4h")
			.containsEntry("wechatpay.complaint.deadlines.resolution-warning", "12h")
			.containsEntry("wechatpay.complaint.deadlines.check-interval", "1m")
			.containsEntry("wechatpay.complaint.deadlines.batch-size", "500")
			.containsEntry("wechatpay.complaint.deadlines.completed-retention", "7d")
			.containsEntry("wechatpay.complaint.deadlines.max-age", "30d")
			.containsEntry("wechatpay.complaint.deadlines.down-when-overdue", "false")
			.containsEntry("wechatpay.complaint.notification.path", "/wechatpay/complaint-notifications")
			.containsEntry("wechatpay.complaint.notification.deduplication.store", "memory")
			.containsEntry("wechatpay.complaint.notification.deduplication.operation-timeout", "2s")
			.containsEntry("wechatpay.complaint.notification.processing", "in-request")
			.containsEntry("wechatpay.complaint.notification.inbox.store", "memory")
			.containsEntry("wechatpay.complaint.notification.inbox.lease", "5m")
			.containsEntry("wechatpay.complaint.notification.inbox.retry.max-attempts", "10");
	}

	@Test
	void hintsThatKeysAreResources() {
		assertThat(this.metadata.get("hints").toString()).contains("wechatpay.complaint.merchant.private-key",
				"wechatpay.complaint.merchant.certificate", "wechatpay.complaint.wechatpay-public-key.key",
				"wechatpay.complaint.platform-certificates.trust-anchor", "org.springframework.core.io.Resource");
	}

	private static JsonNode read(String resource) {
		try (InputStream in = ConfigurationMetadataTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return new JsonMapper().readTree(in);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
