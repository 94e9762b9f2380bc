package io.github.wechatpaycomplaint.autoconfigure;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts that startup failed with an {@link InvalidComplaintPropertyException} for a
 * property, and that the failure analysis a user sees names the property and a fix.
 */
final class StartupFailureAssertions {

	private StartupFailureAssertions() {
	}

	static InvalidComplaintPropertyException assertInvalidProperty(ApplicationContextAssertProvider<?> context,
			String property) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		InvalidComplaintPropertyException invalid = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidComplaintPropertyException found) {
				invalid = found;
			}
		}
		assertThat(invalid).as("InvalidComplaintPropertyException in " + failure).isNotNull();
		assertThat(invalid.getProperty()).isEqualTo(property);
		FailureAnalysis analysis = new InvalidComplaintPropertyFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains(property, invalid.getProblem());
		assertThat(analysis.getAction()).isEqualTo(invalid.getAction()).isNotBlank();
		return invalid;
	}

	/**
	 * Everything a user could see of the failure: messages, analysis, stack trace text.
	 */
	static String everythingShown(ApplicationContextAssertProvider<?> context) {
		Throwable failure = context.getStartupFailure();
		FailureAnalysis analysis = new InvalidComplaintPropertyFailureAnalyzer().analyze(failure);
		StringBuilder text = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			text.append(cause).append('\n');
		}
		if (analysis != null) {
			text.append(analysis.getDescription()).append('\n').append(analysis.getAction());
		}
		return text.toString();
	}

}
