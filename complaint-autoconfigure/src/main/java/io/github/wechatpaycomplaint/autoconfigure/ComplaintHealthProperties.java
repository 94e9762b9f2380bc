package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the Actuator health indicator (when Actuator is present), under
 * {@code wechatpay.complaint.health}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(ComplaintHealthProperties.PREFIX)
@Validated
public class ComplaintHealthProperties implements InitializingBean {

	/** Prefix of these properties. */
	public static final String PREFIX = ComplaintProperties.PREFIX + ".health";

	/**
	 * Show a warning in the health details when the newest platform certificate expires
	 * within this.
	 */
	@NotNull
	private Duration certificateExpiryWarning = Duration.ofDays(7);

	public Duration getCertificateExpiryWarning() {
		return this.certificateExpiryWarning;
	}

	public void setCertificateExpiryWarning(Duration certificateExpiryWarning) {
		this.certificateExpiryWarning = certificateExpiryWarning;
	}

	/**
	 * Refuses durations that bind but cannot work, naming the property and the fix.
	 * @throws InvalidComplaintPropertyException for the first such duration
	 */
	@Override
	public void afterPropertiesSet() {
		ComplaintDurationChecks.checkSigns(this, PREFIX);
	}

}
