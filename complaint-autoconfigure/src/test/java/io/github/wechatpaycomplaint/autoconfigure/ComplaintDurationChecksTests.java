package io.github.wechatpaycomplaint.autoconfigure;

import java.util.List;
import java.util.stream.Stream;

import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durations that bind but cannot work stop startup, naming the property and the fix.
 */
class ComplaintDurationChecksTests {

	/** Every Duration of the properties classes for which zero makes no sense. */
	private static final List<String> POSITIVE = List.of("platform-certificates.refresh-interval",
			"platform-certificates.unknown-serial-refresh-interval", "client.connect-timeout", "client.read-timeout",
			"client.max-clock-skew", "client.retry.initial-backoff", "client.retry.max-backoff",
			"client.rate-limit.list.period", "client.rate-limit.feedback.period", "notification.max-clock-skew",
			"notification.deduplication.time-to-live", "notification.deduplication.processing-lease",
			"notification.deduplication.operation-timeout", "notification.deduplication.jdbc.purge-interval",
			"reconciliation.interval", "reconciliation.lock-lease");

	/** The Durations for which zero means "at once" or "never". */
	private static final List<String> ZERO_ALLOWED = List.of("client.rate-limit.max-wait",
			"reconciliation.initial-delay", "health.certificate-expiry-warning");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class)
		.withPropertyValues(Vectors.merchantProperties());

	@Test
	void theDefaultsStart() {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void everyDurationMustNotBeNegative() {
		for (String property : concat(POSITIVE, ZERO_ALLOWED)) {
			this.runner.withPropertyValues("wechatpay.complaint." + property + "=-1s")
				.run((context) -> assertRefused(context, property, "must be"));
		}
	}

	@Test
	void durationsThatMustBePositiveRefuseZero() {
		for (String property : POSITIVE) {
			this.runner.withPropertyValues("wechatpay.complaint." + property + "=0s")
				.run((context) -> assertRefused(context, property, "must be positive"));
		}
	}

	@Test
	void durationsWhereZeroMeansAtOnceAcceptZero() {
		for (String property : ZERO_ALLOWED) {
			this.runner.withPropertyValues("wechatpay.complaint." + property + "=0s")
				.run((context) -> assertThat(context).as(property).hasNotFailed());
		}
	}

	@Test
	void aZeroTimeToLiveIsRefused() {
		this.runner.withPropertyValues("wechatpay.complaint.notification.deduplication.time-to-live=0s")
			.run((context) -> assertRefused(context, "notification.deduplication.time-to-live", "must be positive"));
	}

	@Test
	void aNegativeProcessingLeaseIsRefused() {
		this.runner.withPropertyValues("wechatpay.complaint.notification.deduplication.processing-lease=-1s")
			.run((context) -> assertRefused(context, "notification.deduplication.processing-lease",
					"must be positive"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "3650d", "11m" })
	void aNotificationClockSkewAboveTenMinutesIsRefused(String skew) {
		this.runner.withPropertyValues("wechatpay.complaint.notification.max-clock-skew=" + skew)
			.run((context) -> assertRefused(context, "notification.max-clock-skew", "more than 10 minutes"));
	}

	@Test
	void aNotificationClockSkewOfTenMinutesStarts() {
		this.runner.withPropertyValues("wechatpay.complaint.notification.max-clock-skew=10m")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aTimeToLiveShorterThanTwiceTheClockSkewPlusLeaseIsRefused() {
		WebApplicationContextRunner notifications = NotificationContexts.webRunner();
		notifications
			.withPropertyValues("wechatpay.complaint.notification.max-clock-skew=5m",
					"wechatpay.complaint.notification.deduplication.processing-lease=5m",
					"wechatpay.complaint.notification.deduplication.time-to-live=14m")
			.run((context) -> {
				assertRefused(context.getStartupFailure(), "notification.deduplication.time-to-live", "handled twice");
				assertThat(analysis(context.getStartupFailure()).getDescription())
					.contains("twice wechatpay.complaint.notification.max-clock-skew plus "
							+ "wechatpay.complaint.notification.deduplication.processing-lease (PT15M)");
				assertThat(analysis(context.getStartupFailure()).getAction()).contains("at least PT15M");
			});
		notifications
			.withPropertyValues("wechatpay.complaint.notification.max-clock-skew=5m",
					"wechatpay.complaint.notification.deduplication.processing-lease=5m",
					"wechatpay.complaint.notification.deduplication.time-to-live=15m")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aTimeToLiveOfOnceTheClockSkewPlusLeaseIsRefused() {
		// A timestamp is accepted from max-clock-skew before to max-clock-skew after it:
		// a replay 14 minutes after
		// the first delivery still passes a 10 minute skew.
		WebApplicationContextRunner notifications = NotificationContexts.webRunner();
		notifications
			.withPropertyValues("wechatpay.complaint.notification.max-clock-skew=10m",
					"wechatpay.complaint.notification.deduplication.processing-lease=1s",
					"wechatpay.complaint.notification.deduplication.time-to-live=PT10M1S")
			.run((context) -> {
				assertRefused(context.getStartupFailure(), "notification.deduplication.time-to-live", "handled twice");
				assertThat(analysis(context.getStartupFailure()).getAction()).contains("at least PT20M1S");
			});
		notifications
			.withPropertyValues("wechatpay.complaint.notification.max-clock-skew=10m",
					"wechatpay.complaint.notification.deduplication.processing-lease=1s",
					"wechatpay.complaint.notification.deduplication.time-to-live=PT20M1S")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static void assertRefused(AssertableApplicationContext context, String property, String problem) {
		assertThat(context).as(property).hasFailed();
		assertRefused(context.getStartupFailure(), property, problem);
	}

	private static void assertRefused(Throwable failure, String property, String problem) {
		assertThat(failure).as(property).isNotNull().rootCause().isInstanceOf(InvalidComplaintPropertyException.class);
		FailureAnalysis analysis = analysis(failure);
		assertThat(analysis.getDescription()).as(property)
			.contains("property 'wechatpay.complaint." + property + "' is invalid")
			.contains(problem);
		assertThat(analysis.getAction()).as(property).isNotBlank();
	}

	private static FailureAnalysis analysis(Throwable failure) {
		FailureAnalysis analysis = new InvalidComplaintPropertyFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

	private static List<String> concat(List<String> first, List<String> second) {
		return Stream.concat(first.stream(), second.stream()).toList();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ ComplaintProperties.class, ComplaintClientProperties.class,
			ComplaintNotificationProperties.class, NotificationDeduplicationProperties.class,
			NotificationRegistrationProperties.class, ComplaintReconciliationProperties.class,
			ComplaintHealthProperties.class })
	static class PropertiesConfiguration {

	}

}
