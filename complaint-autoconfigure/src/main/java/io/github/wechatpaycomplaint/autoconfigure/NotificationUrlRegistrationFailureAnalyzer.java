package io.github.wechatpaycomplaint.autoconfigure;

import io.github.wechatpaycomplaint.registration.NotificationUrlRegistrationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a failed notification URL registration at startup and how to proceed.
 */
class NotificationUrlRegistrationFailureAnalyzer extends AbstractFailureAnalyzer<NotificationUrlRegistrationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NotificationUrlRegistrationException cause) {
		String description = "The WeChat Pay complaint starter could not register the notification URL "
				+ cause.getUrl() + " with WeChat Pay.\n\n    Reason: "
				+ ((cause.getCause() != null) ? cause.getCause().getMessage() : cause.getMessage());
		String action = "Check the merchant keys and that the merchant may use the complaint API (NO_AUTH), or set '"
				+ NotificationRegistrationProperties.PREFIX + ".fail-on-registration-error=false' to log the failure "
				+ "and start anyway.";
		return new FailureAnalysis(description, action, cause);
	}

}
