package io.github.wechatpaycomplaint.autoconfigure;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Explains validation failures of {@code wechatpay.complaint.*} with the property names
 * as users write them (kebab-case) and a concrete action, instead of Boot's generic
 * "Update your application's configuration". Never prints the rejected value: it may be a
 * secret.
 */
class ComplaintPropertiesValidationFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException>
		implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
		String target = cause.getValidationErrors().getName().toString();
		if (!target.startsWith(ComplaintProperties.PREFIX)) {
			return null;
		}
		StringBuilder description = new StringBuilder("The WeChat Pay complaint starter cannot start: ");
		description.append("some wechatpay.complaint properties are missing or invalid.\n");
		for (ObjectError error : cause.getValidationErrors().getAllErrors()) {
			String property = (error instanceof FieldError field) ? target + "." + kebabCase(field.getField()) : target;
			description.append("\n    Property: ")
				.append(property)
				.append("\n    Reason: ")
				.append(error.getDefaultMessage())
				.append('\n');
		}
		return new FailureAnalysis(description.toString(),
				"Set the properties above under 'wechatpay.complaint' in application.yml (or as environment variables "
						+ "such as WECHATPAY_COMPLAINT_MERCHANT_API_V3_KEY), or set 'wechatpay.complaint.enabled=false' to "
						+ "switch the starter off.",
				cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	static String kebabCase(String path) {
		StringBuilder out = new StringBuilder(path.length() + 8);
		for (char c : path.toCharArray()) {
			if (Character.isUpperCase(c)) {
				out.append('-').append(Character.toLowerCase(c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
