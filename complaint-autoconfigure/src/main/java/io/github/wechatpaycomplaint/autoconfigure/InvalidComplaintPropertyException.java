package io.github.wechatpaycomplaint.autoconfigure;

import io.github.wechatpaycomplaint.WechatPayException;

/**
 * A {@code wechatpay.complaint.*} property whose value cannot work. Reported at startup
 * by {@link InvalidComplaintPropertyFailureAnalyzer}. Never carries the value of a
 * secret.
 *
 * @since 0.1.0
 */
public class InvalidComplaintPropertyException extends WechatPayException {

	private final String property;

	private final String problem;

	private final String action;

	public InvalidComplaintPropertyException(String property, String problem, String action) {
		this(property, problem, action, null);
	}

	public InvalidComplaintPropertyException(String property, String problem, String action, Throwable cause) {
		super("Invalid property '" + property + "': " + problem, cause);
		this.property = property;
		this.problem = problem;
		this.action = action;
	}

	/**
	 * The full property name.
	 * @return e.g. {@code wechatpay.complaint.merchant.api-v3-key}
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * What is wrong.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * How to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
