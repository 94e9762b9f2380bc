package io.github.wechatpaycomplaint.model.request;

import io.github.wechatpaycomplaint.WechatPayException;

/**
 * A request that breaks one of WeChat Pay's documented rules, refused before it is sent.
 * The message names the field (as WeChat Pay spells it on the wire) and the rule, never
 * the content of a text field.
 *
 * @since 0.1.0
 */
public class InvalidComplaintRequestException extends WechatPayException {

	private final String field;

	private final String rule;

	/**
	 * Creates the exception.
	 * @param field the field, e.g. {@code response_content}
	 * @param rule the rule it breaks, e.g.
	 * {@code must be 1 to 500 characters long (was 501)}
	 */
	public InvalidComplaintRequestException(String field, String rule) {
		super(field + " " + rule);
		this.field = field;
		this.rule = rule;
	}

	/**
	 * The field, as WeChat Pay spells it on the wire.
	 * @return e.g. {@code begin_date}
	 */
	public String getField() {
		return this.field;
	}

	/**
	 * The rule the field breaks.
	 * @return the rule
	 */
	public String getRule() {
		return this.rule;
	}

}
