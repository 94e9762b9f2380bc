package io.github.wechatpaycomplaint.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidComplaintPropertyException} at startup: which property is
 * wrong and how to fix it.
 */
class InvalidComplaintPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidComplaintPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidComplaintPropertyException cause) {
		String description = "The WeChat Pay complaint starter cannot start: property '" + cause.getProperty()
				+ "' is invalid.\n\n    Problem: " + cause.getProblem();
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
