package io.github.wechatpaycomplaint.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.certificate.PlatformCertificate;
import io.github.wechatpaycomplaint.certificate.PlatformCertificateManager;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.merchant.WechatPayPublicKey;
import io.github.wechatpaycomplaint.merchant.WechatPayVerificationKeys;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrar;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the starter: which keys are loaded (ids only), how many days the newest
 * platform certificate has left, how long ago the last notification arrived, and what
 * registering the notification URL on startup did. Never shows key material.
 *
 * <ul>
 * <li>DOWN in certificate-only mode when no valid platform certificate is known: no
 * answer can be verified.</li>
 * <li>UP with a {@code warning} detail when the newest certificate expires within the
 * threshold, or when none is known while the WeChat Pay public key also verifies.</li>
 * <li>The time since the last notification is a detail only: a quiet day is not a
 * fault.</li>
 * <li>A failed notification URL registration is a detail too, with WeChat Pay's reason:
 * the application runs, and notifications go to whatever URL was registered before.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class ComplaintHealthIndicator extends AbstractHealthIndicator {

	private final String merchantId;

	private final @Nullable String publicKeyId;

	private final @Nullable Supplier<Collection<PlatformCertificate>> certificates;

	private final @Nullable NotificationActivity activity;

	private final @Nullable NotificationUrlRegistrar registrar;

	private final Clock clock;

	private final Duration expiryWarning;

	/**
	 * Creates an indicator.
	 * @param merchant the merchant
	 * @param keys the keys that verify WeChat Pay's signatures
	 * @param activity the notification tracker, or {@code null} without the notification
	 * endpoint
	 * @param clock the clock
	 * @param expiryWarning warn when the newest platform certificate expires within this
	 */
	public ComplaintHealthIndicator(WechatPayMerchant merchant, WechatPayVerificationKeys keys,
			@Nullable NotificationActivity activity, Clock clock, Duration expiryWarning) {
		this(merchant, keys, activity, null, clock, expiryWarning);
	}

	/**
	 * Creates an indicator that also reports the notification URL registration.
	 * @param merchant the merchant
	 * @param keys the keys that verify WeChat Pay's signatures
	 * @param activity the notification tracker, or {@code null} without the notification
	 * endpoint
	 * @param registrar the startup registration, or {@code null} when it is off
	 * @param clock the clock
	 * @param expiryWarning warn when the newest platform certificate expires within this
	 */
	public ComplaintHealthIndicator(WechatPayMerchant merchant, WechatPayVerificationKeys keys,
			@Nullable NotificationActivity activity, @Nullable NotificationUrlRegistrar registrar, Clock clock,
			Duration expiryWarning) {
		this(merchant.getMerchantId(), publicKeyId(keys), certificates(keys.getPlatformCertificates()), activity,
				registrar, clock, expiryWarning);
	}

	ComplaintHealthIndicator(String merchantId, @Nullable String publicKeyId,
			@Nullable Supplier<Collection<PlatformCertificate>> certificates, @Nullable NotificationActivity activity,
			@Nullable NotificationUrlRegistrar registrar, Clock clock, Duration expiryWarning) {
		super("WeChat Pay complaint health check failed");
		this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
		this.publicKeyId = publicKeyId;
		this.certificates = certificates;
		this.activity = activity;
		this.registrar = registrar;
		this.clock = Objects.requireNonNull(clock, "clock");
		this.expiryWarning = Objects.requireNonNull(expiryWarning, "expiryWarning");
	}

	private static @Nullable String publicKeyId(WechatPayVerificationKeys keys) {
		WechatPayPublicKey publicKey = keys.getPublicKey();
		return (publicKey != null) ? publicKey.id() : null;
	}

	private static @Nullable Supplier<Collection<PlatformCertificate>> certificates(
			@Nullable PlatformCertificateManager manager) {
		return (manager != null) ? () -> manager.getCertificates().values() : null;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Instant now = this.clock.instant();
		builder.up()
			.withDetail("merchantId", this.merchantId)
			.withDetail("mode", mode(this.publicKeyId != null, this.certificates != null));
		if (this.publicKeyId != null) {
			builder.withDetail("publicKeyId", this.publicKeyId);
		}
		if (this.certificates != null) {
			certificates(builder, this.certificates.get(), this.publicKeyId != null, now);
		}
		notifications(builder, now);
		registration(builder);
	}

	private void registration(Health.Builder builder) {
		if (this.registrar == null) {
			return;
		}
		builder.withDetail("notificationUrl", registration(this.registrar));
	}

	static Map<String, Object> registration(NotificationUrlRegistrar registrar) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("url", registrar.getUrl());
		Optional<NotificationUrlRegistrar.Registration> last = registrar.getLastRegistration();
		details.put("registration", last.map((registration) -> registration.action().name()).orElse("PENDING"));
		last.map(NotificationUrlRegistrar.Registration::failure).ifPresent((failure) -> details.put("error", failure));
		return details;
	}

	private static String mode(boolean publicKey, boolean certificates) {
		if (publicKey && certificates) {
			return "public-key+certificates";
		}
		return publicKey ? "public-key" : "certificates";
	}

	private void certificates(Health.Builder builder, Collection<PlatformCertificate> certificates,
			boolean publicKeyToo, Instant now) {
		List<PlatformCertificate> valid = certificates.stream()
			.filter((certificate) -> certificate.expireTime().isAfter(now))
			.sorted(Comparator.comparing(PlatformCertificate::expireTime).reversed())
			.toList();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("count", valid.size());
		if (valid.isEmpty()) {
			builder.withDetail("platformCertificates", details);
			if (publicKeyToo) {
				builder.withDetail("warning", "No valid platform certificate is known; the WeChat Pay public key "
						+ "verifies answers and notifications");
			}
			else {
				builder.down()
					.withDetail("error", "No valid platform certificate is known: WeChat Pay's answers and "
							+ "notifications cannot be verified");
			}
			return;
		}
		PlatformCertificate newest = valid.get(0);
		Duration left = Duration.between(now, newest.expireTime());
		details.put("newestSerialNumber", newest.serialNumber());
		details.put("newestExpiresAt", newest.expireTime().toString());
		details.put("daysToExpiry", left.toDays());
		builder.withDetail("platformCertificates", details);
		if (left.compareTo(this.expiryWarning) < 0) {
			builder.withDetail("warning", "The newest platform certificate expires in " + left.toDays()
					+ " days; WeChat Pay should have issued a newer one (or switch to the WeChat Pay public key)");
		}
	}

	private void notifications(Health.Builder builder, Instant now) {
		notifications(builder, this.activity, now);
	}

	static void notifications(Health.Builder builder, @Nullable NotificationActivity activity, Instant now) {
		if (activity == null) {
			return;
		}
		Instant last = activity.getLastNotification();
		if (last == null) {
			builder.withDetail("lastNotification", "none since startup");
			return;
		}
		builder.withDetail("lastNotification", last.toString())
			.withDetail("timeSinceLastNotification", Duration.between(last, now).withNanos(0).toString());
	}

}
