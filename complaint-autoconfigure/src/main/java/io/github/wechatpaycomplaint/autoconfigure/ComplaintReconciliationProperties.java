package io.github.wechatpaycomplaint.autoconfigure;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the reconciliation job that finds complaints whose notification was
 * lost, under {@code wechatpay.complaint.reconciliation}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(ComplaintReconciliationProperties.PREFIX)
@Validated
public class ComplaintReconciliationProperties implements InitializingBean {

	/** Prefix of these properties. */
	public static final String PREFIX = ComplaintProperties.PREFIX + ".reconciliation";

	/**
	 * Whether to list recent complaints on a schedule and publish a
	 * ComplaintReconciledEvent for every complaint state not reported before.
	 */
	private boolean enabled = false;

	/**
	 * Time between the end of one run and the start of the next.
	 */
	@NotNull
	private Duration interval = Duration.ofMinutes(10);

	/**
	 * Delay between the application's start and the first run.
	 */
	@NotNull
	private Duration initialDelay = Duration.ofMinutes(1);

	/**
	 * Days of complaints to list, by filing date, today (China time) included.
	 */
	@Min(1)
	@Max(90)
	private int lookBackDays = 7;

	/**
	 * How long the run lock and a complaint state being published hold if the instance
	 * dies meanwhile.
	 */
	@NotNull
	private Duration lockLease = Duration.ofMinutes(10);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	public Duration getInitialDelay() {
		return this.initialDelay;
	}

	public void setInitialDelay(Duration initialDelay) {
		this.initialDelay = initialDelay;
	}

	public int getLookBackDays() {
		return this.lookBackDays;
	}

	public void setLookBackDays(int lookBackDays) {
		this.lookBackDays = lookBackDays;
	}

	public Duration getLockLease() {
		return this.lockLease;
	}

	public void setLockLease(Duration lockLease) {
		this.lockLease = lockLease;
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
