package io.github.wechatpaycomplaint.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.simulator.MovableClock;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The extension runs a simulator whose properties start the starter, with keys that match
 * {@link WechatPayTestKeys#shared()}.
 */
class WechatPaySimulatorExtensionTests {

	@RegisterExtension
	static final WechatPaySimulatorExtension wechatPay = new WechatPaySimulatorExtension(
			(settings) -> settings.initialComplaints(2));

	@Test
	void theStarterTalksToTheInjectedSimulator(WechatPayComplaintSimulator simulator) {
		assertThat(simulator).isSameAs(wechatPay.simulator());
		LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
					ComplaintClientAutoConfiguration.class))
			.withPropertyValues(simulator.applicationPropertyValues())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String list = context.getBean("wechatPayComplaintRestClient", RestClient.class)
					.get()
					.uri("/v3/merchant-service/complaints-v2?begin_date=" + today.minusDays(1) + "&end_date=" + today)
					.retrieve()
					.body(String.class);
				assertThat(list).contains("\"total_count\":2");
			});
	}

	@Test
	void theSimulatorRunsOnAMovableClockThatTestMethodsMayTake(WechatPayComplaintSimulator simulator,
			MovableClock clock) {
		assertThat(clock).isSameAs(wechatPay.clock()).isSameAs(simulator.clock());
		Instant before = clock.instant();

		assertThat(simulator.advanceClock(Duration.ofHours(1))).isAfterOrEqualTo(before.plus(Duration.ofHours(1)));
		assertThat(clock.advanced()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aClockTheSettingsFixedCannotBeMovedThroughTheExtension() {
		WechatPaySimulatorExtension fixed = new WechatPaySimulatorExtension(
				(settings) -> settings.clock(Clock.systemUTC()));
		try {
			assertThatIllegalStateException().isThrownBy(fixed::clock).withMessageContaining("give it a MovableClock");
		}
		finally {
			fixed.afterAll(null);
		}
	}

	@Test
	void theTestKeysMatchTheSimulatorsKeys(WechatPayComplaintSimulator simulator) {
		assertThat(WechatPayTestKeys.shared().applicationProperties()).containsAllEntriesOf(withoutBaseUri(simulator));
	}

	private static Map<String, String> withoutBaseUri(WechatPayComplaintSimulator simulator) {
		Map<String, String> properties = new LinkedHashMap<>(simulator.applicationProperties());
		properties.remove("wechatpay.complaint.client.base-uri");
		return properties;
	}

}
