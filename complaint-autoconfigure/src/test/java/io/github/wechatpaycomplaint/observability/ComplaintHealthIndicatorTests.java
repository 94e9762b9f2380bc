package io.github.wechatpaycomplaint.observability;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintObservabilityAutoConfiguration;
import io.github.wechatpaycomplaint.certificate.PlatformCertificate;
import io.github.wechatpaycomplaint.notification.NotificationRejection;
import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.testsupport.TestKeys;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health indicator shows which keys are loaded, the platform certificates' days to
 * expiry and the time since the last notification, and never key material.
 */
class ComplaintHealthIndicatorTests {

	private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

	private static final KeyPair PLATFORM = RsaKeyPairs.generate();

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void showsPublicKeyModeWithoutAnySecret() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ComplaintClientAutoConfiguration.class,
					ComplaintObservabilityAutoConfiguration.class))
			.withPropertyValues(new WechatPayStandIn().publicKeyModeProperties())
			.run((context) -> {
				Health health = context
					.getBean(ComplaintObservabilityAutoConfiguration.HEALTH_INDICATOR_BEAN_NAME,
							ComplaintHealthIndicator.class)
					.health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("merchantId", WechatPayStandIn.MCHID)
					.containsEntry("mode", "public-key")
					.containsEntry("publicKeyId", WechatPayStandIn.PUBLIC_KEY_ID)
					.containsEntry("lastNotification", "none since startup");
				String details = health.getDetails().toString();
				assertThat(details).doesNotContain(WechatPayStandIn.API_V3_KEY)
					.doesNotContain("PRIVATE KEY")
					.doesNotContain("PUBLIC KEY")
					.doesNotContain(PemText.privateKey(WechatPayStandIn.merchantKeys().getPrivate())
						.lines()
						.skip(1)
						.findFirst()
						.get())
					.doesNotContain(PemText.write(WechatPayStandIn.wechatpayKeys().getPublic())
						.lines()
						.skip(1)
						.findFirst()
						.get());
			});
	}

	@Test
	void isOffWhenTheHealthIndicatorIsDisabled() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ComplaintClientAutoConfiguration.class,
					ComplaintObservabilityAutoConfiguration.class))
			.withPropertyValues(new WechatPayStandIn().publicKeyModeProperties())
			.withPropertyValues("management.health.wechatpay-complaint.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ComplaintHealthIndicator.class));
	}

	@Test
	void isDownInCertificateModeWithoutAValidCertificate() {
		List<PlatformCertificate> certificates = new ArrayList<>();
		certificates.add(certificate(BigInteger.ONE, NOW.minus(Duration.ofDays(1))));
		Health health = indicator(null, () -> certificates, null).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("mode", "certificates")
			.containsEntry("platformCertificates", Map.of("count", 0));
	}

	@Test
	void warnsWhenTheNewestCertificateExpiresSoon() {
		Collection<PlatformCertificate> certificates = List.of(
				certificate(BigInteger.ONE, NOW.plus(Duration.ofDays(2))),
				certificate(BigInteger.TWO, NOW.plus(Duration.ofDays(5))));
		Health health = indicator(null, () -> certificates, null).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKey("warning");
		assertThat(health.getDetails().get("platformCertificates")).isEqualTo(Map.of("count", 2, "newestSerialNumber",
				"2", "newestExpiresAt", NOW.plus(Duration.ofDays(5)).toString(), "daysToExpiry", 5L));
	}

	@Test
	void isUpWithoutWarningWhenTheNewestCertificateHasTimeLeft() {
		Collection<PlatformCertificate> certificates = List.of(
				certificate(BigInteger.ONE, NOW.plus(Duration.ofDays(2))),
				certificate(BigInteger.TEN, NOW.plus(Duration.ofDays(300))));
		Health health = indicator(null, () -> certificates, null).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).doesNotContainKey("warning");
	}

	@Test
	void onlyWarnsWithoutCertificatesWhenThePublicKeyAlsoVerifies() {
		Health health = indicator(Vectors.key("wechatpay_public_key_id"), List::of, null).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("mode", "public-key+certificates").containsKey("warning");
	}

	@Test
	void showsTheTimeSinceTheLastGenuineNotification() {
		Instant[] now = { NOW };
		Clock moving = new Clock() {

			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now[0];
			}

		};
		NotificationActivity activity = new NotificationActivity(moving);
		activity.handled();
		now[0] = NOW.plus(Duration.ofMinutes(90));
		activity.refused(NotificationRejection.INVALID_SIGNATURE);
		ComplaintHealthIndicator indicator = new ComplaintHealthIndicator("1900000001", "PUB_KEY_ID_1", null, activity,
				null, moving, Duration.ofDays(7));
		Health health = indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("lastNotification", NOW.toString())
			.containsEntry("timeSinceLastNotification", "PT1H30M");
	}

	private ComplaintHealthIndicator indicator(String publicKeyId,
			java.util.function.Supplier<Collection<PlatformCertificate>> certificates, NotificationActivity activity) {
		return new ComplaintHealthIndicator("1900000001", publicKeyId, certificates, activity, null, this.clock,
				Duration.ofDays(7));
	}

	private static PlatformCertificate certificate(BigInteger serial, Instant expiry) {
		return new PlatformCertificate(serial.toString(16).toUpperCase(java.util.Locale.ROOT),
				TestKeys.certificate(PLATFORM, serial, NOW.minus(Duration.ofDays(30)), expiry),
				NOW.minus(Duration.ofDays(30)), expiry);
	}

}
