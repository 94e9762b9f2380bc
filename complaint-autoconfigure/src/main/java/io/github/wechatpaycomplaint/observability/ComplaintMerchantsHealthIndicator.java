package io.github.wechatpaycomplaint.observability;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.wechatpaycomplaint.multimerchant.MerchantComponents;
import io.github.wechatpaycomplaint.multimerchant.WechatPayMerchants;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrar;
import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrars;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of an application with several merchants: one entry per merchant under
 * {@code merchants}, with the details {@link ComplaintHealthIndicator} shows for a single
 * merchant (ids only, never key material). A merchant not used yet is {@code UNKNOWN}
 * (its keys are not parsed to check it); a merchant whose keys cannot be built is
 * {@code DOWN} with the reason, which names the property and never a key. A merchant's
 * notification URL registration is shown with it, including that of a merchant added
 * while the application runs.
 *
 * <p>
 * The application is {@code DOWN} only when every merchant is: a broken merchant fails
 * its own calls and notifications while the others serve, so it is named in a
 * {@code warning} detail instead of taking the instance out of service.
 *
 * @since 0.1.0
 */
public final class ComplaintMerchantsHealthIndicator extends AbstractHealthIndicator {

	private final WechatPayMerchants merchants;

	private final @Nullable NotificationActivity activity;

	private final @Nullable NotificationUrlRegistrars registrars;

	private final Clock clock;

	private final Duration expiryWarning;

	/**
	 * Creates an indicator.
	 * @param merchants the merchants
	 * @param activity the notification tracker, or {@code null} without the notification
	 * endpoint
	 * @param registrars the merchants' notification URL registrations, or {@code null}
	 * @param clock the clock
	 * @param expiryWarning warn when a merchant's newest platform certificate expires
	 * within this
	 */
	public ComplaintMerchantsHealthIndicator(WechatPayMerchants merchants, @Nullable NotificationActivity activity,
			@Nullable NotificationUrlRegistrars registrars, Clock clock, Duration expiryWarning) {
		super("WeChat Pay complaint health check failed");
		this.merchants = Objects.requireNonNull(merchants, "merchants");
		this.activity = activity;
		this.registrars = registrars;
		this.clock = Objects.requireNonNull(clock, "clock");
		this.expiryWarning = Objects.requireNonNull(expiryWarning, "expiryWarning");
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, String> broken = this.merchants.brokenMerchants();
		Map<String, Object> details = new LinkedHashMap<>();
		List<String> down = new ArrayList<>();
		for (String name : this.merchants.names()) {
			Health health = merchantHealth(name, broken.get(name));
			Map<String, Object> merchant = new LinkedHashMap<>();
			merchant.put("status", health.getStatus().getCode());
			merchant.putAll(health.getDetails());
			details.put(name, merchant);
			if (Status.DOWN.equals(health.getStatus())) {
				down.add(name);
			}
		}
		boolean allDown = !details.isEmpty() && down.size() == details.size();
		(allDown ? builder.down() : builder.up()).withDetail("merchants", details);
		if (!down.isEmpty() && !allDown) {
			builder.withDetail("warning", "Merchants " + down + " are DOWN; the others serve");
		}
		ComplaintHealthIndicator.notifications(builder, this.activity, this.clock.instant());
	}

	private Health merchantHealth(String name, @Nullable String failure) {
		Health health = componentsHealth(name, failure);
		String registrationProblem = (this.registrars != null) ? this.registrars.problem(name).orElse(null) : null;
		if (registrationProblem == null) {
			return health;
		}
		Map<String, Object> registration = new LinkedHashMap<>();
		registration.put("registration", NotificationUrlRegistrar.Action.FAILED.name());
		registration.put("error", registrationProblem);
		return Health.status(health.getStatus())
			.withDetails(health.getDetails())
			.withDetail("notificationUrl", registration)
			.build();
	}

	private Health componentsHealth(String name, @Nullable String failure) {
		NotificationUrlRegistrar registrar = (this.registrars != null) ? this.registrars.find(name).orElse(null) : null;
		if (failure != null) {
			return Health.down().withDetail("error", failure).build();
		}
		Optional<MerchantComponents> built = this.merchants.builtComponents(name);
		if (built.isEmpty()) {
			Health.Builder unused = Health.unknown().withDetail("state", "not used yet");
			this.merchants.definition(name)
				.ifPresent((definition) -> unused.withDetail("merchantId", definition.merchantId()));
			if (registrar != null) {
				unused.withDetail("notificationUrl", ComplaintHealthIndicator.registration(registrar));
			}
			return unused.build();
		}
		MerchantComponents components = built.get();
		// The single merchant's checks, without the notification activity shown once
		// above.
		return new ComplaintHealthIndicator(components.merchant(), components.verificationKeys(), null, registrar,
				this.clock, this.expiryWarning)
			.health(true);
	}

}
