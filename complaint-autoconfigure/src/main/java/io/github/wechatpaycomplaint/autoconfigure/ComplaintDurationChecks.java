package io.github.wechatpaycomplaint.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Set;

import org.springframework.beans.BeanUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Refuses durations that bind but cannot work: a negative or zero duration where only a
 * positive one makes sense (every {@link Duration} of a properties class, found by
 * walking it, except the few where zero means "at once"), a notification clock skew that
 * lets captured notifications be replayed for long, and a de-duplication time to live too
 * short to outlast the window in which a replay is accepted (twice the clock skew, plus
 * the lease), and an inbox retention as short.
 */
final class ComplaintDurationChecks {

	/**
	 * Largest notification clock skew accepted; WeChat Pay signs a notification when it
	 * sends it.
	 */
	static final Duration MAX_NOTIFICATION_CLOCK_SKEW = Duration.ofMinutes(10);

	/** Durations for which zero means "at once" or "never". */
	private static final Set<String> ZERO_ALLOWED = Set.of(ComplaintClientProperties.PREFIX + ".rate-limit.max-wait",
			ComplaintReconciliationProperties.PREFIX + ".initial-delay",
			ComplaintHealthProperties.PREFIX + ".certificate-expiry-warning");

	private static final String NOTIFICATION = ComplaintNotificationProperties.PREFIX + ".";

	private ComplaintDurationChecks() {
	}

	/**
	 * Refuses a negative duration, or a zero one where zero makes no sense, anywhere in
	 * the properties object.
	 * @param properties a {@code @ConfigurationProperties} object
	 * @param prefix its prefix
	 * @throws InvalidComplaintPropertyException for the first such duration
	 */
	static void checkSigns(Object properties, String prefix) {
		checkSigns(properties, properties.getClass().getName() + "$", prefix + ".");
	}

	/**
	 * Refuses a notification clock skew above {@link #MAX_NOTIFICATION_CLOCK_SKEW}.
	 * @param skew {@code notification.max-clock-skew}
	 * @throws InvalidComplaintPropertyException when it is longer
	 */
	static void checkNotificationClockSkew(Duration skew) {
		if (skew != null && skew.compareTo(MAX_NOTIFICATION_CLOCK_SKEW) > 0) {
			throw new InvalidComplaintPropertyException(NOTIFICATION + "max-clock-skew",
					"it is " + skew + ", more than 10 minutes: a captured notification could be replayed for that long",
					"Set it to at most 10m (the default 5m suits a clock synchronised with NTP), and fix the clock of "
							+ "this host instead.");
		}
	}

	/**
	 * Refuses a de-duplication time to live shorter than the window in which a replayed
	 * notification is accepted.
	 * @param notification the notification properties
	 * @param deduplication the de-duplication properties
	 * @throws InvalidComplaintPropertyException when the time to live is shorter
	 */
	static void checkDeduplicationWindow(ComplaintNotificationProperties notification,
			NotificationDeduplicationProperties deduplication) {
		Duration skew = notification.getMaxClockSkew();
		if (skew == null || deduplication.getProcessingLease() == null || deduplication.getTimeToLive() == null) {
			// Bean Validation reports missing values.
			return;
		}
		// A signed timestamp is accepted from max-clock-skew before to max-clock-skew
		// after it on the local clock, so
		// a capture can be replayed up to twice the skew after the first delivery.
		Duration least = skew.multipliedBy(2).plus(deduplication.getProcessingLease());
		if (deduplication.getTimeToLive().compareTo(least) < 0) {
			throw new InvalidComplaintPropertyException(NOTIFICATION + "deduplication.time-to-live",
					"it is " + deduplication.getTimeToLive() + ", shorter than twice " + NOTIFICATION
							+ "max-clock-skew plus " + NOTIFICATION + "deduplication.processing-lease (" + least
							+ "): a notification replayed " + "within its accepted time window would be handled twice",
					"Set it to at least " + least + ", or lower " + NOTIFICATION
							+ "max-clock-skew; the default 8d also outlasts WeChat Pay's retries.");
		}
	}

	/**
	 * Refuses an inbox retention shorter than the window in which a replayed notification
	 * is accepted: the inbox is the de-duplication of durable processing.
	 * @param notification the notification properties
	 * @param inbox the inbox properties
	 * @throws InvalidComplaintPropertyException when the retention is shorter
	 */
	static void checkInboxRetention(ComplaintNotificationProperties notification, NotificationInboxProperties inbox) {
		Duration skew = notification.getMaxClockSkew();
		if (skew == null || inbox.getLease() == null || inbox.getRetention() == null) {
			// Bean Validation reports missing values.
			return;
		}
		// The same window as the de-duplication store's time to live.
		Duration least = skew.multipliedBy(2).plus(inbox.getLease());
		if (inbox.getRetention().compareTo(least) < 0) {
			throw new InvalidComplaintPropertyException(NotificationInboxProperties.PREFIX + ".retention",
					"it is " + inbox.getRetention() + ", shorter than twice " + NOTIFICATION + "max-clock-skew plus "
							+ NotificationInboxProperties.PREFIX + ".lease (" + least
							+ "): a notification replayed within its accepted time window would be published twice",
					"Set it to at least " + least + ", or lower " + NOTIFICATION
							+ "max-clock-skew; the default 8d also outlasts WeChat Pay's retries.");
		}
	}

	// The property names are built only for nested groups and for a duration that fails:
	// every merchant entry is checked at startup.
	private static void checkSigns(Object target, String nestedPrefix, String path) {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(target.getClass())) {
			Method getter = descriptor.getReadMethod();
			if (getter == null || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Class<?> type = descriptor.getPropertyType();
			if (type == Duration.class) {
				Duration value = (Duration) ReflectionUtils.invokeMethod(getter, target);
				if (value != null && (value.isNegative() || value.isZero())) {
					checkSign(value,
							path + ComplaintPropertiesValidationFailureAnalyzer.kebabCase(descriptor.getName()));
				}
			}
			else if (type != null && !type.isEnum() && type.getName().startsWith(nestedPrefix)) {
				Object nested = ReflectionUtils.invokeMethod(getter, target);
				if (nested != null) {
					checkSigns(nested, nestedPrefix,
							path + ComplaintPropertiesValidationFailureAnalyzer.kebabCase(descriptor.getName()) + ".");
				}
			}
		}
	}

	private static void checkSign(Duration value, String property) {
		if (value == null) {
			return;
		}
		// A merchant entry's key is checked like the global key it overrides.
		boolean zeroAllowed = ZERO_ALLOWED
			.contains(property.replaceFirst("^wechatpay\\.complaint\\.merchants\\.[^.]+\\.", "wechatpay.complaint."));
		if (value.isNegative() || (value.isZero() && !zeroAllowed)) {
			throw new InvalidComplaintPropertyException(property,
					"it is " + value + " but must be " + (zeroAllowed ? "zero or positive" : "positive"),
					"Set a positive duration such as 10s, 5m or 1h, or remove the property to use its default.");
		}
	}

}
