package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
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

	/**
	 * Health status of the inbox of durable processing while notifications are parked as
	 * failed: UP (they wait for an operator while new ones are processed), DOWN,
	 * OUT_OF_SERVICE or a custom status listed in
	 * management.endpoint.health.status.order.
	 */
	@NotBlank
	private String inboxFailedStatus = "UP";

	public Duration getCertificateExpiryWarning() {
		return this.certificateExpiryWarning;
	}

	public void setCertificateExpiryWarning(Duration certificateExpiryWarning) {
		this.certificateExpiryWarning = certificateExpiryWarning;
	}

	public String getInboxFailedStatus() {
		return this.inboxFailedStatus;
	}

	public void setInboxFailedStatus(String inboxFailedStatus) {
		this.inboxFailedStatus = inboxFailedStatus;
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
