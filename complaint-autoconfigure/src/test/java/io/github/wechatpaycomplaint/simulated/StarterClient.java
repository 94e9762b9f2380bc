package io.github.wechatpaycomplaint.simulated;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

/**
 * The starter's own signed and verifying RestClient, auto-configured with the properties
 * a simulator hands out.
 */
final class StarterClient {

	/** Keys shared by the tests, so that each simulator does not generate its own. */
	static final SimulatorKeys KEYS = SimulatorKeys.generate(SimulatorKeys.DEFAULT_MERCHANT_ID);

	private StarterClient() {
	}

	static ApplicationContextRunner runner(WechatPayComplaintSimulator simulator) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
				RestClientAutoConfiguration.class, ComplaintClientAutoConfiguration.class))
			.withPropertyValues(simulator.applicationPropertyValues());
	}

	static void with(WechatPayComplaintSimulator simulator, Consumer<RestClient> calls) {
		runner(simulator).run((context) -> {
			assertStarted(context);
			calls.accept(client(context));
		});
	}

	static RestClient client(AssertableApplicationContext context) {
		return context.getBean("wechatPayComplaintRestClient", RestClient.class);
	}

	static void assertStarted(AssertableApplicationContext context) {
		if (context.getStartupFailure() != null) {
			throw new AssertionError("The starter did not start", context.getStartupFailure());
		}
	}

	/** A date range around today in China, where the simulator files complaints. */
	static String listQuery() {
		LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
		return "begin_date=" + today.minusDays(1) + "&end_date=" + today.plusDays(1);
	}

}
